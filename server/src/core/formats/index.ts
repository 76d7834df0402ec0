/**
 * Which format a file is, by its name (and the editor's language id when it has one), and the
 * extractor for each format.
 */
import type { Extractor, FormatId } from '../types.js';
import { extractDockerfile } from './dockerfile.js';
import { extractDotenv } from './dotenv.js';

const EXTRACTORS: Partial<Record<FormatId, Extractor>> = {
  dockerfile: extractDockerfile,
  dotenv: extractDotenv,
};

/** The extractor for a format, if the core supports it yet. */
export function extractorFor(format: FormatId): Extractor | undefined {
  return EXTRACTORS[format];
}

/** Every format with an extractor. */
export function supportedFormats(): FormatId[] {
  return Object.keys(EXTRACTORS) as FormatId[];
}

/**
 * Detects the format from a path's base name. Returns `undefined` for files the tool does not check.
 * `languageId` (from an editor) wins where it is specific.
 */
export function detectFormat(fileName: string, languageId?: string): FormatId | undefined {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).toLowerCase();
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'dotenv') return 'dotenv';
  if (base === 'dockerfile' || base === 'containerfile' || base.endsWith('.dockerfile') || base.startsWith('dockerfile.') || base.endsWith('.containerfile')) {
    return 'dockerfile';
  }
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  return undefined;
}
