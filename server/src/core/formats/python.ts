/**
 * Python: the profiler set up in code as the seed documents it, and AWS CDK environments, parsed with
 * tree-sitter-python.
 *
 * - `Profiler(env="prod", service="web", version="1.0")` where `Profiler` comes from
 *   `ddtrace.profiling` (`from ddtrace.profiling import Profiler`, `ddtrace.profiling.Profiler(...)`,
 *   any alias): each keyword is a `pythonProfiler` occurrence.
 * - `import ddtrace.profiling.auto` (and `ddtrace.auto`, `ddtrace-run`'s in-code twin): the runtime is Python.
 * - `os.environ["DD_X"] = "…"`, `os.environ.setdefault("DD_X", "…")`: env occurrences (reads are the
 *   program's own business: it may read a variable of its own).
 * - AWS CDK: `environment={…}` passed to a construct and `add_environment("DD_X", "…")` (cdkPython.ts).
 *
 * Values: strings (not f-strings), `True`/`False` (as `true`/`false`), numbers; anything else is a reference.
 * A file that names neither ddtrace nor a Datadog variable is not parsed.
 */
import type { ExtractContext, ExtractResult, RuntimeHint, SettingOccurrence, SyntaxNode } from '../types.js';
import { readCdkPython } from './cdkPython.js';
import { isDatadogEnvName, itemsOf, listItemRemoval, syntaxNote } from './codeNodes.js';
import { pythonContentRange, pythonString, pythonValue } from './pythonNodes.js';
import { emptyResult, mergeResults } from './result.js';
import { nodeRange, walkTree, withSyntaxTree } from './syntaxTree.js';

const WORTH_PARSING = /ddtrace|\b_?(DD|DATADOG)_[A-Z]/;

export function extractPython(text: string, ctx: ExtractContext): ExtractResult {
  if (!WORTH_PARSING.test(text)) return emptyResult();
  return withSyntaxTree(ctx, 'python', text, (root) => {
    const occurrences: SettingOccurrence[] = [];
    const runtimeHints: RuntimeHint[] = [];
    const profilers = profilerNames(root, runtimeHints);
    walkTree(root, (node) => {
      if (node.type === 'call') readCall(node, profilers, occurrences);
      else if (node.type === 'subscript') readEnvSubscript(node, occurrences);
    });
    // Setting os.environ configures this Python process; reading it (a CDK app passing a key on) does not.
    const setsUp = /^\s*(import|from)\s+ddtrace\b/m.test(text) || occurrences.some((o) => o.valueKind !== 'none');
    if (runtimeHints.length === 0 && setsUp)
      runtimeHints.push({ runtime: 'python', reason: 'a Python file that sets up ddtrace' });
    const own: ExtractResult = { occurrences, problems: syntaxNote(root, 'Python'), runtimeHints };
    return /aws_cdk/.test(text) ? mergeResults([own, readCdkPython(root)]) : own;
  });
}

/**
 * How the file names the Profiler class: always `ddtrace.profiling.Profiler` and
 * `ddtrace.profiling.profiler.Profiler`, plus what `from ddtrace.profiling import Profiler [as P]` binds.
 */
function profilerNames(root: SyntaxNode, hints: RuntimeHint[]): Set<string> {
  const names = new Set(['ddtrace.profiling.Profiler', 'ddtrace.profiling.profiler.Profiler']);
  for (const statement of itemsOf(root)) {
    if (
      statement.type === 'import_statement' &&
      /\bddtrace\.(profiling\.)?auto\b/.test(statement.text) &&
      hints.length === 0
    )
      hints.push({ runtime: 'python', reason: `\`${statement.text.trim()}\`` });
    if (statement.type !== 'import_from_statement') continue;
    const module = statement.childForFieldName('module_name')?.text;
    if (module === 'ddtrace' && /\bauto\b/.test(statement.text) && hints.length === 0)
      hints.push({ runtime: 'python', reason: `\`${statement.text.trim()}\`` });
    if (module !== 'ddtrace.profiling' && module !== 'ddtrace.profiling.profiler') continue;
    for (const imported of statement.childrenForFieldName('name')) {
      if (imported?.type === 'dotted_name' && imported.text === 'Profiler') names.add('Profiler');
      if (imported?.type === 'aliased_import' && imported.childForFieldName('name')?.text === 'Profiler')
        names.add(imported.childForFieldName('alias')?.text ?? 'Profiler');
    }
  }
  return names;
}

function readCall(node: SyntaxNode, profilers: Set<string>, into: SettingOccurrence[]): void {
  const callee = node.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
  const args = itemsOf(node.childForFieldName('arguments'));
  if (profilers.has(callee)) {
    args.forEach((arg, index) => {
      if (arg.type !== 'keyword_argument') return;
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (!name || !value) return;
      const removalRange = listItemRemoval(args, index);
      into.push({
        surface: 'pythonProfiler',
        name: name.text,
        nameRange: nodeRange(name),
        ...pythonValue(value),
        scope: 'file',
        ...(removalRange ? { removalRange } : {}),
      });
    });
    return;
  }
  // os.environ.setdefault("DD_X", "v"), os.putenv("DD_X", "v"); reads are the program's own business.
  if (!/^os\.(environ\.setdefault|putenv)$/.test(callee)) return;
  const [key, value] = args;
  if (key && value) pushEnv(key, value, into);
}

/** `os.environ["DD_X"] = …`. */
function readEnvSubscript(node: SyntaxNode, into: SettingOccurrence[]): void {
  if (node.childForFieldName('value')?.text.replace(/\s/g, '') !== 'os.environ') return;
  const key = node.childForFieldName('subscript');
  if (!key) return;
  const parent = node.parent;
  const left = parent?.type === 'assignment' ? parent.childForFieldName('left') : null;
  const assigned = left?.startIndex === node.startIndex ? parent?.childForFieldName('right') : undefined;
  if (assigned) pushEnv(key, assigned, into);
}

function pushEnv(key: SyntaxNode, value: SyntaxNode, into: SettingOccurrence[]): void {
  const name = key.type === 'string' ? pythonString(key) : undefined;
  if (!name || !isDatadogEnvName(name)) return;
  into.push({
    surface: 'env',
    name,
    nameRange: pythonContentRange(key),
    ...pythonValue(value, true),
    scope: 'file',
    environmentReference: 'none',
  });
}
