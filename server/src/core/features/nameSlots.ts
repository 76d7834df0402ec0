/**
 * Where a new setting name may start on an otherwise empty spot, per format: the text before the
 * caret on its line (up to the word being typed) matched against what precedes a name in that format.
 * Extractors report names that are already typed; this covers the empty slot (`ENV ` + caret).
 */
import type { FormatId, Surface } from '../types.js';

interface Slot {
  readonly before: RegExp;
  readonly surface: Surface;
}

/** `docker run -e ` / `--env ` / `--env=`: a container's setting, in any format with command lines. */
const CONTAINER_ENV: Slot = { before: /\s(-e|--env)(\s+|=)["']?$/, surface: 'env' };

const SLOTS: Readonly<Partial<Record<FormatId, readonly Slot[]>>> = {
  dotenv: [{ before: /^\s*(export\s+)?$/, surface: 'env' }],
  dockerfile: [{ before: /^\s*(ENV|ARG)\s+(.*\s)?$/i, surface: 'env' }, CONTAINER_ENV],
  yaml: [
    { before: /^\s*-\s*name:\s*["']?$/, surface: 'env' },
    { before: /^\s*-\s*["']?$/, surface: 'env' },
  ],
  xmlConfig: [{ before: /<(environmentVariable|add)\s+(name|key)="$/, surface: 'env' }],
  shell: [{ before: /^\s*(export\s+)$/, surface: 'env' }, CONTAINER_ENV],
  makefile: [{ before: /^export\s+$/, surface: 'env' }, CONTAINER_ENV],
  batch: [{ before: /^\s*set\s+"?$/i, surface: 'env' }],
  powershell: [{ before: /\$env:$/i, surface: 'env' }],
  phpIni: [
    { before: /^\s*$/, surface: 'phpIni' },
    { before: /^\s*env\[$/, surface: 'env' },
  ],
};

/** The surface whose names fit at the caret, given the line's text before the typed word. */
export function nameSlotAt(format: FormatId, lineBefore: string): Surface | undefined {
  return SLOTS[format]?.find((slot) => slot.before.test(lineBefore))?.surface;
}
