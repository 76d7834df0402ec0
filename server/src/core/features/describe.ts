/**
 * Words for settings and value specs, shared by hovers and completion items.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Setting, ValueSpec } from '../catalog/schema.js';
import { listValues } from '../rules/checkValue.js';
import { displayName, listRuntimes, RUNTIME_LABELS } from '../text/names.js';
import type { Runtime } from '../types.js';

/** "true/1 = on; false/0 = off" for a boolean, the values of an enum, the range of a number... */
export function describeSpec(spec: ValueSpec, catalog: Catalog): string {
  switch (spec.type) {
    case 'boolean': {
      const dialect = catalog.dialect(spec.dialect);
      if (!dialect) return 'boolean';
      const also = spec.also?.length ? `; also ${listValues(spec.also)}` : '';
      const other = {
        false: 'anything else is false',
        true: 'anything else is true',
        default: 'anything else is ignored',
        error: 'anything else is an error',
      }[dialect.otherwise];
      return `on: ${listValues(dialect.true)}; off: ${listValues(dialect.false)}${also} (${other}${dialect.caseInsensitive ? '' : ', case-sensitive'})`;
    }
    case 'enum':
      return `one of ${listValues(spec.values)}${spec.caseInsensitive ? '' : ' (case-sensitive)'}`;
    case 'integer':
    case 'float':
      return `${spec.type === 'integer' ? 'whole number' : 'number'}${range(spec.min, spec.max)}${spec.unit ? `, in ${spec.unit}` : ''}`;
    case 'duration':
      return 'Go duration with a unit, e.g. `10s`, `1m30s`';
    case 'url':
      return `URL (${spec.schemes.map((s) => `\`${s}://\``).join(', ')})`;
    case 'port':
      return 'port number 1-65535';
    case 'tags':
      return 'comma-separated `key:value` tags, e.g. `team:intake,layer:api`';
    case 'guid':
      return spec.expected ? `GUID \`${spec.expected}\`` : 'GUID';
    case 'string':
      return spec.known ? `text; known values ${listValues(spec.known)}` : (spec.patternDescription ?? 'text');
    case 'path':
      return 'file system path';
    case 'pathList':
      return 'list of paths';
    case 'list':
      return 'comma-separated list';
    default:
      return 'any value';
  }
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` ${min}-${max}`;
  if (min !== undefined) return ` >= ${min}`;
  if (max !== undefined) return ` <= ${max}`;
  return '';
}

/** One line naming type and runtimes, for completion details. */
export function settingDetail(
  setting: Setting,
  catalog: Catalog,
  runtimes: readonly Runtime[] = setting.runtimes,
): string {
  const status = setting.status === 'stable' ? '' : ` (${setting.status})`;
  return `${typeLabel(setting, catalog, runtimes)}${status} · ${listRuntimes(setting.runtimes)}`;
}

/**
 * The value type for the runtimes in question: one word when they agree, else each type with its
 * runtimes (`DD_PROFILING_UPLOAD_TIMEOUT` is a duration for Go, a whole number for Java).
 */
export function typeLabel(setting: Setting, catalog: Catalog, runtimes: readonly Runtime[]): string {
  const shown = setting.runtimes.filter((r) => runtimes.includes(r));
  const byType = new Map<string, Runtime[]>();
  for (const runtime of shown.length > 0 ? shown : setting.runtimes) {
    const type = catalog.valueSpec(setting, runtime).type;
    byType.set(type, [...(byType.get(type) ?? []), runtime]);
  }
  if (byType.size <= 1) return [...byType.keys()][0] ?? setting.value.type;
  return [...byType].map(([type, list]) => `${type} (${listRuntimes(list)})`).join(', ');
}

/** The markdown documentation of a setting, restricted to the runtimes that matter here. */
export function settingMarkdown(setting: Setting, catalog: Catalog, runtimes: readonly Runtime[]): string {
  const shown = setting.runtimes.filter((r) => runtimes.includes(r));
  const rows = (shown.length > 0 ? shown : setting.runtimes).map((runtime) => {
    const spec = describeSpec(catalog.valueSpec(setting, runtime), catalog).replace(/\|/g, '\\|');
    const fallback = setting.defaults?.[runtime];
    const shownDefault = setting.secret ? '' : fallback ? `\`${fallback}\`` : '';
    return `| ${RUNTIME_LABELS[runtime]} | ${spec} | ${shownDefault.replace(/\|/g, '\\|')} |`;
  });
  const parts = [
    `**${displayName(setting.surface, setting.name)}** · ${typeLabel(setting, catalog, runtimes)} · ${setting.status}`,
    setting.description,
    ['| Runtime | Accepts | Default |', '|---|---|---|', ...rows].join('\n'),
  ];
  const retired = statusLine(setting);
  if (retired) parts.push(retired);
  const equivalents = equivalentsLine(setting);
  if (equivalents) parts.push(equivalents);
  if (setting.requires?.length) {
    parts.push(`Needs ${setting.requires.map((r) => `\`${r.setting}=${r.value}\``).join(', ')}.`);
  }
  if (setting.secret) parts.push('A credential: keep it out of images and repositories; its value is never shown.');
  parts.push(`[Documentation](${setting.docs})`);
  return parts.join('\n\n');
}

function statusLine(setting: Setting): string | undefined {
  if (!['deprecated', 'legacy', 'removed'].includes(setting.status)) return undefined;
  const instead = setting.replacement ? ` Use \`${displayName(setting.surface, setting.replacement)}\` instead.` : '';
  return `**${setting.status === 'removed' ? 'Removed' : 'Deprecated'}${setting.removedIn ? ` in ${setting.removedIn}` : ''}.**${instead}${setting.deprecationNote ? ` ${setting.deprecationNote}` : ''}`;
}

function equivalentsLine(setting: Setting): string | undefined {
  const e = setting.equivalents;
  if (!e) return undefined;
  const names = [
    e.env && setting.surface !== 'env' ? `\`${e.env}\`` : undefined,
    e.javaProperty ? `\`-D${e.javaProperty}\`` : undefined,
    e.rubyConfigure ? `\`c.${e.rubyConfigure.replace(/^c\./, '')}\`` : undefined,
    e.phpIni ? `\`${e.phpIni}\`` : undefined,
    ...(e.ddprofFlag ?? []).map((flag) => `\`${flag}\``),
  ].filter((n) => n !== undefined);
  return names.length > 0 ? `Also written ${names.join(', ')}.` : undefined;
}
