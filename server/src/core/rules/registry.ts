/**
 * Every finding code the tool can emit, with its default severity and a one-line summary.
 * Codes are stable strings; docs/rules.md has a section per code (a test keeps the two in step),
 * and each diagnostic links to that section.
 */
import type { Severity } from '../types.js';

export interface RuleMeta {
  readonly defaultSeverity: Severity;
  readonly summary: string;
}

export const RULES = {
  'unknown-setting': { defaultSeverity: 'warning', summary: 'A Datadog setting name that no profiler reads.' },
  'invalid-value': {
    defaultSeverity: 'error',
    summary: 'A value the runtime will not read as intended (type, range, enum, format).',
  },
  'deprecated-setting': {
    defaultSeverity: 'warning',
    summary: 'A deprecated, legacy or removed setting; use its replacement.',
  },
  'duplicate-setting': {
    defaultSeverity: 'warning',
    summary: 'The same setting is set twice for one process; only one value wins.',
  },
  'hardcoded-secret': {
    defaultSeverity: 'error',
    summary: 'An API or application key written literally where it ends up in an image or repository.',
  },
  'runtime-mismatch': {
    defaultSeverity: 'warning',
    summary: "A setting that the runtime in use does not read (another tracer's name for it).",
  },
  'missing-dependency': {
    defaultSeverity: 'warning',
    summary: 'A setting that only takes effect together with another one that is not set.',
  },
  'conflicting-settings': {
    defaultSeverity: 'warning',
    summary: 'Two settings where one silently overrides the other.',
  },
  'wrong-target': {
    defaultSeverity: 'warning',
    summary:
      "A setting on the wrong process: a tracer's on the Datadog Agent's container, or the Agent's on an application.",
  },
  'value-syntax': {
    defaultSeverity: 'warning',
    summary: 'Quoting, comments or whitespace that change the value the runtime reads.',
  },
  'yaml-value-type': {
    defaultSeverity: 'error',
    summary: 'An unquoted YAML scalar that is not a string where an environment value must be text.',
  },
  'arg-order': {
    defaultSeverity: 'error',
    summary: 'A profiler option placed after the program on a command line, where nothing reads it.',
  },
  launcher: {
    defaultSeverity: 'error',
    summary:
      'A launch command that never loads the tracer: JVM options given to a wrapper script, a launcher wrapped twice, retired or missing its command.',
  },
  'wrong-os': {
    defaultSeverity: 'warning',
    summary: 'A setting or value for another operating system than the one the process runs on.',
  },
  'parse-error': { defaultSeverity: 'error', summary: 'The file could not be read completely.' },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;

/** Where each rule is documented. */
export const RULE_DOCS_BASE = 'https://github.com/dd-profiler-config/dd-profiler-config/blob/main/docs/rules.md';

export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_BASE}#${code}`;
}

export function isRuleId(code: string): code is RuleId {
  return Object.hasOwn(RULES, code);
}
