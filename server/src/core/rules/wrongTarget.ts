/**
 * wrong-target: a setting given to the wrong process. The Datadog Agent and the application's tracer
 * are separate processes, usually separate containers, and each reads only its own names:
 *
 * - a tracer or profiler setting (`DD_PROFILING_ENABLED`) on the Agent's container does nothing, and the
 *   application that should get it goes without (one of the most common real mistakes);
 * - an Agent-only setting (`DD_APM_NON_LOCAL_TRAFFIC`) on an application's container does nothing either.
 *
 * The Agent's scope is recognised by its image (`datadog/agent`, `gcr.io/datadoghq/agent`,
 * `public.ecr.aws/datadog/agent`, `registry.datadoghq.com/agent`, the cluster Agent, any registry
 * mirroring those paths) or by `ECS_FARGATE`, which only the Agent reads. Who reads a name comes from
 * the catalog's registries: many names are read by both (`DD_API_KEY`, `DD_ENV`, `DD_APM_*`,
 * `DD_DOGSTATSD_*`) and are never reported. The second case is reported only on a container whose
 * application runtime is known from its image or commands: a Dockerfile stage only when the file also
 * holds the Agent's container, a compose service or Kubernetes container also without it, unless the file
 * runs the Agent in-process (serverless-init, the Lambda extension). A shared `.env` stays silent.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import type { Rule, RuleContext } from './context.js';
import { redactAssignments } from '../text/secretNames.js';

/** Image paths (registry and tag removed) of the Agent and the cluster Agent. */
const AGENT_IMAGE =
  /(^|\/)datadog(hq)?\/(agent|cluster-agent|docker-dd-agent)$|^registry\.datadoghq\.com\/(agent|cluster-agent)$/;

/**
 * Unified service tags: the Agent's tagger reads them from every container's environment, its own
 * included, so they tag the Agent's container and are never wasted there.
 */
const TAGGER_NAMES = new Set(['DD_SERVICE', 'DD_ENV', 'DD_VERSION']);

export const wrongTarget: Rule = (ctx) => {
  const agents = agentScopes(ctx);
  const apps = applicationScopes(ctx, agents);
  const inProcessAgent = ctx.images.some(({ image }) => IN_PROCESS_AGENT.test(image.trim()));
  return ctx.occurrences.flatMap((occurrence): Finding[] => {
    if (occurrence.surface !== 'env') return [];
    if (agents.has(occurrence.scope)) return tracerOnAgent(ctx, occurrence, agents, apps);
    return agentOnApplication(ctx, occurrence, agents, inProcessAgent);
  });
};

/**
 * Images that run the Agent inside the application's own container or pod (Cloud Run's serverless-init,
 * the Lambda extension): where they appear, Agent settings next to the tracer's are right.
 */
const IN_PROCESS_AGENT = /(^|\/)(serverless-init|lambda-extension)(:|@|$)/i;

/** Whether an image is the Agent's, whatever its registry, tag or digest. */
export function isAgentImage(image: string): boolean {
  const path = image
    .trim()
    .toLowerCase()
    .replace(/@sha256:.*$/, '')
    .replace(/:[^/:]*$/, '')
    .replace(/^(index\.)?docker\.io\//, '');
  return AGENT_IMAGE.test(path);
}

/**
 * Scopes that run the Agent, with how we know, for messages. Also used by the setup, which must not
 * offer to enable the profiler in the Agent's container.
 */
export function agentScopes(ctx: Pick<RuleContext, 'images' | 'occurrences'>): Map<string, string> {
  const agents = new Map<string, string>();
  for (const { scope, image } of ctx.images) if (isAgentImage(image)) agents.set(scope, `image ${shown(image)}`);
  for (const o of ctx.occurrences) {
    if (o.surface === 'env' && o.name === 'ECS_FARGATE' && !agents.has(o.scope))
      agents.set(o.scope, 'it sets ECS_FARGATE');
  }
  return agents;
}

/**
 * The containers that should get the tracer's settings: other containers whose runtime the file
 * shows, else any other container that already sets something for the tracer.
 */
function applicationScopes(ctx: RuleContext, agents: ReadonlyMap<string, string>): string[] {
  const scopes = new Set<string>();
  for (const { scope } of ctx.images) scopes.add(scope);
  for (const o of ctx.occurrences) scopes.add(o.scope);
  const others = [...scopes].filter((scope) => !agents.has(scope) && isContainer(scope));
  const known = others.filter((scope) => ctx.runtimeKnown(scope));
  if (known.length > 0) return known;
  return others.filter((scope) => ctx.occurrences.some((o) => o.scope === scope && tracerReads(ctx, o.name)));
}

function tracerOnAgent(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  agents: ReadonlyMap<string, string>,
  apps: readonly string[],
): Finding[] {
  const known = ctx.catalog.known('env', occurrence.name);
  if (!known || known.agent || known.runtimes.length === 0 || TAGGER_NAMES.has(occurrence.name)) return [];
  const why = occurrence.name.startsWith('DD_PROFILING_') ? 'the Agent does not profile' : 'only tracers read it';
  const where = `the Agent ${describe(occurrence.scope)} (${agents.get(occurrence.scope) ?? 'the Agent'})`;
  return [
    {
      code: 'wrong-target',
      severity: 'warning',
      message: `\`${occurrence.name}\` on ${where} does nothing: ${why}.${moveTo(
        ctx,
        occurrence.name,
        apps.filter((app) => sameTask(app, occurrence.scope)),
      )}`,
      range: occurrence.nameRange,
    },
  ];
}

/** Where the setting belongs, when the file shows it. */
function moveTo(ctx: RuleContext, name: string, apps: readonly string[]): string {
  if (apps.length === 0) return " Set it on the application's container.";
  const missing = apps.filter((scope) => !ctx.occurrences.some((o) => o.scope === scope && o.name === name));
  if (missing.length === 0) {
    const who = list(apps);
    return ` ${who.charAt(0).toUpperCase()}${who.slice(1)} already ${apps.length === 1 ? 'sets' : 'set'} it; remove it here.`;
  }
  return ` Set it on ${list(missing)}.`;
}

/**
 * An Agent-only name on an application's container. With the Agent's container in the file, every
 * container or stage whose runtime is known; without it, only compose services and Kubernetes containers
 * (the Agent then runs elsewhere: a DaemonSet, the host), never a Dockerfile stage, which may run the Agent
 * in-process (serverless-init, the Lambda extension, an image that installs the Agent).
 */
function agentOnApplication(
  ctx: RuleContext,
  occurrence: SettingOccurrence,
  agents: ReadonlyMap<string, string>,
  inProcessAgent: boolean,
): Finding[] {
  const { scope } = occurrence;
  if (!occurrence.name.startsWith('DD_') || !isContainer(scope) || !ctx.runtimeKnown(scope)) return [];
  // Without the Agent's container in the file, a CI job may install the Agent itself, as an image may.
  if (agents.size === 0 && (inProcessAgent || scope.startsWith('stage:') || scope.startsWith('gha:'))) return [];
  const known = ctx.catalog.known('env', occurrence.name);
  if (!known?.agent || known.runtimes.length > 0 || known.product !== undefined) return [];
  // The reason may quote a command line or an image, and either may hold a key.
  const reason = ctx.runtimeReason(scope);
  const app = `${describe(scope)}${reason ? ` (${redactAssignments(reason)})` : ''}`;
  const where = scope.startsWith('ssi:')
    ? "Only the tracers read application_monitoring.yaml: set it in the Agent's own configuration (datadog.yaml or its environment)."
    : agents.size > 0
      ? `Set it on the Agent ${list([...agents.keys()])}.`
      : "It has no effect here: set it on the Agent's container (its DaemonSet or Helm values, or its own service).";
  return [
    {
      code: 'wrong-target',
      severity: 'info',
      message: `\`${occurrence.name}\` is read only by the Datadog Agent, not by the tracer in ${app}. ${where}`,
      range: occurrence.nameRange,
    },
  ];
}

/**
 * An image for a message: its digest dropped, and a tag kept only when short, since a message must never
 * echo a key, wherever in the file someone pasted it.
 */
function shown(image: string): string {
  const bare = image.trim().replace(/@sha256:.*$/, '');
  const tag = /:([^/:]*)$/.exec(bare)?.[1];
  return tag !== undefined && tag.length > 20 ? bare.slice(0, bare.length - tag.length - 1) : bare;
}

function tracerReads(ctx: RuleContext, name: string): boolean {
  return (ctx.catalog.known('env', name)?.runtimes.length ?? 0) > 0;
}

/**
 * Whether two containers run together: in one ECS task definition, Cloud Run service or Nomad group when
 * the scope says (a Terraform file defines many tasks, and the Agent serves only its own task's containers).
 */
function sameTask(a: string, b: string): boolean {
  if (!/^(ecs|cloudrun|nomad):/.test(b)) return true;
  return groupOf(a) === groupOf(b);
}

/** `ecs:orders/api` -> `ecs:orders`; a scope without a group (`ecs:api`, one task per file) is its own file's. */
function groupOf(scope: string): string {
  const slash = scope.lastIndexOf('/');
  return slash < 0 ? '' : scope.slice(0, slash);
}

/**
 * Scopes that are one container or image: compose services, k8s, ECS and Cloud Run containers, Service
 * Fabric code packages, Nomad tasks, Dockerfile stages, `docker run`s, GitHub Actions jobs, steps and
 * service containers (a job's env does not reach its services), and the processes
 * application_monitoring.yaml configures (only tracers read it). Not GitLab jobs: GitLab passes a job's
 * variables to its service containers too.
 */
function isContainer(scope: string): boolean {
  return /^(compose|k8s|ecs|cloudrun|nomad|sf|stage|docker|gha|ssi):/.test(scope);
}

/** `compose:web` as "service `web`", a k8s scope as "container `agent`", a stage as "stage 2". */
export function describe(scope: string): string {
  const ci = /^(?:gha|gitlab):job=(.*?)(?:;(service|step)=(.*))?$/.exec(scope);
  if (ci) return ci[2] ? `${ci[2]} \`${ci[3] ?? ''}\` of job \`${ci[1] ?? ''}\`` : `job \`${ci[1] ?? ''}\``;
  if (scope.startsWith('helm:')) return `\`${scope.slice('helm:'.length)}\` in the chart's values`;
  if (scope === 'ssi:default') return '`apm_configuration_default`';
  if (scope.startsWith('ssi:rule=')) return `rule ${scope.slice('ssi:rule='.length)} of \`apm_configuration_rules\``;
  if (scope.startsWith('compose:')) return `service \`${scope.slice('compose:'.length)}\``;
  if (/^(k8s|ecs|cloudrun):/.test(scope)) return `container \`${lastName(scope)}\``;
  if (scope.startsWith('nomad:')) return `task \`${lastName(scope)}\``;
  const run = /^docker:(\d+):/.exec(scope)?.[1];
  if (run !== undefined) return `\`docker run\` container on line ${run}`;
  if (scope.startsWith('sf:')) return `code package \`${scope.slice('sf:'.length)}\``;
  const stage = /^stage:(\d+)$/.exec(scope)?.[1];
  return stage !== undefined ? `stage ${Number(stage) + 1}` : `\`${scope}\``;
}

function list(scopes: readonly string[]): string {
  const names = scopes.map(describe);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** The last part of a scope: `k8s:Deployment/web/app` -> `app`, `ecs:api` -> `api`. */
function lastName(scope: string): string {
  return scope.slice(Math.max(scope.lastIndexOf('/'), scope.indexOf(':')) + 1);
}
