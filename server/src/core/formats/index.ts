/**
 * Which format a file is, by its name (and the editor's language id when it has one), and the
 * extractor for each format.
 */
import type { Extractor, FormatId, Grammar } from '../types.js';
import { extractBatch } from './batch.js';
import { extractDockerfile } from './dockerfile.js';
import { extractDotenv } from './dotenv.js';
import { extractJenkinsfile } from './jenkinsfile.js';
import { extractNomad } from './nomad.js';
import { extractPhpIni } from './phpIni.js';
import { extractPowershell } from './powershell.js';
import { extractRuby } from './ruby.js';
import { extractShell } from './shell.js';
import { extractTerraform } from './terraform.js';
import { extractXmlConfig } from './xmlConfig.js';
import { extractYaml } from './yaml.js';

const EXTRACTORS: Record<FormatId, Extractor> = {
  dockerfile: extractDockerfile,
  dotenv: extractDotenv,
  xmlConfig: extractXmlConfig,
  yaml: extractYaml,
  ruby: extractRuby,
  shell: extractShell,
  batch: extractBatch,
  powershell: extractPowershell,
  phpIni: extractPhpIni,
  terraform: extractTerraform,
  nomad: extractNomad,
  jenkinsfile: extractJenkinsfile,
};

/**
 * The tree-sitter grammars each format's extractor parses with; the adapters load them (once, on the
 * first file of the format) before analysing. Formats not listed need none.
 */
const GRAMMARS_BY_FORMAT: Partial<Record<FormatId, readonly Grammar[]>> = {
  terraform: ['hcl'],
  nomad: ['hcl'],
  jenkinsfile: ['groovy'],
};

/** The grammars to load before analysing a file of this format. */
export function grammarsFor(format: FormatId | undefined): readonly Grammar[] {
  return (format && GRAMMARS_BY_FORMAT[format]) ?? [];
}

/** The extractor for a format. */
export function extractorFor(format: FormatId): Extractor {
  return EXTRACTORS[format];
}

const BY_LANGUAGE_ID: Readonly<Record<string, FormatId>> = {
  dockerfile: 'dockerfile',
  dotenv: 'dotenv',
  ruby: 'ruby',
  shellscript: 'shell',
  bat: 'batch',
  powershell: 'powershell',
  terraform: 'terraform',
  'terraform-vars': 'terraform',
  // Plain HCL is most often a Nomad job here; the Nomad extractor is silent on files without `job`.
  hcl: 'nomad',
  jenkinsfile: 'jenkinsfile',
  groovy: 'jenkinsfile',
};

/**
 * Detects the format from a path's base name; an editor's language id decides where the name alone
 * cannot (a shell script without an extension). Returns `undefined` for files the tool does not check.
 * YAML files are all "yaml" here; the YAML extractor itself only reports on compose files and
 * Kubernetes manifests.
 */
export function detectFormat(fileName: string, languageId?: string): FormatId | undefined {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).toLowerCase();
  const byName = detectByName(base);
  if (byName) return byName;
  return languageId ? BY_LANGUAGE_ID[languageId] : undefined;
}

/**
 * The file names each format claims, as case-insensitive globs where `*` stands for any characters:
 * the one source for detection, the README and docs/cli.md tables, the pre-commit hook's file pattern
 * and the editor's file associations (tests keep them in step). First match wins, so order matters.
 */
export const FILE_NAMES: readonly { readonly format: FormatId; readonly patterns: readonly string[] }[] = [
  {
    format: 'dockerfile',
    patterns: ['Dockerfile', 'Dockerfile.*', '*.dockerfile', 'Containerfile', '*.containerfile'],
  },
  { format: 'dotenv', patterns: ['.env', '.env.*', '*.env'] },
  { format: 'xmlConfig', patterns: ['web.config', 'web.*.config', 'applicationHost.config', 'app.config'] },
  { format: 'yaml', patterns: ['*.yaml', '*.yml'] },
  { format: 'ruby', patterns: ['*.rb', '*.ru', 'Gemfile', 'Rakefile'] },
  { format: 'shell', patterns: ['*.sh', '*.bash', '*.zsh', '.bashrc', '.profile'] },
  { format: 'batch', patterns: ['*.bat', '*.cmd'] },
  { format: 'powershell', patterns: ['*.ps1', '*.psm1'] },
  { format: 'phpIni', patterns: ['*.ini', '.htaccess', 'www.conf', 'php-fpm.conf'] },
  { format: 'terraform', patterns: ['*.tf', '*.tfvars'] },
  { format: 'nomad', patterns: ['*.nomad', '*.nomad.hcl'] },
  { format: 'jenkinsfile', patterns: ['Jenkinsfile', 'Jenkinsfile.*', '*.jenkinsfile'] },
];

const NAME_MATCHERS = FILE_NAMES.map(({ format, patterns }) => ({
  format,
  regexps: patterns.map(globToRegExp),
}));

/** `*.env` -> /^.*\.env$/i: only `*` is special in these patterns. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

function detectByName(base: string): FormatId | undefined {
  return NAME_MATCHERS.find(({ regexps }) => regexps.some((regexp) => regexp.test(base)))?.format;
}
