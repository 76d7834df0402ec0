/**
 * Command lines, wherever they appear (Dockerfile CMD/ENTRYPOINT/RUN, compose `command:`, k8s `args`,
 * shell scripts, JAVA_OPTS values): `-javaagent`/`-Ddd.*` ordering, `-Ddd.*` properties, ddprof flags,
 * wrappers such as `ddtrace-run`, and the runtime hints they give.
 */
import type { ExtractResult, Range } from '../types.js';

/** One word of a command line: its value after shell unquoting, and where its source text is. */
export interface CommandWord {
  readonly value: string;
  readonly range: Range;
}

export interface CommandLineContext {
  /** Scope for occurrences and hints (the Dockerfile stage, the k8s container...). */
  readonly scope: string;
  /** Whether values written here end up in an image. */
  readonly bakedIn: boolean;
}

// SCAFFOLD: replaced by the real analysis.
/** Analyses one command (already split into words; `&&`/`;`/`|` separators appear as their own words). */
export function extractCommandLine(_words: readonly CommandWord[], _ctx: CommandLineContext): ExtractResult {
  return { occurrences: [], problems: [], runtimeHints: [] };
}

// SCAFFOLD: replaced by the real analysis.
/**
 * Analyses the value of a JVM options variable (`JAVA_OPTS`, `JAVA_TOOL_OPTIONS`, `_JAVA_OPTIONS`):
 * `-Ddd.*` properties and `-javaagent`. `valueStart` is the range start of the value's first character
 * in the document; the value is split on whitespace.
 */
export function extractJvmOptions(_value: string, _valueRange: Range, _ctx: CommandLineContext): ExtractResult {
  return { occurrences: [], problems: [], runtimeHints: [] };
}
