/**
 * Builders for the quick fixes rules attach to findings. Each fix carries its edits inline, so a code
 * action can be rebuilt from the diagnostic alone.
 */
import type { Fix, QuotingStyle, SettingOccurrence } from '../types.js';
import type { RuleContext } from './context.js';

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
    case 'go':
      return goExpression(value);
    case 'js':
      return /^(true|false|-?\d+(\.\d+)?)$/.test(value) ? value : `'${value.replace(/['\\]/g, (c) => `\\${c}`)}'`;
    case 'python':
      if (value === 'true' || value === 'false') return value === 'true' ? 'True' : 'False';
      return /^-?\d+(\.\d+)?$/.test(value) ? value : JSON.stringify(value);
    default:
      return value;
  }
}

const GO_UNITS: Readonly<Record<string, string>> = {
  ns: 'Nanosecond',
  us: 'Microsecond',
  ms: 'Millisecond',
  s: 'Second',
  m: 'Minute',
  h: 'Hour',
};

/** `10s` as `10 * time.Second` (a Go option takes a time.Duration, not text); other values as literals. */
function goExpression(value: string): string {
  const duration = /^(\d+)(ns|us|ms|s|m|h)$/.exec(value);
  if (duration) return `${duration[1]} * time.${GO_UNITS[duration[2] ?? 's'] ?? 'Second'}`;
  return /^(true|false|-?\d+(\.\d+)?)$/.test(value) ? value : JSON.stringify(value);
}

/** Replaces the occurrence's value. */
export function replaceValueFix(occurrence: SettingOccurrence, value: string, title?: string): Fix | undefined {
  if (!occurrence.valueRange) return undefined;
  return {
    title: title ?? `Change the value to \`${value}\``,
    edits: [{ range: occurrence.valueRange, newText: renderValue(value, occurrence.quoting) }],
    preferred: true,
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

/**
 * Renames to `name`, unless `name` is already set for the same process: then the rename would only
 * make a duplicate, so the fix removes this line instead (or, when it cannot, says so in its title).
 */
export function renameOrRemove(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  name: string,
  preferred: boolean,
  /** The plain rename is certain (a change of case, a documented replacement): `--fix` may apply it. */
  safe = false,
): Fix[] {
  const target = ctx.catalog.lookup(occurrence.surface, name);
  const existing = sameProcessAndSurface(ctx.occurrences, occurrence).find(
    (o) => o !== occurrence && (o.name === name || (target !== undefined && ctx.settingOf(o) === target)),
  );
  if (!existing) {
    const rename = renameFix(occurrence, name, preferred);
    return [safe ? { ...rename, safe } : rename];
  }
  const line = existing.nameRange.start.line + 1;
  const remove = removeFix(occurrence, `Remove this line (\`${name}\` is already set on line ${line})`);
  if (remove) return [{ ...remove, preferred }]; // deletes data: never `safe`
  const rename = renameFix(occurrence, name, false);
  return [{ ...rename, title: `${rename.title} (already set on line ${line}: this makes a duplicate)` }];
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

/**
 * The occurrences of one scope and surface, indexed once per analysis: a file with thousands of
 * findings would otherwise scan every occurrence for each of them.
 */
const byScopeAndSurface = new WeakMap<readonly SettingOccurrence[], Map<string, SettingOccurrence[]>>();
function sameProcessAndSurface(
  occurrences: readonly SettingOccurrence[],
  occurrence: SettingOccurrence,
): readonly SettingOccurrence[] {
  let index = byScopeAndSurface.get(occurrences);
  if (!index) {
    index = new Map();
    for (const o of occurrences) {
      const key = `${o.scope}\u0000${o.surface}`;
      const list = index.get(key);
      if (list) list.push(o);
      else index.set(key, [o]);
    }
    byScopeAndSurface.set(occurrences, index);
  }
  return index.get(`${occurrence.scope}\u0000${occurrence.surface}`) ?? [];
}
