/**
 * conflicting-settings, OpenTelemetry aliases: `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`
 * (`service.name`, `deployment.environment`, `service.version`, other keys) given values that differ from
 * their Datadog twins (`DD_SERVICE`, `DD_ENV`, `DD_VERSION`, `DD_TAGS`) in one process. Every Datadog
 * tracer reads the `DD_*` name first and falls back to the OpenTelemetry one only when it is unset, so the
 * OpenTelemetry value is silently dropped and profiles carry the other one:
 *
 * - Java: `OtelEnvironmentConfigSource` ranks below the environment and system-property sources.
 * - Python: `_otel_remapper` skips an `OTEL_*` variable whose Datadog twin is set, with a log line.
 * - Go: `getDDorOtelConfig` returns the `DD_*` value and warns when both are set.
 * - Node.js: `DD_SERVICE || DD_SERVICE_NAME || tags.service || OTEL_SERVICE_NAME`; `DD_TAGS` is added
 *   after the OpenTelemetry tags, so its keys win.
 * - Ruby: the options list `DD_*` before its OpenTelemetry alias (the registry's `aliases`).
 * - .NET, PHP: the OpenTelemetry name is a fallback read when the `DD_*` one is empty.
 *
 * ddprof reads no OpenTelemetry name. The same value under both names is not reported.
 */
import type { Finding, Runtime, SettingOccurrence } from '../types.js';
import { displayName, listRuntimes } from '../text/names.js';
import { canonicalName } from './canonicalName.js';
import type { Rule, RuleContext } from './context.js';
import { removeFix } from './fixes.js';
import { processName } from './processName.js';

const TRACERS: readonly Runtime[] = ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'];

/** Resource attributes the tracers map onto a unified service tag, and that tag's setting. */
const RESOURCE_TWINS: Readonly<Record<string, string>> = {
  'service.name': 'DD_SERVICE',
  'deployment.environment': 'DD_ENV',
  'deployment.environment.name': 'DD_ENV',
  'service.version': 'DD_VERSION',
};

/** The Datadog settings an OpenTelemetry alias can disagree with. */
const TWINS = ['DD_SERVICE', 'DD_ENV', 'DD_VERSION', 'DD_TAGS'] as const;

export const otelAliases: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const [scope, found] of byScope(ctx)) {
    const tracers = ctx.runtimesFor(scope).filter((runtime) => TRACERS.includes(runtime));
    if (tracers.length === 0) continue;
    const readers = tracers.length === TRACERS.length ? 'every Datadog tracer' : listRuntimes(tracers);
    const service = found.get('OTEL_SERVICE_NAME');
    const ddService = found.get('DD_SERVICE');
    if (service && ddService && differ(service.value, ddService.value)) {
      findings.push(serviceNameFinding(service, ddService, scope, readers));
    }
    const attributes = found.get('OTEL_RESOURCE_ATTRIBUTES');
    if (attributes) findings.push(...resourceFindings(attributes, found, scope, readers));
  }
  return findings;
};

/** The last literal occurrence of each name of interest, per scope, on any surface (`-Ddd.service` too). */
function byScope(ctx: RuleContext): Map<string, Map<string, SettingOccurrence>> {
  const scopes = new Map<string, Map<string, SettingOccurrence>>();
  for (const occurrence of ctx.occurrences) {
    if (occurrence.valueKind !== 'literal') continue;
    const key = occurrence.name.startsWith('OTEL_') ? occurrence.name : canonicalName(ctx, occurrence);
    const wanted = key === 'OTEL_SERVICE_NAME' || key === 'OTEL_RESOURCE_ATTRIBUTES' || isTwin(key);
    if (!key || !wanted) continue;
    const found = scopes.get(occurrence.scope) ?? new Map<string, SettingOccurrence>();
    found.set(key, occurrence);
    scopes.set(occurrence.scope, found);
  }
  return scopes;
}

function isTwin(name: string | undefined): boolean {
  return (TWINS as readonly (string | undefined)[]).includes(name);
}

function serviceNameFinding(otel: SettingOccurrence, dd: SettingOccurrence, scope: string, readers: string): Finding {
  const ddName = displayName(dd.surface, dd.name);
  const fix = removeFix(otel, `Remove the ignored \`${otel.name}\``);
  return {
    code: 'conflicting-settings',
    severity: 'warning',
    message:
      `\`${otel.name}\` (\`${shown(otel.value)}\`) is ignored in ${processName(scope)}: \`${ddName}\` is also set ` +
      `(\`${shown(dd.value)}\`), and ${readers} ${readsFirst(readers)} the Datadog setting first, using ` +
      `\`${otel.name}\` only when it is unset. Profiles and traces report service \`${shown(dd.value)}\`.`,
    range: otel.nameRange,
    tags: ['unnecessary'],
    related: [{ range: dd.nameRange, message: `\`${ddName}\` wins` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** One finding listing every attribute of `OTEL_RESOURCE_ATTRIBUTES` that a `DD_*` setting overrides. */
function resourceFindings(
  otel: SettingOccurrence,
  found: ReadonlyMap<string, SettingOccurrence>,
  scope: string,
  readers: string,
): Finding[] {
  const ddTags = found.get('DD_TAGS');
  const tags = ddTags ? parseDdTags(ddTags.value ?? '') : new Map<string, string>();
  const overridden: string[] = [];
  const related: { range: SettingOccurrence['nameRange']; message: string }[] = [];
  for (const [key, value] of parseAttributes(otel.value ?? '')) {
    const twinName = RESOURCE_TWINS[key];
    const twin = twinName ? found.get(twinName) : ddTags;
    const twinValue = twinName ? twin?.value : tags.get(key);
    if (!twin || twinValue === undefined || !differ(value, twinValue)) continue;
    const ddName = displayName(twin.surface, twin.name);
    overridden.push(
      `\`${key}=${shown(value)}\` by \`${ddName}\` (\`${twinName ? shown(twinValue) : `${key}:${shown(twinValue)}`}\`)`,
    );
    if (!related.some((r) => r.range === twin.nameRange))
      related.push({ range: twin.nameRange, message: `\`${ddName}\` wins` });
  }
  if (overridden.length === 0) return [];
  return [
    {
      code: 'conflicting-settings',
      severity: 'warning',
      message:
        `\`${otel.name}\` is overridden in ${processName(scope)}: ${overridden.join(', ')}. ${capitalize(readers)} ` +
        `${readsFirst(readers)} the \`DD_*\` settings first and uses OpenTelemetry resource attributes only ` +
        `where they are unset.`,
      range: otel.nameRange,
      related,
    },
  ];
}

/** `key=value` pairs separated by commas, values percent-encoded (the OpenTelemetry specification). */
function parseAttributes(value: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const item of value.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    attributes.set(item.slice(0, at).trim(), decode(item.slice(at + 1).trim()));
  }
  return attributes;
}

/** `key:value` tags separated by commas, or by spaces when there is no comma (what the tracers accept). */
function parseDdTags(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  const items = value.includes(',') ? value.split(',') : value.split(/\s+/);
  for (const item of items) {
    const at = item.indexOf(':');
    if (at > 0) tags.set(item.slice(0, at).trim(), item.slice(at + 1).trim());
  }
  return tags;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function differ(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim() !== (b ?? '').trim() && (a ?? '').trim() !== '' && (b ?? '').trim() !== '';
}

function readsFirst(readers: string): string {
  return readers === 'every Datadog tracer' || !readers.includes(' and ') ? 'reads' : 'read';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value for a message, cut short: these are names and tags, but a pasted line can be long. */
function shown(value: string | undefined): string {
  const text = (value ?? '').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
