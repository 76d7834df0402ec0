/**
 * An Agent address the tracer cannot send profiles to (part of invalid-value):
 * - `0.0.0.0` (or `::`) is where a server listens, not an address to connect to. On Linux it happens
 *   to reach the local host, which in a container is the container itself, not the Agent.
 * - Datadog's public intake (`intake.profile.datadoghq.com`, `trace.agent.datadoghq.com`, any
 *   `*.datadoghq.com`, `*.datadoghq.eu`, `*.ddog-gov.com`) does not speak the Agent's protocol: the
 *   tracers post to an Agent, which adds the API key and forwards. Without an Agent, set `DD_SITE` and
 *   the API key and use agentless upload where the runtime offers it.
 * Applies to `DD_AGENT_HOST` and `DD_TRACE_AGENT_URL` under every spelling (`dd.agent.host`,
 * `c.agent.host`, `datadog.agent_host`, ddprof `--host`, the legacy aliases).
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import { canonicalName } from './canonicalName.js';
import type { RuleContext } from './context.js';

const LISTEN_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
const INTAKE_DOMAINS = /(^|\.)(datadoghq\.com|datadoghq\.eu|ddog-gov\.com)\.?$/i;

export function agentAddress(ctx: RuleContext, occurrence: SettingOccurrence): Finding | undefined {
  if (occurrence.valueKind !== 'literal' || !occurrence.value) return undefined;
  const canonical = canonicalName(ctx, occurrence);
  const host =
    canonical === 'DD_AGENT_HOST'
      ? bareHost(occurrence.value.trim())
      : canonical === 'DD_TRACE_AGENT_URL'
        ? hostOf(occurrence.value)
        : undefined;
  if (!host) return undefined;
  const name = displayName(occurrence.surface, occurrence.name);
  const range = occurrence.valueRange ?? occurrence.nameRange;
  if (LISTEN_ADDRESSES.has(host)) {
    return {
      code: 'invalid-value',
      severity: 'warning',
      message:
        `\`${host}\` for \`${name}\` is an address servers listen on, not one to send to: in a container it ` +
        `reaches the container itself, not the Agent. Use the Agent's host name or IP (in Kubernetes, the ` +
        `node IP from \`status.hostIP\`).`,
      range,
    };
  }
  if (INTAKE_DOMAINS.test(host)) {
    return {
      code: 'invalid-value',
      severity: 'error',
      message:
        `\`${host}\` for \`${name}\` is Datadog's public intake, not an Agent: the tracers send profiles to an ` +
        `Agent, which forwards them with the API key. Point it at your Agent; to send without one, set ` +
        `\`DD_SITE\` and the API key and use the runtime's agentless upload where it has one.`,
      range,
    };
  }
  return undefined;
}

/** A host written with a scheme or a port anyway (`http://0.0.0.0`, `0.0.0.0:8126`) is still that host. */
function bareHost(value: string): string {
  if (value.includes('://')) return hostOf(value) ?? value;
  return /^[^:]+:\d+$/.test(value) ? value.replace(/:\d+$/, '') : value;
}

/** The host of a URL value, or `undefined` when it is not a URL with a host. */
function hostOf(value: string): string | undefined {
  try {
    return new URL(value.trim()).hostname || undefined;
  } catch {
    return undefined;
  }
}
