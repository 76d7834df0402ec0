/**
 * Cross-setting checks on small inline files, for the cases a fixture would not make obvious: how
 * OpenTelemetry values are compared (percent-encoding, `DD_TAGS` with spaces, empty values), which
 * processes they apply to, and when the .NET loader set is judged at all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { realService } from '../helpers/service.js';
import type { AnalysisSettings } from '../../server/src/core/types.js';

async function findings(name: string, text: string, code: string, settings: AnalysisSettings = {}) {
  const service = await realService();
  const diagnostics = service.validate({ uri: `file:///work/${name}`, text }, settings);
  return diagnostics
    .filter((d: Diagnostic) => d.code === code)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('OpenTelemetry aliases', () => {
  it('compares percent-decoded attribute values and stays silent when they match', async () => {
    const text = 'DD_TAGS=team:data eng,tier:api\nOTEL_RESOURCE_ATTRIBUTES=team=data%20eng\n';
    assert.deepStrictEqual(await findings('.env', text, 'conflicting-settings'), []);
  });

  it('reads DD_TAGS split at spaces when it has no comma', async () => {
    const text = 'DD_TAGS=team:search tier:api\nOTEL_RESOURCE_ATTRIBUTES=tier=web\n';
    const messages = await findings('.env', text, 'conflicting-settings');
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /`tier=web` by `DD_TAGS` \(`tier:api`\)/);
  });

  it('says nothing of an empty value on either side (empty-unified-tag reports those)', async () => {
    const text = 'DD_SERVICE=\nOTEL_SERVICE_NAME=billing\n';
    assert.deepStrictEqual(await findings('.env', text, 'conflicting-settings'), []);
  });

  it('names the runtime of the process, or every tracer when it is unknown', async () => {
    const text = 'DD_SERVICE=a\nOTEL_SERVICE_NAME=b\n';
    assert.match((await findings('.env', text, 'conflicting-settings'))[0] ?? '', /every Datadog tracer reads/);
    const ruby = await findings('.env', text, 'conflicting-settings', { runtime: 'ruby' });
    assert.match(ruby[0] ?? '', /Ruby reads the Datadog setting first/);
  });

  it('is silent for ddprof, which reads no OpenTelemetry name', async () => {
    const text = 'DD_SERVICE=a\nOTEL_SERVICE_NAME=b\n';
    assert.deepStrictEqual(await findings('.env', text, 'conflicting-settings', { runtime: 'ddprof' }), []);
  });

  it('keeps processes apart: a twin in another service does not count', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: python:3.12',
      '    environment:',
      '      DD_SERVICE: a',
      '  b:',
      '    image: python:3.12',
      '    environment:',
      '      OTEL_SERVICE_NAME: b',
      '',
    ].join('\n');
    assert.deepStrictEqual(await findings('docker-compose.yml', text, 'conflicting-settings'), []);
  });
});

describe('the .NET loader set', () => {
  it('is not judged where the file does not show the operating system', async () => {
    const text = 'CORECLR_ENABLE_PROFILING=1\nDD_PROFILING_ENABLED=1\n';
    assert.deepStrictEqual(await findings('.env', text, 'missing-dependency'), []);
  });

  it('is not judged with the switch off', async () => {
    const text = 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV CORECLR_ENABLE_PROFILING=0 DD_PROFILING_ENABLED=1\n';
    assert.deepStrictEqual(await findings('Dockerfile', text, 'missing-dependency'), []);
  });

  it('takes a piece set in another stage of the same Dockerfile', async () => {
    const text = [
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base',
      'ENV CORECLR_PROFILER={846F5F1C-F9AE-4B07-969E-05C26BC060D8} \\',
      '    CORECLR_PROFILER_PATH=/opt/datadog/Datadog.Trace.ClrProfiler.Native.so \\',
      '    DD_DOTNET_TRACER_HOME=/opt/datadog \\',
      '    LD_PRELOAD=/opt/datadog/continuousprofiler/Datadog.Linux.ApiWrapper.x64.so',
      'FROM base',
      'ENV CORECLR_ENABLE_PROFILING=1 DD_PROFILING_ENABLED=1',
      '',
    ].join('\n');
    assert.deepStrictEqual(await findings('Dockerfile', text, 'missing-dependency'), []);
  });

  it('leaves an LD_PRELOAD built from a variable alone', async () => {
    const text = [
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0',
      'ENV CORECLR_ENABLE_PROFILING=1 \\',
      '    CORECLR_PROFILER={846F5F1C-F9AE-4B07-969E-05C26BC060D8} \\',
      '    CORECLR_PROFILER_PATH=/opt/datadog/Datadog.Trace.ClrProfiler.Native.so \\',
      '    DD_DOTNET_TRACER_HOME=/opt/datadog \\',
      '    LD_PRELOAD=${DD_WRAPPER} \\',
      '    DD_PROFILING_ENABLED=1',
      '',
    ].join('\n');
    assert.deepStrictEqual(await findings('Dockerfile', text, 'missing-dependency'), []);
  });
});
