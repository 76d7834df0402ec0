/**
 * Completion of setting names (on the surface the caret is on) and of values (booleans, enums,
 * known values). Items replace the whole name or value, so completing in the middle of a word works,
 * and runtimes in use come first.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { Setting } from '../catalog/schema.js';
import { renderValue } from '../rules/fixes.js';
import { createLineIndex } from '../text/lineIndex.js';
import { touches } from '../text/ranges.js';
import { displayName } from '../text/names.js';
import type { AnalysisSettings, Runtime, SettingOccurrence, Surface } from '../types.js';
import { extractDocument, type DocumentInput, type ServiceDeps } from './analyze.js';
import { settingDetail, settingMarkdown } from './describe.js';
import { nameSlotAt } from './nameSlots.js';
import { scopeRuntimes } from '../rules/scopeRuntimes.js';
import { valueCandidates } from './valueCandidates.js';

const HIDDEN = new Set(['removed', 'internal', 'hidden']);

export function complete(
  deps: ServiceDeps,
  doc: DocumentInput,
  position: Position,
  settings: AnalysisSettings,
): CompletionItem[] {
  const document = extractDocument(deps, doc);
  if (!document) return [];
  const { occurrences } = document.extracted;
  const runtimesOf = (scope: string) => scopeRuntimes(document.extracted, settings, scope);
  const onValue = occurrences.find((o) => o.valueRange && touches(o.valueRange, position));
  if (onValue?.valueRange) return valueItems(deps, onValue, onValue.valueRange, runtimesOf(onValue.scope));
  const onName = occurrences.find((o) => touches(o.nameRange, position));
  const index = createLineIndex(doc.text);
  const typedUpTo = (range: Range) => doc.text.slice(index.offsetAt(range.start), index.offsetAt(position));
  if (onName)
    return nameItems(deps, onName.surface, onName.nameRange, runtimesOf(onName.scope), typedUpTo(onName.nameRange));
  const lineStart = index.lineStart(position.line);
  const before = doc.text.slice(lineStart, index.offsetAt(position));
  const word = /[\w.-]*$/.exec(before)?.[0] ?? '';
  const surface = nameSlotAt(document.format, before.slice(0, before.length - word.length));
  if (!surface) return [];
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  return nameItems(deps, surface, range, runtimesOf(''), word);
}

/** Names starting with what is typed (any case); when none does, names containing it. */
function nameItems(
  deps: ServiceDeps,
  surface: Surface,
  range: Range,
  runtimes: readonly Runtime[],
  typed: string,
): CompletionItem[] {
  const wanted = typed.toUpperCase();
  const visible = deps.catalog.all(surface).filter((setting) => !HIDDEN.has(setting.status));
  const starting = visible.filter((setting) => setting.name.toUpperCase().startsWith(wanted));
  const matching =
    starting.length > 0 ? starting : visible.filter((setting) => setting.name.toUpperCase().includes(wanted));
  return matching.map((setting) => nameItem(deps, setting, range, runtimes));
}

function nameItem(deps: ServiceDeps, setting: Setting, range: Range, runtimes: readonly Runtime[]): CompletionItem {
  const relevant = setting.runtimes.some((r) => runtimes.includes(r));
  const retired = ['deprecated', 'legacy'].includes(setting.status);
  const rank = (relevant ? 0 : 2) + (retired ? 4 : 0) + (setting.seed ? 0 : 1);
  return {
    label: displayName(setting.surface, setting.name),
    kind: CompletionItemKind.Variable,
    detail: settingDetail(setting, deps.catalog, runtimes),
    documentation: { kind: MarkupKind.Markdown, value: settingMarkdown(setting, deps.catalog, runtimes) },
    sortText: `${rank}${setting.name}`,
    filterText: setting.name,
    textEdit: { range, newText: setting.name },
    insertTextFormat: InsertTextFormat.PlainText,
    ...(retired ? { tags: [CompletionItemTag.Deprecated] } : {}),
  };
}

function valueItems(
  deps: ServiceDeps,
  occurrence: SettingOccurrence,
  range: Range,
  runtimes: readonly Runtime[],
): CompletionItem[] {
  const setting = deps.catalog.lookup(occurrence.surface, occurrence.name);
  if (!setting || setting.secret) return [];
  return valueCandidates(deps.catalog, setting, runtimes).map((candidate, index) => {
    const newText = renderValue(candidate.value, occurrence.quoting);
    return {
      label: candidate.value,
      kind: CompletionItemKind.Value,
      detail: candidate.detail,
      sortText: String(index).padStart(3, '0'),
      filterText: newText,
      textEdit: { range, newText },
    };
  });
}
