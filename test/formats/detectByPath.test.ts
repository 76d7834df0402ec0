/**
 * Formats known by more than the base name: a systemd drop-in by its `*.service.d/` folder, in the
 * CLI's walk (a path) and in the editor (a URI) alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat } from '../../server/src/core/formats/index.js';
import { realService } from '../helpers/service.js';

describe('detection by folder', () => {
  it('reads a .conf under *.service.d/ as a systemd drop-in, and no other .conf', () => {
    assert.equal(detectFormat('/etc/systemd/system/api.service.d/override.conf'), 'systemd');
    assert.equal(detectFormat('C:\\units\\api.service.d\\10-datadog.conf'), 'systemd');
    assert.equal(detectFormat('api.service.d/www.conf'), 'systemd');
    assert.equal(detectFormat('/etc/php/fpm/pool.d/www.conf'), 'phpIni');
    assert.equal(detectFormat('/etc/nginx/conf.d/override.conf'), undefined);
    assert.equal(detectFormat('override.conf'), undefined);
  });

  it('checks a drop-in opened in the editor, whose folder comes from the URI', async () => {
    const service = await realService();
    const text = '[Service]\nEnvironment=DD_PROFILING_ENABLE=true\n';
    const codes = (uri: string) => service.analyze({ uri, text }).findings.map((f) => f.code);
    assert.deepEqual(codes('file:///etc/systemd/system/my%20api.service.d/override.conf'), ['unknown-setting']);
    assert.deepEqual(codes('file:///etc/nginx/conf.d/override.conf'), []);
  });
});

describe('the setup on formats it does not edit', () => {
  it('offers no CodeLens there, and the command says why instead of editing', async () => {
    const service = await realService();
    const files = [
      {
        uri: 'file:///w/Properties/launchSettings.json',
        text: '{"profiles": {"a": {"environmentVariables": {"DD_ENV": "dev"}}}}',
      },
      { uri: 'file:///w/api.service', text: '[Service]\nEnvironment=DD_ENV=prod\n' },
      { uri: 'file:///w/datadog.properties', text: 'dd.env=prod\n' },
      {
        uri: 'file:///w/ServiceManifest.xml',
        text: '<ServiceManifest><CodePackage Name="C"><EnvironmentVariables><EnvironmentVariable Name="DD_ENV" Value="x"/></EnvironmentVariables></CodePackage></ServiceManifest>',
      },
    ];
    for (const doc of files) {
      assert.equal(service.setupHint(doc), undefined, doc.uri);
      const plan = service.planSetup(doc, { runtime: 'dotnet' });
      assert.match(plan.error ?? '', /does not edit|no setup for/, doc.uri);
    }
  });
});
