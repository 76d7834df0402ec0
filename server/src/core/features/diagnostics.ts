import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { ruleDocUrl } from '../rules/registry.js';
import type { Finding, Severity } from '../types.js';

/** What a diagnostic's `data` holds: everything a code action needs, so fixes need no re-analysis. */
export interface DiagnosticData {
  readonly fixes: NonNullable<Finding['fixes']>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'dd-profiler-config';

/** A finding as an LSP diagnostic with a stable code, a link to its rule doc, and typed data. */
export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const tags = finding.tags?.map((tag) =>
    tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary,
  );
  const data: DiagnosticData = { fixes: finding.fixes ?? [] };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUrl(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(finding.related && finding.related.length > 0
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
    data,
  };
}
