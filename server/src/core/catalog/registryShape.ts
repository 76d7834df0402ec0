/**
 * A fast check of the generated registry section, equivalent to `registrySchema` in schema.ts (zod
 * stays the definition: the JSON Schema is generated from it and test/catalog validates registry.json
 * with it). Hand-written because zod spends about half a second on the 7,000 entries at every start.
 */
import { RUNTIMES } from '../types.js';
import type { Registry } from './schema.js';

type JsonPath = (string | number)[];

const RUNTIME_SET: ReadonlySet<string> = new Set(RUNTIMES);
const FIELDS: Readonly<Record<string, (value: unknown) => string | undefined>> = {
  name: (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'expected a non-empty string'),
  runtimes: runtimeList,
  agent: (v) => (v === true ? undefined : 'expected true'),
  internal: runtimeList,
  types: (v) => perRuntime(v, false),
  defaults: (v) => perRuntime(v, false),
  aliasOf: (v) => perRuntime(v, false),
  deprecated: (v) => perRuntime(v, true),
  removedIn: (v) => perRuntime(v, false),
};

/** Returns the section typed when it is valid; otherwise pushes `[path, message]` issues. */
export function checkRegistry(value: unknown, issues: [JsonPath, string][]): Registry | undefined {
  const before = issues.length;
  if (!isRecord(value)) {
    issues.push([['registry'], 'expected an object']);
    return undefined;
  }
  const { sources, names, ...extra } = value;
  for (const key of Object.keys(extra)) issues.push([['registry', key], 'unrecognized key']);
  if (!isRecord(sources)) issues.push([['registry', 'sources'], 'expected an object']);
  if (!Array.isArray(names)) {
    issues.push([['registry', 'names'], 'expected an array']);
    return undefined;
  }
  names.forEach((entry, index) => checkName(entry, ['registry', 'names', index], issues));
  return issues.length === before ? (value as Registry) : undefined;
}

function checkName(entry: unknown, path: JsonPath, issues: [JsonPath, string][]): void {
  if (!isRecord(entry)) {
    issues.push([path, 'expected an object']);
    return;
  }
  if (!('name' in entry)) issues.push([[...path, 'name'], 'required']);
  for (const [key, value] of Object.entries(entry)) {
    const check = FIELDS[key];
    const problem = check ? check(value) : 'unrecognized key';
    if (problem) issues.push([[...path, key], problem]);
  }
}

function runtimeList(value: unknown): string | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && RUNTIME_SET.has(v))
    ? undefined
    : `expected a list of runtimes (${RUNTIMES.join(', ')})`;
}

function perRuntime(value: unknown, nullable: boolean): string | undefined {
  if (!isRecord(value)) return 'expected an object keyed by runtime';
  for (const [key, v] of Object.entries(value)) {
    if (!RUNTIME_SET.has(key)) return `unknown runtime "${key}"`;
    if (typeof v !== 'string' && !(nullable && v === null)) return `expected a string${nullable ? ' or null' : ''}`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
