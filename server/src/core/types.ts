/**
 * The shared vocabulary of the pure core. Every format's extractor produces the same
 * {@link ExtractResult}; every rule consumes {@link SettingOccurrence}s and produces {@link Finding}s.
 * Positions are LSP positions (0-based line, UTF-16 character) into the original document text.
 */
import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** The eight runtimes whose profilers read these settings. */
export const RUNTIMES = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php', 'ddprof'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/**
 * How a setting is spelled. The same setting has one name per surface:
 * `DD_PROFILING_ENABLED` (env), `dd.profiling.enabled` (javaProperty), `profiling.enabled` (rubyConfigure,
 * written `c.profiling.enabled`), `datadog.profiling.enabled` (phpIni), `--log_mode` (ddprofFlag).
 * The profiler set up in code has one surface per API: `WithEnv` or `HeapProfile` (goProfiler, an option
 * or profile type of dd-trace-go's `profiler` package), `profiling` (nodeInit, a key of dd-trace's
 * `init({...})`, nested keys dotted), `env` (pythonProfiler, a keyword of `ddtrace.profiling.Profiler`).
 */
export const SURFACES = [
  'env',
  'javaProperty',
  'rubyConfigure',
  'phpIni',
  'ddprofFlag',
  'goProfiler',
  'nodeInit',
  'pythonProfiler',
] as const;
export type Surface = (typeof SURFACES)[number];

/** The file formats the core understands. */
export const FORMATS = [
  'dockerfile',
  'dotenv',
  'xmlConfig',
  'yaml',
  'ruby',
  'shell',
  'batch',
  'powershell',
  'phpIni',
  'makefile',
  'go',
  'javascript',
  'python',
  'json',
  'systemd',
  'javaProperties',
  'terraform',
  'nomad',
  'jenkinsfile',
] as const;
export type FormatId = (typeof FORMATS)[number];

/** One setting written in a file: a name, maybe a value, and where both are. */
export interface SettingOccurrence {
  readonly surface: Surface;
  /** The name as written, e.g. `DD_PROFILING_ENABLED`; for rubyConfigure without the `c.` receiver. */
  readonly name: string;
  readonly nameRange: Range;
  /**
   * The value as the runtime will read it: unquoted, unescaped. `undefined` when the source gives none
   * (an `ARG` without default, a k8s `valueFrom`).
   */
  readonly value?: string;
  /** Range of the value's source text, quotes included. Zero-length right after `=` when the value is empty. */
  readonly valueRange?: Range;
  /**
   * `literal`: the value is fixed text in the file. `reference`: it comes from elsewhere at run time
   * (`${VAR}`, `$(...)`, `valueFrom`, `ENV.fetch`), so value checks do not apply and it is not a hard-coded secret.
   */
  readonly valueKind: 'literal' | 'reference' | 'none';
  /**
   * Groups occurrences that configure the same process: a Dockerfile stage, a k8s container, a compose service.
   * Duplicates, dependencies and runtime detection work within one scope.
   */
  readonly scope: string;
  /** The whole text to delete to remove this occurrence (for "remove duplicate"); omitted when not removable alone. */
  readonly removalRange?: Range;
  /** How a value must be written to be safe in this place; used by quick fixes that rewrite the value. */
  readonly quoting?: QuotingStyle;
  /** Whether a secret written here ends up baked into an artifact (a Dockerfile ENV/ARG, a committed file). */
  readonly bakedIn?: boolean;
  /**
   * How this place reads a variable from the environment when it is not `${NAME}`: `%NAME%` in batch,
   * `$env:NAME` in a PowerShell double-quoted string, `${{ secrets.NAME }}` in a GitHub Actions
   * workflow, `${env:NAME}` in serverless.yml; `none` where no reference can be written in place (a
   * single-quoted PowerShell string, a Helm values file). Used by fixes that replace a hard-coded key
   * with a reference.
   */
  readonly environmentReference?: 'batch' | 'powershell' | 'githubSecrets' | 'serverless' | 'none';
  /**
   * The exact text that reads this setting's value at run time in this place, where the place has its own
   * syntax for it (Terraform `var.dd_api_key`, Jenkins `credentials('dd-api-key')`); replaces the value's
   * source in fixes that move a hard-coded key out of the file.
   */
  readonly secretReference?: string;
  /** Whether the name is read case-insensitively: Windows environment names (batch, PowerShell, IIS config). */
  readonly caseInsensitive?: boolean;
}

/** How a replacement value is to be written back into the source. */
export type QuotingStyle =
  | 'none'
  | 'double'
  | 'single'
  | 'yamlString'
  | 'xmlAttribute'
  | 'ruby'
  /** A Go expression: a string literal, `true`/`false`, a number, or a duration as `10 * time.Second`. */
  | 'go'
  /** A JavaScript expression: `true`/`false` and numbers bare, other text in single quotes. */
  | 'js'
  /** A Python expression: `True`/`False` and numbers bare, other text in double quotes. */
  | 'python';

/** Evidence from the text that a scope runs a given runtime (a `FROM python:3.12`, a `ddtrace-run`). */
export interface RuntimeHint {
  readonly runtime: Runtime;
  /** The scope it applies to; `undefined` = the whole file. */
  readonly scope?: string;
  readonly reason: string;
}

/** Evidence from the text of the operating system a scope runs on (a `FROM mcr.microsoft.com/windows/...`, a `.ps1`). */
export interface OsHint {
  readonly os: 'linux' | 'windows';
  /** The scope it applies to; `undefined` = the whole file. */
  readonly scope?: string;
  readonly reason: string;
}

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One text edit a fix applies. `expected` is the text the range must still hold; a fix is dropped if it doesn't. */
export interface FixEdit {
  readonly range: Range;
  readonly newText: string;
  readonly expected?: string;
}

/** A quick fix, carried in the diagnostic's `data` so code actions rebuild it from the diagnostic alone. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
  readonly preferred?: boolean;
  /**
   * Safe to apply without a person choosing (`dd-profiler-lint --fix`): it only normalises what is
   * already meant (a value's spelling, a deprecated name's replacement, a name's case, quoting,
   * argument order). Never set on fixes that delete data, move a secret or pick among candidates.
   */
  readonly safe?: boolean;
}

/** A problem found by a rule or by an extractor. `code` is a stable string rule id. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** Never contains the value of a secret setting. */
  readonly message: string;
  readonly range: Range;
  readonly fixes?: readonly Fix[];
  /** `deprecated` renders strike-through, `unnecessary` fades the text. */
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
}

/** What every format's extractor returns. Extractors never throw. */
export interface ExtractResult {
  readonly occurrences: readonly SettingOccurrence[];
  /** Syntax-level findings: codes such as `value-syntax`, `parse-error`, `java-arg-order`, `yaml-value-type`. */
  readonly problems: readonly Finding[];
  readonly runtimeHints: readonly RuntimeHint[];
  /** The image each scope runs (a compose service's or k8s container's `image`, a stage's `FROM`), when named. */
  readonly images?: readonly ScopeImage[];
  /** The operating system the file's scopes run on, where the text says (omitted: nothing says). */
  readonly osHints?: readonly OsHint[];
  /**
   * Weaker evidence of a runtime, used for a scope only when no runtime hint covers it: the project files
   * a Dockerfile stage copies in (`COPY Gemfile`), or those beside the document (named by the adapter).
   */
  readonly projectHints?: readonly RuntimeHint[];
  /**
   * Scopes that also see another scope's settings, their own winning: a Dockerfile stage built `FROM` an
   * earlier one sees its `ENV`, a GitHub Actions step its job's and its workflow's `env`, a GitLab job the
   * variables of the pipeline and of what it extends. Omitted: every scope stands alone.
   */
  readonly scopeParents?: readonly ScopeParent[];
}

/** `scope` inherits the settings of `parent` (and of its parents), and overrides them. */
export interface ScopeParent {
  readonly scope: string;
  readonly parent: string;
}

/** The container image a scope runs, as written (`datadog/agent:7`), for rules that tell processes apart. */
export interface ScopeImage {
  readonly scope: string;
  readonly image: string;
}

/** Parses a document's text. Pure, synchronous, total. */
export type Extractor = (text: string, ctx: ExtractContext) => ExtractResult;

/** Optional parsers that must be loaded asynchronously by the adapter (e.g. Prism's WebAssembly) and passed in. */
export interface Parsers {
  /** `parseSync`-style Ruby parser from `@ruby/prism`, if loaded. */
  readonly ruby?: (source: string) => unknown;
  /**
   * Parses `text` with a tree-sitter grammar and hands the root to `read`; the tree is freed when `read`
   * returns, so nodes must not escape it. `undefined` when the parse gave up (past the adapter's time
   * budget), or when the adapter has not loaded that grammar (it
   * loads the grammars a format needs, {@link GRAMMARS_BY_FORMAT}, before analysing a file of it).
   */
  readonly syntax?: <T>(grammar: Grammar, text: string, read: (root: SyntaxNode) => T) => T | undefined;
}

/** The tree-sitter grammars the adapters can load (each ships as WebAssembly in its npm package). */
export const GRAMMARS = ['bash', 'typescript', 'python', 'go', 'hcl', 'groovy'] as const;
export type Grammar = (typeof GRAMMARS)[number];

/**
 * The part of a tree-sitter node the core reads (web-tree-sitter's `Node` has this shape). Offsets and
 * columns count UTF-16 code units, as the text given to the parser does.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly endPosition: { readonly row: number; readonly column: number };
  readonly isNamed: boolean;
  readonly isError: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
  childForFieldName(fieldName: string): SyntaxNode | null;
  /** The smallest node spanning the offsets: lets an extractor go straight to what a text search found. */
  descendantForIndex(start: number, end?: number): SyntaxNode | null;
  childrenForFieldName(fieldName: string): readonly (SyntaxNode | null)[];
}

export interface ExtractContext {
  /** The document's file name (basename), used by formats whose meaning depends on it. */
  readonly fileName: string;
  readonly parsers: Parsers;
}

/** A rule's configured severity; `off` disables it. */
export type RuleLevel = Severity | 'off';

/** User settings, per resource. Everything is optional; defaults live in the core. */
export interface AnalysisSettings {
  /** Override the runtimes the file is assumed to configure (otherwise detected, else all). */
  readonly runtime?: Runtime | 'auto';
  /** Per-rule level, keyed by rule id. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Caps on what one document may cost; each missing field takes its default (features/limits.ts). */
  readonly limits?: Partial<AnalysisLimits>;
}

/** What the analysis of one document may cost; past each cap it says, in one finding, what it skipped. */
export interface AnalysisLimits {
  /** Longer documents are not analysed at all. */
  readonly maxFileChars: number;
  /** Longer lines are left out of the analysis (their settings are not checked). */
  readonly maxLineChars: number;
  /** Wall-clock time after which no further rule runs on the document. */
  readonly timeBudgetMs: number;
}
