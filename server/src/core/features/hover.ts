/**
 * Hovers: on a name, what the setting is, what each runtime in use accepts and defaults to, its
 * status and docs; on a value, additionally how each runtime reads that value. A secret's value is
 * never shown.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { checkValue } from '../rules/checkValue.js';
import { displayName, RUNTIME_LABELS } from '../text/names.js';
import { touches } from '../text/ranges.js';
import type { AnalysisSettings, Runtime, SettingOccurrence } from '../types.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import { extractDocument, type DocumentInput, type ServiceDeps } from './analyze.js';
import { settingMarkdown } from './describe.js';
import { scopeRuntimes } from '../rules/scopeRuntimes.js';

export function hover(
  deps: ServiceDeps,
  doc: DocumentInput,
  position: Position,
  settings: AnalysisSettings,
): Hover | null {
  const document = extractDocument(deps, doc);
  if (!document) return null;
  // A name first: a JVM options variable's value holds the `-Ddd.*` names the caret may be on.
  const { occurrences } = document.extracted;
  const occurrence =
    occurrences.find((o) => touches(o.nameRange, position)) ??
    occurrences.find((o) => o.valueRange !== undefined && touches(o.valueRange, position));
  if (!occurrence) return null;
  const onValue = !touches(occurrence.nameRange, position);
  const range = onValue && occurrence.valueRange ? occurrence.valueRange : occurrence.nameRange;
  const setting = deps.catalog.lookup(occurrence.surface, occurrence.name);
  if (!setting) return unknownHover(deps.catalog, occurrence, range);
  const runtimes = scopeRuntimes(document.extracted, settings, occurrence.scope);
  const parts = [settingMarkdown(setting, deps.catalog, runtimes)];
  if (onValue) parts.unshift(valueMarkdown(deps.catalog, setting, occurrence, runtimes));
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

function unknownHover(catalog: Catalog, occurrence: SettingOccurrence, range: Hover['range']): Hover | null {
  if (!/^(_?DD_|dd\.|datadog\.|profiling|-)/.test(occurrence.name)) return null;
  const suggestions = catalog.suggest(occurrence.surface, occurrence.name, 3);
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.map((s) => `\`${displayName(occurrence.surface, s)}\``).join(', ')}?`
    : '';
  const value = `**${displayName(occurrence.surface, occurrence.name)}**: not a setting any Datadog profiler reads.${hint}`;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
}

function valueMarkdown(
  catalog: Catalog,
  setting: Setting,
  occurrence: SettingOccurrence,
  runtimes: readonly Runtime[],
): string {
  if (setting.secret) return '**Value hidden**: this setting is a credential.';
  if (occurrence.valueKind !== 'literal' || occurrence.value === undefined) {
    return '**Value** comes from the environment at run time, so it is not checked here.';
  }
  const value = occurrence.value;
  const readers = setting.runtimes.filter((r) => runtimes.includes(r));
  const lines = (readers.length > 0 ? readers : setting.runtimes).map((runtime) => {
    const problem = checkValue(catalog.valueSpec(setting, runtime), value, catalog);
    return `- ${RUNTIME_LABELS[runtime]}: ${problem ? `✗ ${problem.reason}` : '✓ read as written'}`;
  });
  return [`**Value \`${value}\`**`, ...lines].join('\n');
}
