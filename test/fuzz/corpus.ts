/**
 * The documents the fuzzer starts from: every input file under test/fixtures and examples that the tool
 * checks (golden outputs, fixed texts, READMEs and the fuzzer's own regression cases left out), and the
 * file name each format is tried under when the fuzzer writes text from scratch.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { detectFormat } from '../../server/src/core/formats/index.js';
import type { FormatId } from '../../server/src/core/types.js';

/** One document under test: the file name decides the format, as in the editor and the CLI. */
export interface FuzzCase {
  readonly fileName: string;
  readonly text: string;
}

const ROOTS = ['test/fixtures', 'examples'];
const SKIPPED_DIRS = new Set(['fuzz', 'seed']);
const NOT_INPUT = /(\.golden\.\w+|\.findings\.json|\.fixed|\.sarif\.json)$|^README\.md$/;

/** File names the fuzzer gives text of each format (YAML several times: each kind is recognised by name too). */
export const FILE_NAMES: readonly { readonly format: FormatId; readonly fileName: string }[] = [
  { format: 'dockerfile', fileName: 'Dockerfile' },
  { format: 'dotenv', fileName: '.env' },
  { format: 'xmlConfig', fileName: 'web.config' },
  { format: 'yaml', fileName: 'docker-compose.yml' },
  { format: 'yaml', fileName: 'deployment.yaml' },
  { format: 'yaml', fileName: '.gitlab-ci.yml' },
  { format: 'yaml', fileName: 'serverless.yml' },
  { format: 'yaml', fileName: 'values.yaml' },
  { format: 'yaml', fileName: 'application_monitoring.yaml' },
  { format: 'ruby', fileName: 'datadog.rb' },
  { format: 'shell', fileName: 'start.sh' },
  { format: 'batch', fileName: 'start.bat' },
  { format: 'powershell', fileName: 'setup.ps1' },
  { format: 'phpIni', fileName: 'www.conf' },
  { format: 'makefile', fileName: 'Makefile' },
  { format: 'go', fileName: 'main.go' },
  { format: 'javascript', fileName: 'tracer.js' },
  { format: 'javascript', fileName: 'stack.ts' },
  { format: 'python', fileName: 'app.py' },
  { format: 'json', fileName: 'task-definition.json' },
  { format: 'json', fileName: 'launchSettings.json' },
  { format: 'systemd', fileName: 'api.service' },
  { format: 'javaProperties', fileName: 'datadog.properties' },
  { format: 'terraform', fileName: 'main.tf' },
  { format: 'terraform', fileName: 'prod.tfvars' },
  { format: 'nomad', fileName: 'app.nomad.hcl' },
  { format: 'jenkinsfile', fileName: 'Jenkinsfile' },
];

let loaded: readonly FuzzCase[] | undefined;

/** Every checked input file of the repository, read once, in a stable order. */
export function loadCorpus(): readonly FuzzCase[] {
  loaded ??= ROOTS.flatMap((root) => inputFiles(root))
    .sort()
    .map((path) => ({ fileName: basename(path), text: readFileSync(path, 'utf8') }));
  return loaded;
}

/** The corpus documents of one format. */
export function corpusOf(format: FormatId): readonly FuzzCase[] {
  return loadCorpus().filter((doc) => detectFormat(doc.fileName) === format);
}

function inputFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : inputFiles(path);
    return NOT_INPUT.test(name) || !detectFormat(name) ? [] : [path];
  });
}
