/**
 * Which format a file is, by its name (and the editor's language id when it has one), and the
 * extractor for each format.
 */
import type { Extractor, FormatId } from '../types.js';
import { extractBatch } from './batch.js';
import { extractDockerfile } from './dockerfile.js';
import { extractDotenv } from './dotenv.js';
import { extractPhpIni } from './phpIni.js';
import { extractPowershell } from './powershell.js';
import { extractRuby } from './ruby.js';
import { extractShell } from './shell.js';
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
};

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

function detectByName(base: string): FormatId | undefined {
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (
    base === 'dockerfile' ||
    base === 'containerfile' ||
    base.startsWith('dockerfile.') ||
    ext === 'dockerfile' ||
    ext === 'containerfile'
  ) {
    return 'dockerfile';
  }
  if (base === '.env' || base.startsWith('.env.') || ext === 'env') return 'dotenv';
  if (
    base === 'web.config' ||
    /^web\..+\.config$/.test(base) ||
    base === 'applicationhost.config' ||
    base === 'app.config'
  ) {
    return 'xmlConfig';
  }
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'rb' || ext === 'ru' || base === 'gemfile' || base === 'rakefile') return 'ruby';
  if (ext === 'sh' || ext === 'bash' || ext === 'zsh' || base === '.bashrc' || base === '.profile') return 'shell';
  if (ext === 'bat' || ext === 'cmd') return 'batch';
  if (ext === 'ps1' || ext === 'psm1') return 'powershell';
  if (ext === 'ini' || base === '.htaccess' || base === 'www.conf' || base === 'php-fpm.conf') return 'phpIni';
  return undefined;
}
