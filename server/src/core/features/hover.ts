/**
 * Hovers: on a name, what the setting is, what each runtime in use accepts and defaults to, its
 * status and docs; on a value, additionally how each runtime reads that value. A secret's value is
 * never shown.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { checkValue } from '../rules/checkValue.js';
import { displayName, listRuntimes, RUNTIME_LABELS } from '../text/names.js';
import { touches } from '../text/ranges.js';
import { RUNTIMES, type AnalysisSettings, type Runtime, type SettingOccurrence } from '../types.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Setting } from '../catalog/schema.js';
import { extractDocument, type DocumentInput, type ServiceDeps } from './analyze.js';
import { settingMarkdown } from './describe.js';
import { createRuntimeLookup, type RuntimeLookup } from '../rules/scopeRuntimes.js';
import { redactAssignments } from '../text/secretNames.js';

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
  // The same answer the rules get, so a hover explains the findings beside it.
  const lookup = createRuntimeLookup(document.extracted, settings, (o) => deps.catalog.lookup(o.surface, o.name));
  const runtimes = lookup.runtimesFor(occurrence.scope);
  const parts = [settingMarkdown(setting, deps.catalog, runtimes), runtimeMarkdown(lookup, occurrence.scope)];
  if (onValue) parts.unshift(valueMarkdown(deps.catalog, setting, occurrence, runtimes));
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

function unknownHover(catalog: Catalog, occurrence: SettingOccurrence, range: Hover['range']): Hover | null {
  if (!/^(_?DD_|dd\.|datadog\.|profiling|-)/.test(occurrence.name)) return null;
  const known = knownMarkdown(catalog, occurrence);
  if (known) return { contents: { kind: MarkupKind.Markdown, value: known }, ...(range ? { range } : {}) };
  const suggestions = catalog.suggest(occurrence.surface, occurrence.name, 3);
  const hint = suggestions.length
    ? ` Did you mean ${suggestions.map((s) => `\`${displayName(occurrence.surface, s)}\``).join(', ')}?`
    : '';
  const value = `**${displayName(occurrence.surface, occurrence.name)}**: not a setting any Datadog profiler reads.${hint}`;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
}

/**
 * A name the tracers' registries or the Agent read, though no profiler does: say who reads it, so a
 * correct tracer or Agent setting is not taken for a typo.
 */
function knownMarkdown(catalog: Catalog, occurrence: SettingOccurrence): string | undefined {
  const known = catalog.known(occurrence.surface, occurrence.name);
  if (!known || (known.runtimes.length === 0 && !known.agent)) return undefined;
  const name = `**${displayName(occurrence.surface, occurrence.name)}**`;
  const agent = known.agent ? ' The Datadog Agent reads it too.' : '';
  if (known.runtimes.length > 0) {
    return `${name}: a tracer setting read by ${listRuntimes(known.runtimes)} (their configuration registries), not a profiler setting, so its value is not checked here.${agent}`;
  }
  return `${name}: read by the Datadog Agent, not by the tracers or profilers: it has an effect only on the Agent's own container or host.`;
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

/**
 * The runtime the checks assume for this place, and why: "**Runtime**: Java (FROM eclipse-temurin:21)".
 * A reason may quote a command line, and a command line may hold a key: assignments are redacted.
 */
function runtimeMarkdown(lookup: RuntimeLookup, scope: string): string {
  const runtimes = lookup.runtimesFor(scope);
  const label = runtimes.length === 1 ? '**Runtime**' : '**Runtimes**';
  const choose = 'A `dd-profiler-config: runtime <name>` comment in the file, or the `runtime` setting, says which.';
  const evidence = lookup.runtimeEvidence(scope);
  if (evidence.length > 0) {
    const each = evidence.map((h) => `${RUNTIME_LABELS[h.runtime]} (${redactAssignments(h.reason)})`).join(', ');
    return `${label}: ${each}.`;
  }
  if (lookup.runtimeKnown(scope)) return `${label}: ${listRuntimes(runtimes)} (${lookup.runtimeReason(scope) ?? ''}).`;
  const reason = lookup.runtimeReason(scope);
  if (reason && runtimes.length < RUNTIMES.length)
    return `${label}: probably ${listRuntimes(runtimes, 'or')} (from ${redactAssignments(reason)}). ${choose}`;
  return `**Runtime**: not known from this file, so every runtime's reading is shown. ${choose}`;
}
