/**
 * Which format a file is, by its name (and the editor's language id when it has one), and the
 * extractor for each format.
 */
import type { Extractor, FormatId, Grammar } from '../types.js';
import { extractBatch } from './batch.js';
import { extractDockerfile } from './dockerfile.js';
import { extractDotenv } from './dotenv.js';
import { extractMakefile } from './makefile.js';
import { extractGo } from './go.js';
import { extractJavascript } from './javascript.js';
import { extractJavaProperties } from './javaProperties.js';
import { extractJson } from './json.js';
import { extractJenkinsfile } from './jenkinsfile.js';
import { extractNomad } from './nomad.js';
import { extractPhpIni } from './phpIni.js';
import { extractPowershell } from './powershell.js';
import { extractPython } from './python.js';
import { extractRuby } from './ruby.js';
import { extractShell } from './shell.js';
import { extractSystemd } from './systemd.js';
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
  makefile: extractMakefile,
  go: extractGo,
  javascript: extractJavascript,
  python: extractPython,
  json: extractJson,
  systemd: extractSystemd,
  javaProperties: extractJavaProperties,
  terraform: extractTerraform,
  nomad: extractNomad,
  jenkinsfile: extractJenkinsfile,
};

/**
 * The tree-sitter grammars each format's extractor parses with; the adapters load them (once, on the
 * first file of the format) before analysing. Formats not listed need none.
 */
const GRAMMARS_BY_FORMAT: Partial<Record<FormatId, readonly Grammar[]>> = {
  go: ['go'],
  javascript: ['typescript'],
  python: ['python'],
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
  makefile: 'makefile',
  go: 'go',
  javascript: 'javascript',
  typescript: 'javascript',
  python: 'python',
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
  const parts = fileName.split(/[\\/]/);
  const base = (parts.pop() ?? fileName).toLowerCase();
  const byName = detectByName(base, parts.pop()?.toLowerCase());
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
  {
    format: 'xmlConfig',
    patterns: ['web.config', 'web.*.config', 'applicationHost.config', 'app.config', 'ServiceManifest.xml'],
  },
  { format: 'yaml', patterns: ['*.yaml', '*.yml'] },
  { format: 'ruby', patterns: ['*.rb', '*.ru', 'Gemfile', 'Rakefile'] },
  { format: 'shell', patterns: ['*.sh', '*.bash', '*.zsh', '.bashrc', '.profile'] },
  { format: 'batch', patterns: ['*.bat', '*.cmd'] },
  { format: 'powershell', patterns: ['*.ps1', '*.psm1'] },
  // Before PHP's pool names: a drop-in may be called www.conf too.
  { format: 'systemd', patterns: ['*.service', '*.service.d/*.conf'] },
  { format: 'phpIni', patterns: ['*.ini', '.htaccess', 'www.conf', 'php-fpm.conf'] },
  { format: 'makefile', patterns: ['Makefile', 'GNUmakefile', '*.mk'] },
  { format: 'go', patterns: ['*.go'] },
  { format: 'javascript', patterns: ['*.js', '*.mjs', '*.cjs', '*.ts', '*.mts', '*.cts'] },
  { format: 'python', patterns: ['*.py'] },
  { format: 'json', patterns: ['*.json'] },
  { format: 'javaProperties', patterns: ['datadog.properties', 'dd-java-agent.properties', '*.properties'] },
  { format: 'terraform', patterns: ['*.tf', '*.tfvars'] },
  { format: 'nomad', patterns: ['*.nomad', '*.nomad.hcl'] },
  { format: 'jenkinsfile', patterns: ['Jenkinsfile', 'Jenkinsfile.*', '*.jenkinsfile'] },
];

const NAME_MATCHERS = FILE_NAMES.map(({ format, patterns }) => ({
  format,
  regexps: patterns.map(globToRegExp),
}));

/** `*.env` -> /^.*\.env$/i: only `*` is special in these patterns, and it never spans a `/`. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`, 'i');
}

/** A pattern with a `/` (`*.service.d/*.conf`) is matched against the parent folder's name and the base name. */
function detectByName(base: string, parent: string | undefined): FormatId | undefined {
  const withParent = parent === undefined ? undefined : `${parent}/${base}`;
  return NAME_MATCHERS.find(({ regexps }) =>
    regexps.some((regexp) =>
      regexp.source.includes('\\/') ? withParent !== undefined && regexp.test(withParent) : regexp.test(base),
    ),
  )?.format;
}
