/**
 * Turns the JSON files of `schemas/` into a `Catalog`. Pure: the caller reads the files. Every problem
 * is reported with its file, line and column so a broken catalog edit is fixed in seconds, not hunted.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { Surface } from '../types.js';
import { createCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import { mergeRegistry, type Merged } from './mergeRegistry.js';
import { buildKnownIndex } from './registry.js';
import { checkRegistry } from './registryShape.js';
import { checkEquivalences, type Equivalence } from './equivalences.js';
import { catalogFileSchema } from './schema.js';
import type {
  BooleanDialect,
  CatalogFile,
  OtherProduct,
  RegistryName,
  RegistryOverride,
  Setting,
  ValueSpec,
} from './schema.js';

/** One catalog file as read from disk: its name (used in messages) and its text. */
export interface CatalogSource {
  readonly fileName: string;
  readonly text: string;
}

/** The catalog data is invalid. `problems` holds one `file:line:column: path: message` line per problem. */
export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid settings catalog:\n${problems.join('\n')}`);
    this.name = 'CatalogError';
  }
}

type JsonPath = (string | number)[];

interface ParsedFile {
  readonly source: CatalogSource;
  readonly root: Node;
  readonly data: CatalogFile;
}

/** A setting together with where it was written, for cross-file messages. */
interface Located {
  readonly setting: Setting;
  readonly file: ParsedFile;
  readonly index: number;
}

/**
 * The validated content of all catalog files, ready to build a `Catalog` from. The build writes it to
 * `dist/catalog.json` (server/src/lsp/catalog.ts) so the shipped server skips validation at start-up.
 */
export interface CatalogData {
  readonly settings: readonly Setting[];
  readonly dialects: Readonly<Record<string, BooleanDialect>>;
  readonly equivalences: readonly Equivalence[];
  readonly registry: {
    readonly names: readonly RegistryName[];
    readonly overrides: readonly RegistryOverride[];
    readonly otherProducts: readonly OtherProduct[];
  };
  /** `settings` already carry the registries' runtimes and retirements (`mergeCatalogData`). */
  readonly merged?: true;
}

/** Validates every file, then the references between them, and builds the catalog. Throws `CatalogError`. */
export function loadCatalog(files: readonly CatalogSource[]): Catalog {
  return catalogFromData(validateCatalog(files));
}

/** The catalog over already-validated data: the registries merged into the curated settings. */
export function catalogFromData(data: CatalogData): Catalog {
  const merged = data.merged ? indexOnly(data) : mergeRegistry(data.settings, data.registry);
  return createCatalog(merged.settings, data.dialects, data.equivalences, merged.index);
}

/**
 * The data with the registries already merged into the settings, for the prebuilt catalog: the server
 * then skips the merge (hundreds of look-ups) before its first answer.
 */
export function mergeCatalogData(data: CatalogData): CatalogData {
  if (data.merged) return data;
  return { ...data, settings: mergeRegistry(data.settings, data.registry).settings, merged: true };
}

function indexOnly(data: CatalogData): Merged {
  const curated = data.settings.filter((setting) => setting.surface === 'env');
  return { settings: [...data.settings], index: buildKnownIndex({ ...data.registry, curated }) };
}

/** Validates every file and the references between them, and returns their data. Throws `CatalogError`. */
export function validateCatalog(files: readonly CatalogSource[]): CatalogData {
  const problems: string[] = [];
  const parsed: ParsedFile[] = [];
  for (const source of files) {
    const file = parseFile(source, problems);
    if (file) parsed.push(file);
  }
  if (problems.length > 0) throw new CatalogError(problems);
  const dialects: Record<string, BooleanDialect> = {};
  const located: Located[] = [];
  const names: RegistryName[] = [];
  const overrides: RegistryOverride[] = [];
  const otherProducts: OtherProduct[] = [];
  for (const file of parsed) {
    for (const [name, dialect] of Object.entries(file.data.booleanDialects ?? {})) {
      if (name in dialects) problems.push(at(file, ['booleanDialects', name], `duplicate boolean dialect "${name}"`));
      dialects[name] = dialect;
    }
    (file.data.settings ?? []).forEach((setting, index) => located.push({ setting, file, index }));
    names.push(...(file.data.registry?.names ?? []));
    overrides.push(...(file.data.registryOverrides ?? []));
    otherProducts.push(...(file.data.otherProducts ?? []));
    checkPatterns(file, problems);
  }
  checkReferences(located, dialects, problems);
  const equivalences = collectEquivalences(parsed, located, problems);
  if (problems.length > 0) throw new CatalogError(problems);
  return {
    settings: located.map((entry) => entry.setting),
    dialects,
    equivalences,
    registry: { names, overrides, otherProducts },
  };
}

/** Every file's curated equivalences, checked against the env settings. */
function collectEquivalences(parsed: readonly ParsedFile[], located: readonly Located[], problems: string[]) {
  const env = new Set(located.filter((l) => l.setting.surface === 'env').map((l) => l.setting.name));
  const all: Equivalence[] = [];
  for (const file of parsed) {
    const groups = file.data.equivalences ?? [];
    for (const problem of checkEquivalences(groups, (name) => env.has(name))) {
      problems.push(at(file, ['equivalences', ...problem.path], problem.message));
    }
    all.push(...groups);
  }
  return all;
}

/** Every regular expression in the overrides compiles (a typo there would otherwise throw at look-up). */
function checkPatterns(file: ParsedFile, problems: string[]): void {
  const lists = [
    ['registryOverrides', file.data.registryOverrides ?? []],
    ['otherProducts', file.data.otherProducts ?? []],
  ] as const;
  for (const [key, list] of lists) {
    list.forEach((entry, index) => {
      if (entry.pattern === undefined) return;
      try {
        new RegExp(entry.pattern);
      } catch (error) {
        problems.push(at(file, [key, index, 'pattern'], error instanceof Error ? error.message : String(error)));
      }
    });
  }
}

/**
 * Parses strict JSON (no comments, no trailing commas) and validates it against the zod schema. The
 * syntax tree, which only serves to locate problems, is built on demand: for the 800 KB generated
 * registry it costs more than everything else at start-up.
 */
function parseFile(source: CatalogSource, problems: string[]): ParsedFile | undefined {
  let tree: Node | undefined;
  const rootOf = () => (tree ??= parseTree(source.text, [], { disallowComments: true }) ?? emptyNode);
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    problems.push(...syntaxProblems(source, error));
    return undefined;
  }
  // The generated registry is checked by a hand-written validator equivalent to its zod schema (test/catalog
  // runs the zod one over it): zod takes half a second over its 7,000 entries, at every server start.
  const { registry, ...rest } = isObject(data) ? data : { registry: undefined };
  const result = catalogFileSchema.safeParse(isObject(data) ? rest : data);
  const issues: [JsonPath, string][] = result.success
    ? []
    : result.error.issues.map((issue) => [
        issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
        issue.message,
      ]);
  const checked = registry === undefined ? undefined : checkRegistry(registry, issues);
  if (!result.success || issues.length > 0) {
    for (const [path, message] of issues)
      problems.push(`${locate(source, rootOf(), path)}: ${formatPath(path)}: ${message}`);
    return undefined;
  }
  return {
    source,
    get root() {
      return rootOf();
    },
    data: checked ? { ...result.data, registry: checked } : result.data,
  };
}

const emptyNode: Node = { type: 'null', offset: 0, length: 0 };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Located syntax errors from the lenient parser, or the strict parser's message if it sees none (a BOM). */
function syntaxProblems(source: CatalogSource, error: unknown): string[] {
  const errors: ParseError[] = [];
  const root = parseTree(source.text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    return errors.map((e) => `${position(source, e.offset)}: JSON syntax error: ${describeParseError(e)}`);
  }
  if (!root) return [`${position(source, 0)}: empty file`];
  return [`${position(source, 0)}: JSON syntax error: ${error instanceof Error ? error.message : String(error)}`];
}

/** `CommaExpected` -> `comma expected`. */
function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Cross-file checks: unique names, known dialects, and every name a setting points at exists. */
function checkReferences(
  located: readonly Located[],
  dialects: Record<string, BooleanDialect>,
  problems: string[],
): void {
  const known = new Set<string>();
  for (const { setting, file, index } of located) {
    for (const spelling of [setting.name, ...(setting.spellings ?? [])]) {
      const key = keyOf(setting.surface, spelling);
      if (known.has(key))
        problems.push(at(file, ['settings', index, 'name'], `duplicate ${setting.surface} setting "${spelling}"`));
      known.add(key);
    }
  }
  const exists = (surface: Surface, name: string) => known.has(keyOf(surface, name));
  for (const entry of located) {
    checkDialects(entry, dialects, problems);
    for (const [path, surfaces, name] of referencesOf(entry.setting)) {
      if (!surfaces.some((surface) => exists(surface, name))) {
        const where = surfaces.join(' or ');
        problems.push(at(entry.file, ['settings', entry.index, ...path], `"${name}" is not a known ${where} setting`));
      }
    }
  }
}

function checkDialects(entry: Located, dialects: Record<string, BooleanDialect>, problems: string[]): void {
  const specs: [JsonPath, ValueSpec][] = [[['value'], entry.setting.value]];
  for (const [runtime, spec] of Object.entries(entry.setting.valueByRuntime ?? {})) {
    if (spec) specs.push([['valueByRuntime', runtime], spec]);
  }
  for (const [path, spec] of specs) {
    if (spec.type === 'boolean' && !(spec.dialect in dialects)) {
      problems.push(
        at(entry.file, ['settings', entry.index, ...path, 'dialect'], `unknown boolean dialect "${spec.dialect}"`),
      );
    }
  }
}

/** Every name a setting refers to: the JSON path of the reference, the surfaces it may live on, the name. */
function referencesOf(setting: Setting): [JsonPath, Surface[], string][] {
  const own = setting.surface;
  const refs: [JsonPath, Surface[], string][] = [];
  if (setting.replacement) refs.push([['replacement'], [own], setting.replacement]);
  for (const [runtime, name] of Object.entries(setting.replacementByRuntime ?? {})) {
    if (name) refs.push([['replacementByRuntime', runtime], [own], name]);
  }
  if (setting.aliasOf) refs.push([['aliasOf'], [own], setting.aliasOf]);
  // A requirement names a setting on the same surface or, failing that, the env variable (see missingDependency).
  const requireOn: Surface[] = own === 'env' ? ['env'] : [own, 'env'];
  (setting.requires ?? []).forEach((req, i) => refs.push([['requires', i, 'setting'], requireOn, req.setting]));
  const eq = setting.equivalents ?? {};
  if (eq.env) refs.push([['equivalents', 'env'], ['env'], eq.env]);
  if (eq.javaProperty) refs.push([['equivalents', 'javaProperty'], ['javaProperty'], eq.javaProperty]);
  if (eq.rubyConfigure) refs.push([['equivalents', 'rubyConfigure'], ['rubyConfigure'], eq.rubyConfigure]);
  if (eq.phpIni) refs.push([['equivalents', 'phpIni'], ['phpIni'], eq.phpIni]);
  (eq.ddprofFlag ?? []).forEach((flag, i) => refs.push([['equivalents', 'ddprofFlag', i], ['ddprofFlag'], flag]));
  return refs;
}

function keyOf(surface: Surface, name: string): string {
  return `${surface}\u0000${name}`;
}

function at(file: ParsedFile, path: JsonPath, message: string): string {
  return `${locate(file.source, file.root, path)}: ${formatPath(path)}: ${message}`;
}

/** `file:line:column` of the deepest node of `path` that exists (a missing key points at its parent). */
function locate(source: CatalogSource, root: Node, path: JsonPath): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (node) {
      // Point at the property key rather than its value when there is one: that is where the eye goes.
      const target = node.parent?.type === 'property' && depth > 0 ? node.parent : node;
      return position(source, target.offset);
    }
  }
  return position(source, 0);
}

/** `file:line:column`, both 1-based as editors and terminals expect. */
function position(source: CatalogSource, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.text.length; i++) {
    if (source.text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${source.fileName}:${line}:${offset - lineStart + 1}`;
}

/** `settings[4].value.type`. */
function formatPath(path: JsonPath): string {
  if (path.length === 0) return '(root)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}
