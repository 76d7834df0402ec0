/**
 * Checks one value against one runtime's value spec, the way that runtime parses it. Returns why the
 * value does not do what it says and, where obvious, the value that would.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { BooleanDialect, ValueSpec } from '../catalog/schema.js';
import { suggestNames } from '../catalog/suggest.js';

export interface ValueProblem {
  /** Completes "The value …": e.g. "is read as false by this runtime (only `true` or `1` mean true)". */
  readonly reason: string;
  /** A value that would work, if one is obvious. */
  readonly suggestion?: string;
  /** `false` when the value still works, only not as written (a case difference the runtime tolerates). */
  readonly fatal: boolean;
}

const TRUTHY = /^(true|t|yes|y|on|1|enable|enabled)$/i;
const FALSY = /^(false|f|no|n|off|0|disable|disabled)$/i;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const GO_DURATION =
  /^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))*$/;

/** `undefined` when the value is fine for this spec. */
export function checkValue(spec: ValueSpec, value: string, catalog: Catalog): ValueProblem | undefined {
  switch (spec.type) {
    case 'boolean':
      return checkBoolean(catalog.dialect(spec.dialect), value, spec.also ?? []);
    case 'enum':
      return checkEnum(spec.values, value, spec.caseInsensitive === true);
    case 'integer':
    case 'float':
      return checkNumber(spec, value);
    case 'duration':
      return checkGoDuration(value);
    case 'url':
      return checkUrl(spec.schemes, value);
    case 'port': {
      // An out-of-range port is a typo (81260 for 8126): no value can be guessed, so no fix is offered.
      const problem = checkNumber({ type: 'integer', min: 1, max: 65535 }, value);
      return problem && { reason: problem.reason, fatal: problem.fatal };
    }
    case 'tags':
      return checkTags(value, spec.allowEquals === true);
    case 'guid':
      return checkGuid(value, spec.expected);
    case 'string':
      return checkString(spec, value);
    default:
      return undefined;
  }
}

function checkBoolean(
  dialect: BooleanDialect | undefined,
  value: string,
  also: readonly string[],
): ValueProblem | undefined {
  if (!dialect) return undefined;
  const fold = (s: string) => (dialect.caseInsensitive ? s.toLowerCase() : s);
  const accepted = [...dialect.true, ...dialect.false, ...also];
  if (accepted.some((candidate) => fold(candidate) === fold(value))) return undefined;
  const suggestion = suggestBoolean(value, dialect, also);
  switch (dialect.otherwise) {
    case 'false':
      return {
        reason: `is read as false (only ${listValues(dialect.true)} mean true)`,
        suggestion,
        fatal: TRUTHY.test(value),
      };
    case 'true':
      return {
        reason: `is read as true (only ${listValues(dialect.false)} mean false)`,
        suggestion,
        fatal: FALSY.test(value),
      };
    case 'default':
      return { reason: 'is not a boolean it knows, so the default applies', suggestion, fatal: true };
    case 'error':
      return { reason: 'is not a boolean it knows, so it stops at start-up', suggestion, fatal: true };
  }
}

function suggestBoolean(value: string, dialect: BooleanDialect, also: readonly string[]): string | undefined {
  const same = also.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (same) return same;
  if (TRUTHY.test(value)) return dialect.true.includes('true') ? 'true' : dialect.true[0];
  if (FALSY.test(value)) return dialect.false.includes('false') ? 'false' : dialect.false[0];
  return undefined;
}

function checkEnum(values: readonly string[], value: string, caseInsensitive: boolean): ValueProblem | undefined {
  if (values.includes(value)) return undefined;
  const folded = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (folded && caseInsensitive) return undefined;
  if (folded)
    return {
      reason: `must be written \`${folded}\` (the comparison is case-sensitive)`,
      suggestion: folded,
      fatal: true,
    };
  const [closest] = suggestNames(value, values, 1);
  return { reason: `is not one of ${listValues(values)}`, suggestion: closest, fatal: true };
}

function checkNumber(spec: { type: 'integer' | 'float'; min?: number; max?: number; unit?: string }, value: string) {
  const pattern = spec.type === 'integer' ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const kind = spec.type === 'integer' ? 'a whole number' : 'a number';
  if (!pattern.test(value.trim())) {
    const digits = /^\s*([+-]?\d+)/.exec(value)?.[1];
    return { reason: `is not ${kind}${spec.unit ? ` (in ${spec.unit})` : ''}`, suggestion: digits, fatal: true };
  }
  const number = Number(value);
  if (spec.min !== undefined && number < spec.min) {
    return {
      reason: `is below the minimum ${spec.min}${spec.unit ? ` ${spec.unit}` : ''}`,
      suggestion: String(spec.min),
      fatal: true,
    };
  }
  if (spec.max !== undefined && number > spec.max) {
    return {
      reason: `is above the maximum ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`,
      suggestion: String(spec.max),
      fatal: true,
    };
  }
  return undefined;
}

function checkGoDuration(value: string): ValueProblem | undefined {
  if (value === '0' || GO_DURATION.test(value)) return undefined;
  const bare = /^\d+(\.\d+)?$/.test(value);
  return {
    reason: bare
      ? 'has no unit: a Go duration needs one, such as `10s` or `1m30s`'
      : 'is not a Go duration such as `10s` or `1m30s`',
    suggestion: bare ? `${value}s` : undefined,
    fatal: true,
  };
}

function checkUrl(schemes: readonly string[], value: string): ValueProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { reason: `is not a URL (expected ${schemes.map((s) => `${s}://…`).join(', ')})`, fatal: true };
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!schemes.includes(scheme))
    return { reason: `uses the scheme \`${scheme}\`; expected ${listValues(schemes)}`, fatal: true };
  if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) {
    return { reason: 'has a port outside 1-65535', fatal: true };
  }
  return undefined;
}

function checkTags(value: string, allowEquals: boolean): ValueProblem | undefined {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return {
      reason: 'is JSON; tags are written `key:value` pairs separated by commas, e.g. `team:intake,layer:api`',
      fatal: true,
    };
  }
  const items = trimmed
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const withEquals = items.filter((item) => !item.includes(':') && item.includes('='));
  if (withEquals.length > 0 && !allowEquals) {
    const suggestion = items.map((item) => (item.includes(':') ? item : item.replace('=', ':'))).join(',');
    return { reason: 'uses `key=value`; tags are written `key:value`', suggestion, fatal: true };
  }
  if (items.some((item) => item.startsWith(':'))) return { reason: 'has a tag with an empty key', fatal: true };
  return undefined;
}

function checkGuid(value: string, expected: string | undefined): ValueProblem | undefined {
  if (!GUID.test(value)) {
    return {
      reason: `is not a GUID${expected ? `; the Datadog profiler's is \`${expected}\`` : ''}`,
      suggestion: expected,
      fatal: true,
    };
  }
  if (expected && value.replace(/[{}]/g, '').toLowerCase() !== expected.replace(/[{}]/g, '').toLowerCase()) {
    return { reason: `is not the Datadog profiler's GUID \`${expected}\``, suggestion: expected, fatal: true };
  }
  return undefined;
}

function checkString(spec: Extract<ValueSpec, { type: 'string' }>, value: string): ValueProblem | undefined {
  if (spec.pattern && !new RegExp(`^(?:${spec.pattern})$`).test(value)) {
    // The pattern's plain-word alternatives (`stdout|stderr|disabled|…`) are the likely intent of a near miss.
    const words = spec.pattern.split('|').filter((part) => /^\w+$/.test(part));
    const [closest] = suggestNames(value, words, 1);
    return {
      reason: `does not match ${spec.patternDescription ?? `the pattern \`${spec.pattern}\``}`,
      suggestion: closest,
      fatal: true,
    };
  }
  if (spec.known && !spec.known.includes(value)) {
    const [closest] = suggestNames(value, spec.known, 1);
    return { reason: `is not a known value (known: ${listValues(spec.known)})`, suggestion: closest, fatal: false };
  }
  return undefined;
}

/** `a`, `b` or `c`, shortened when long. */
export function listValues(values: readonly string[]): string {
  const shown = values.slice(0, 8).map((v) => `\`${v}\``);
  if (values.length > 8) shown.push('…');
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
