/**
 * Builders for the quick fixes rules attach to findings. Each fix carries its edits inline, so a code
 * action can be rebuilt from the diagnostic alone.
 */
import type { Fix, QuotingStyle, SettingOccurrence } from '../types.js';

/** Writes a value back the way the place it goes needs it to be written. */
export function renderValue(value: string, quoting: QuotingStyle | undefined): string {
  switch (quoting) {
    case 'double':
      return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    case 'single':
      return `'${value}'`;
    case 'yamlString':
      return JSON.stringify(value);
    case 'xmlAttribute':
      return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    case 'ruby':
      return /^(true|false|nil|-?\d+(\.\d+)?|:[a-z_]\w*)$/.test(value)
        ? value
        : `'${value.replace(/['\\]/g, (c) => `\\${c}`)}'`;
    default:
      return value;
  }
}

/** Replaces the occurrence's value. */
export function replaceValueFix(occurrence: SettingOccurrence, value: string, title?: string): Fix | undefined {
  if (!occurrence.valueRange) return undefined;
  return {
    title: title ?? `Change the value to \`${value}\``,
    edits: [{ range: occurrence.valueRange, newText: renderValue(value, occurrence.quoting) }],
    preferred: true,
    safe: true, // rules suggest a value only when it is the one the user meant, written as the runtime reads it
  };
}

/** Renames the setting (to a suggestion or a replacement). */
export function renameFix(occurrence: SettingOccurrence, name: string, preferred: boolean): Fix {
  return {
    title: `Change to \`${name}\``,
    edits: [{ range: occurrence.nameRange, newText: name, expected: occurrence.name }],
    preferred,
  };
}

/** Deletes the occurrence, when the extractor says how. */
export function removeFix(occurrence: SettingOccurrence, title: string): Fix | undefined {
  if (!occurrence.removalRange) return undefined;
  return { title, edits: [{ range: occurrence.removalRange, newText: '' }] };
}

/** Drops the undefineds so a rule can list the fixes it might have. */
export function fixes(...candidates: (Fix | undefined)[]): Fix[] {
  return candidates.filter((fix): fix is Fix => fix !== undefined);
}
