/**
 * What the extension contributes stays in step with the code: the settings in package.json with the
 * rule registry and runtimes, the document patterns with format detection, and every snippet is a
 * correct setup by our own rules.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { documentSelector, FILE_PATTERNS } from '../../client/src/documents.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import { detectFormat } from '../../server/src/core/formats/index.js';
import { RUNTIMES } from '../../server/src/core/types.js';
import { realService } from '../helpers/service.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const properties = manifest.contributes.configuration.properties;

describe('package.json contributions', () => {
  it('declares one level setting per rule, and every runtime', () => {
    assert.deepEqual(Object.keys(properties['ddProfilerConfig.rules'].properties), Object.keys(RULES));
    assert.deepEqual(properties['ddProfilerConfig.runtime'].enum, ['auto', ...RUNTIMES]);
  });

  it('serves every file name the core detects, and nothing it does not', () => {
    const samples = [
      'Dockerfile',
      'api.dockerfile',
      'Containerfile',
      '.env',
      '.env.production',
      'app.env',
      'web.config',
      'applicationHost.config',
      'compose.yaml',
      'deploy.yml',
      'datadog.rb',
      'start.sh',
      'start.bat',
      'setup.ps1',
      'php.ini',
      '.htaccess',
      'www.conf',
      'Makefile',
      'GNUmakefile',
      'docker.mk',
      'task-definition.json',
      'launchSettings.json',
      'api.service',
      'datadog.properties',
      'ServiceManifest.xml',
      'main.tf',
      'prod.tfvars',
      'app.nomad',
      'app.nomad.hcl',
      'Jenkinsfile',
      'Jenkinsfile.release',
      'ci.jenkinsfile',
    ];
    const globToRegExp = (glob: string) =>
      new RegExp(`^${glob.replace('**/', '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`, 'i');
    for (const name of samples) {
      assert.ok(detectFormat(name), `core detects ${name}`);
      assert.ok(
        FILE_PATTERNS.some((p) => globToRegExp(p).test(name)),
        `client serves ${name}`,
      );
    }
    assert.equal(detectFormat('README.md'), undefined);
  });

  it('declares the commands the client registers, and the walkthrough media exist', () => {
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands, ['ddProfilerConfig.enableProfiling', 'ddProfilerConfig.validateWorkspace']);
    const client = readFileSync('client/src/extension.ts', 'utf8');
    for (const command of commands) assert.ok(client.includes(`'${command}'`), command);
    assert.equal(manifest.contributes.configuration.title, 'Datadog Profiler');
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const step of walkthrough.steps) assert.ok(statSync(step.media.image).isFile(), step.media.image);
    }
  });

  it('contributes one snippet file per declared language', () => {
    const declared = manifest.contributes.snippets
      .map((s: { path: string }) => s.path.replace('./snippets/', ''))
      .sort();
    assert.deepEqual(declared, readdirSync('snippets').sort());
  });
});

describe('workspace trust and virtual workspaces', () => {
  it('keeps working in restricted mode, since it runs nothing from the workspace', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    // The claim behind it: no code of the extension or its server can start a process or load code.
    const runsCode = /from '(node:)?(child_process|worker_threads|vm|net|http|https|dgram)'|\beval\(|new Function\(/;
    for (const file of sourceFiles(['client/src', 'server/src'])) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), runsCode, file);
    }
  });

  it('declares virtual workspaces as limited to what it serves: file: and untitled documents', () => {
    const virtual = manifest.capabilities.virtualWorkspaces;
    assert.equal(virtual.supported, 'limited');
    assert.match(virtual.description, /untitled/);
    assert.deepEqual([...new Set(documentSelector.map((filter) => filter.scheme))].sort(), ['file', 'untitled']);
  });
});

function sourceFiles(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(dir, name)),
  );
}

/** A snippet body as inserted with its defaults: `${1:my-service}` -> `my-service`, `\$` -> `$`. */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

const SNIPPET_FILES: Record<string, string> = {
  'dockerfile.json': 'Dockerfile',
  'dotenv.json': '.env',
  'yaml.json': 'docker-compose.yml',
  'xml.json': 'web.config',
  'ruby.json': 'datadog.rb',
  'shellscript.json': 'start.sh',
  'bat.json': 'start.bat',
  'powershell.json': 'setup.ps1',
  'ini.json': 'php.ini',
};

describe('snippets are correct setups', () => {
  for (const [file, fileName] of Object.entries(SNIPPET_FILES)) {
    it(`${file}: no errors or warnings from our own rules`, async () => {
      const service = await realService();
      const snippets = JSON.parse(readFileSync(`snippets/${file}`, 'utf8')) as Record<
        string,
        { prefix: string; body: string[] }
      >;
      for (const [name, snippet] of Object.entries(snippets)) {
        const runtime = /^dd-profiler-(\w+)/.exec(snippet.prefix)?.[1] ?? '';
        assert.ok((RUNTIMES as readonly string[]).includes(runtime), `${name}: prefix names a runtime`);
        let text = expand(snippet.body.join('\n'));
        // A compose service or a k8s env block is inserted inside a file; wrap it the way it is used.
        if (snippet.prefix.endsWith('-compose')) text = `services:\n${text.replace(/^/gm, '  ')}\n`;
        if (snippet.prefix.endsWith('-k8s'))
          text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: app\n      image: x\n${text.replace(/^/gm, '      ')}\n`;
        if (file === 'xml.json') text = `<configuration><system.webServer>${text}</system.webServer></configuration>`;
        const findings = service.analyze(
          { uri: `file:///snippets/${fileName}`, text },
          { runtime: runtime as never },
        ).findings;
        assert.deepEqual(
          findings
            .filter((f) => f.severity === 'error' || f.severity === 'warning')
            .map((f) => `${f.code}: ${f.message}`),
          [],
          `${name}:\n${text}`,
        );
      }
    });
  }
  it('every snippet ends with a newline and a final tab stop, so the next line is never glued on', () => {
    for (const file of readdirSync('snippets')) {
      const snippets = JSON.parse(readFileSync(`snippets/${file}`, 'utf8')) as Record<string, { body: string[] }>;
      for (const [name, snippet] of Object.entries(snippets)) {
        assert.equal(snippet.body[snippet.body.length - 1], '$0', `${file}: ${name}`);
        assert.ok(snippet.body.length > 1, `${file}: ${name}`);
      }
    }
  });

  it('every runtime has a Dockerfile and a .env setup', () => {
    for (const file of ['dockerfile.json', 'dotenv.json']) {
      const prefixes = Object.values(
        JSON.parse(readFileSync(`snippets/${file}`, 'utf8')) as Record<string, { prefix: string }>,
      ).map((s) => s.prefix);
      for (const runtime of RUNTIMES) assert.ok(prefixes.includes(`dd-profiler-${runtime}`), `${file} has ${runtime}`);
    }
  });
});
