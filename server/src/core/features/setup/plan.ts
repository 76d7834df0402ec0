/**
 * "Enable Datadog profiling…": from the parsed file, the runtimes and places a setup fits, and for a
 * chosen runtime and place one structural edit that adds only the missing settings where that format
 * keeps them. Existing settings are kept; those that contradict the setup come back as separate
 * changes the user confirms. Pure: text in, LSP edits out.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { createLineIndex } from '../../text/lineIndex.js';
import { hintsFromCommand } from '../../formats/runtimeHints.js';
import { renderValue } from '../../rules/fixes.js';
import { agentScopes } from '../../rules/wrongTarget.js';
import type { AnalysisSettings, FormatId, Runtime, SettingOccurrence, Surface } from '../../types.js';
import { extractDocument, fileNameOf, type DocumentInput, type ServiceDeps } from '../analyze.js';
import type { Catalog } from '../../catalog/catalog.js';
import { dockerfilePlanner } from './dockerfile.js';
import { dotenvPlanner } from './dotenv.js';
import { phpIniPlanner } from './phpIni.js';
import { rubyPlanner } from './ruby.js';
import { batchPlanner, makefilePlanner, powershellPlanner, shellPlanner } from './scripts.js';
import { enablesProfiling } from './hint.js';
import { notEditable } from './notEditable.js';
import { eolOf } from './text.js';
import type {
  Entry,
  FormatInput,
  FormatPlanner,
  SetupChange,
  SetupChoices,
  SetupPlan,
  SetupRequest,
  SetupTarget,
} from './types.js';
import { serviceName, wantedSettings } from './wanted.js';
import { xmlConfigPlanner } from './xmlConfig.js';
import { yamlPlanner } from './yaml.js';

export type { SetupChoices, SetupPlan, SetupRequest, SetupTarget, SetupChange } from './types.js';

/** Formats without a planner (the profiler set up in code) are not edited by the setup. */
const PLANNERS: Readonly<Partial<Record<FormatId, FormatPlanner>>> = {
  dockerfile: dockerfilePlanner,
  dotenv: dotenvPlanner,
  xmlConfig: xmlConfigPlanner,
  yaml: yamlPlanner,
  ruby: rubyPlanner,
  shell: shellPlanner,
  batch: batchPlanner,
  powershell: powershellPlanner,
  phpIni: phpIniPlanner,
  makefile: makefilePlanner,
  systemd: notEditable('systemd units', ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php', 'ddprof']),
  javaProperties: notEditable('Java properties files', ['java'], 'javaProperty'),
  json: notEditable('JSON files', ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php', 'ddprof']),
  terraform: notEditable(
    'Terraform files',
    ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'],
    'env',
    "the application container's environment",
  ),
  nomad: notEditable(
    'Nomad jobs',
    ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'],
    'env',
    "the task's `env` block",
  ),
  jenkinsfile: notEditable(
    'Jenkinsfiles',
    ['java', 'python', 'go', 'ruby', 'nodejs', 'dotnet', 'php'],
    'env',
    'the `environment { }` block',
  ),
};

interface Prepared {
  readonly format: FormatId;
  readonly planner: FormatPlanner;
  readonly input: FormatInput;
}

function prepare(deps: ServiceDeps, doc: DocumentInput): Prepared | undefined {
  const document = extractDocument(deps, doc);
  const planner = document && PLANNERS[document.format];
  if (!document || !planner) return undefined;
  const input: FormatInput = {
    text: doc.text,
    index: createLineIndex(doc.text),
    eol: eolOf(doc.text),
    extracted: document.extracted,
    fileName: fileNameOf(doc.uri),
    parsers: deps.parsers,
    catalog: deps.catalog,
  };
  return { format: document.format, planner, input };
}

/** The runtimes and places a setup fits in this file, with the runtime detected per place. */
export function setupChoices(
  deps: ServiceDeps,
  doc: DocumentInput,
  settings: AnalysisSettings = {},
): SetupChoices | undefined {
  const prepared = prepare(deps, doc);
  if (!prepared) return undefined;
  const { format, planner, input } = prepared;
  const unsupported = planner.unsupported?.(input);
  const targets = applicationTargets(planner, input).map((target) => withDetected(prepared, target, settings));
  const detected = targets[0]?.detected;
  return {
    format,
    runtimes: planner.runtimes,
    targets,
    enabled: enablesProfiling(deps, input.extracted),
    ...(detected ? { detected } : {}),
    ...(unsupported ? { unsupported } : {}),
  };
}

function withDetected(prepared: Prepared, target: SetupTarget, settings: AnalysisSettings): SetupTarget {
  const fits = prepared.planner.runtimes;
  if (settings.runtime && settings.runtime !== 'auto' && fits.includes(settings.runtime))
    return { ...target, detected: settings.runtime };
  const counts = new Map<Runtime, number>();
  for (const hint of prepared.input.extracted.runtimeHints) {
    if (hint.scope !== undefined && hint.scope !== target.scope) continue;
    if (fits.includes(hint.runtime)) counts.set(hint.runtime, (counts.get(hint.runtime) ?? 0) + 1);
  }
  if (fits.length === 1 && fits[0]) counts.set(fits[0], 1);
  // Formats whose extractor reads no start commands (PowerShell) still name the launcher somewhere.
  if (counts.size === 0)
    for (const runtime of hintsFromCommand(prepared.input.text)) if (fits.includes(runtime)) counts.set(runtime, 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? { ...target, detected: best[0] } : target;
}

/** The edit that enables the profiler for one runtime in one place of the file. */
export function planSetup(deps: ServiceDeps, doc: DocumentInput, request: SetupRequest): SetupPlan {
  const prepared = prepare(deps, doc);
  if (!prepared) return refused('This file is not one the Datadog profiler setup can edit.');
  const { planner, input } = prepared;
  const unsupported = planner.unsupported?.(input);
  if (unsupported) return refused(unsupported);
  if (!planner.runtimes.includes(request.runtime))
    return refused(`This kind of file has no setup for ${request.runtime}.`);
  if (request.target !== undefined && agentScopes(agentInput(input)).has(request.target))
    return refused("This is the Datadog Agent's container; the profiler is enabled in the application's.");
  const targets = applicationTargets(planner, input);
  const target = targets.find((t) => t.scope === request.target) ?? targets[0];
  if (!target) return refused('This file has no place for profiler settings.');
  const service = request.service ?? serviceName(target.service ?? folderOf(doc.uri));
  // A Windows image takes the Windows setup: the Linux loader path and LD_PRELOAD would be wrong-os there.
  const onWindows = input.extracted.osHints?.some(
    (h) => h.os === 'windows' && (h.scope ?? target.scope) === target.scope,
  );
  const wanted = wantedSettings(
    request.runtime,
    onWindows && planner.platform === 'linux' ? 'windows' : planner.platform,
    {
      service,
      ...(request.env ? { env: request.env } : {}),
    },
  );
  const existing = input.extracted.occurrences.filter((o) => o.scope === target.scope);
  const inheritedFrom = input.extracted.occurrences.filter((o) => target.inherits?.includes(o.scope));
  const missing: Entry[] = [];
  const kept: string[] = [];
  const changes: SetupChange[] = [];
  for (const want of wanted) {
    const name = nameOn(input.catalog, planner.surface, want.name);
    if (!name) continue;
    const current = existing.filter((o) => isSetting(input.catalog, o, want.name)).pop();
    const inherited = inheritedFrom.filter((o) => isSetting(input.catalog, o, want.name)).pop();
    if (!current && inherited && (inherited.valueKind !== 'literal' || want.accepts(inherited.value ?? '')))
      kept.push(inherited.name);
    // A contradicting inherited value is overridden here rather than changed in the stage others build on.
    else if (!current) missing.push({ name, value: want.value });
    else if (current.valueKind !== 'literal' || want.accepts(current.value ?? '') || !current.valueRange)
      kept.push(current.name);
    else changes.push(change(current, want.merge?.(current.value ?? '') ?? want.value));
  }
  const edits: TextEdit[] | string = missing.length > 0 ? planner.insert(input, target, missing, request.runtime) : [];
  if (typeof edits === 'string') return refused(edits);
  return { edits, added: missing.map((m) => m.name), kept, changes };
}

/** The places a setup fits, without the Datadog Agent's containers: the Agent does not profile. */
function applicationTargets(planner: FormatPlanner, input: FormatInput): readonly SetupTarget[] {
  const agents = agentScopes(agentInput(input));
  return planner.targets(input).filter((target) => !agents.has(target.scope));
}

function agentInput(input: FormatInput) {
  return { images: input.extracted.images ?? [], occurrences: input.extracted.occurrences };
}

function refused(error: string): SetupPlan {
  return { edits: [], added: [], kept: [], changes: [], error };
}

function change(occurrence: SettingOccurrence, proposed: string): SetupChange {
  return {
    name: occurrence.name,
    current: occurrence.value ?? '',
    proposed,
    edit: { range: occurrence.valueRange!, newText: renderValue(proposed, occurrence.quoting) },
  };
}

/** The setting's name on a surface: the env name itself, or the catalog's equivalent. */
function nameOn(catalog: Catalog, surface: Surface, envName: string): string | undefined {
  if (surface === 'env') return envName;
  const equivalents: Readonly<Record<string, unknown>> = catalog.lookup('env', envName)?.equivalents ?? {};
  const equivalent = equivalents[surface];
  return typeof equivalent === 'string' ? equivalent : undefined;
}

function isSetting(catalog: Catalog, occurrence: SettingOccurrence, envName: string): boolean {
  if (occurrence.surface === 'env') return occurrence.name === envName;
  return catalog.lookup(occurrence.surface, occurrence.name)?.equivalents?.env === envName;
}

/** Folder names that say where a file sits in a project, not which service it is. */
const GENERIC_FOLDERS = new Set(
  'config initializers src app bin scripts script deploy deployment deployments k8s kubernetes manifests docker build ci env environments overlays base helm templates'.split(
    ' ',
  ),
);

/** The nearest folder holding the file whose name is not a generic one, a fair default service name. */
function folderOf(uri: string): string | undefined {
  const parts = uri
    .replace(/[?#].*$/, '')
    .split(/[\\/]/)
    .slice(0, -1);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] ?? '';
    if (part === '' || part.endsWith(':')) return undefined;
    let name = part;
    try {
      name = decodeURIComponent(part);
    } catch {
      // keep the raw segment
    }
    if (!GENERIC_FOLDERS.has(name.toLowerCase()) && !name.startsWith('.')) return name;
  }
  return undefined;
}
