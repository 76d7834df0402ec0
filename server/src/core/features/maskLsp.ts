/**
 * The secret mask applied to the LSP shapes the service returns: hovers, completion items, code
 * actions and the "Enable Datadog profiling…" choices and plan. Texts are masked; an edit that would
 * write a secret is not offered at all.
 */
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver-types';
import type { SecretMask } from './mask.js';
import type { SetupChoices, SetupPlan } from './setup/types.js';

export function maskHover(mask: SecretMask, hover: Hover | null): Hover | null {
  if (!hover) return null;
  const { contents } = hover;
  const masked = Array.isArray(contents)
    ? contents.map((part) => (typeof part === 'string' ? mask.text(part) : { ...part, value: mask.text(part.value) }))
    : typeof contents === 'string'
      ? mask.text(contents)
      : { ...contents, value: mask.text(contents.value) };
  return { ...hover, contents: masked as Hover['contents'] };
}

export function maskCompletions(mask: SecretMask, items: readonly CompletionItem[]): CompletionItem[] {
  return items
    .filter((item) => !editsHold(mask, [item.textEdit, ...(item.additionalTextEdits ?? [])]))
    .map((item) => ({
      ...item,
      label: mask.text(item.label),
      ...(item.detail !== undefined ? { detail: mask.text(item.detail) } : {}),
      ...(item.filterText !== undefined ? { filterText: mask.text(item.filterText) } : {}),
      ...(item.insertText !== undefined ? { insertText: mask.text(item.insertText) } : {}),
      ...(item.documentation !== undefined ? { documentation: maskMarkup(mask, item.documentation) } : {}),
    }));
}

export function maskCodeActions(mask: SecretMask, actions: readonly CodeAction[]): CodeAction[] {
  return actions
    .filter((action) => !editsHold(mask, Object.values(action.edit?.changes ?? {}).flat()))
    .map((action) => ({
      ...action,
      title: mask.text(action.title),
      ...(action.diagnostics ? { diagnostics: action.diagnostics.map((d) => maskDiagnostic(mask, d)) } : {}),
    }));
}

/** A diagnostic echoed back by the client: its message and its fixes' titles and edits. */
function maskDiagnostic(mask: SecretMask, diagnostic: Diagnostic): Diagnostic {
  const masked: Diagnostic = {
    ...diagnostic,
    message: maskMarkup(mask, diagnostic.message) as Diagnostic['message'],
    ...(diagnostic.relatedInformation
      ? { relatedInformation: diagnostic.relatedInformation.map((r) => ({ ...r, message: mask.text(r.message) })) }
      : {}),
  };
  // `data` carries fix edits that cannot be masked; a client that sends a secret back gets none.
  if (diagnostic.data !== undefined && mask.holds(JSON.stringify(diagnostic.data))) delete masked.data;
  return masked;
}

function maskMarkup(mask: SecretMask, doc: string | MarkupContent): string | MarkupContent {
  return typeof doc === 'string' ? mask.text(doc) : { ...doc, value: mask.text(doc.value) };
}

function editsHold(mask: SecretMask, edits: readonly (TextEdit | { newText: string } | undefined)[]): boolean {
  return edits.some((edit) => edit !== undefined && mask.holds(edit.newText));
}

/** The places' labels name services and images, which a pasted key may be. */
export function maskSetupChoices(mask: SecretMask, choices: SetupChoices | undefined): SetupChoices | undefined {
  if (!choices) return undefined;
  return {
    ...choices,
    targets: choices.targets.map((target) => ({
      ...target,
      label: mask.text(target.label),
      ...(target.service !== undefined ? { service: mask.text(target.service) } : {}),
    })),
  };
}

/**
 * The plan shows the values it would change (`current` → `proposed`): a key pasted as one of them is
 * masked, and a change or an insertion whose edit would write it is left out.
 */
export function maskSetupPlan(mask: SecretMask, plan: SetupPlan): SetupPlan {
  const changes = plan.changes
    .filter((change) => !mask.holds(change.edit.newText))
    .map((change) => ({ ...change, current: mask.text(change.current), proposed: mask.text(change.proposed) }));
  if (!editsHold(mask, plan.edits)) return { ...plan, changes };
  return { ...plan, edits: [], added: [], changes, error: 'The setup would copy a key-like value; write it by hand.' };
}
