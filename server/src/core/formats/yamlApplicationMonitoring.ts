/**
 * Datadog's `application_monitoring.yaml` (`/etc/datadog-agent/application_monitoring.yaml`, the
 * host-wide tracer configuration that Single Step Instrumentation and the tracers read):
 * `apm_configuration_default:` maps `DD_*` names to values for every instrumented process, and each
 * entry of `apm_configuration_rules:` adds its `configuration:` for the processes its `selectors:`
 * match (a `language` selector names the runtime). The tracers read only `config_id` and those two
 * keys: anything else at the top, a `DD_*` name most of all, is ignored, and is reported here. Values
 * are taken as written (YAML `true` is the text `true`); nothing is expanded.
 */
import { isMap, isScalar } from 'yaml';
import type { ExtractResult, Finding, Runtime, RuntimeHint } from '../types.js';
import { editDistance } from '../catalog/suggest.js';
import { mergeResults } from './result.js';
import { envMap, type EnvDialect } from './yamlEnv.js';
import { get, pairsOf, rangeOf, resolve, scalarText, seqItems, type YamlContext } from './yamlNodes.js';

const FILE_NAME = /^application_monitoring\.ya?ml$/i;
const TOP_KEYS = ['config_id', 'apm_configuration_default', 'apm_configuration_rules'];

/** Nothing is expanded: a value is always the text written. */
const STABLE_CONFIG: EnvDialect = { reference: /(?!)/, environmentReference: 'none' };

/**
 * The runtimes whose profiler Single Step Instrumentation sets up: its languages but Ruby, whose
 * profiler it cannot set up (the seed page says so), and not Go or ddprof, which it does not inject.
 */
export const SSI_RUNTIMES: readonly Runtime[] = ['java', 'python', 'nodejs', 'dotnet', 'php'];

/** Language names that selectors match (`java`, `python`, `nodejs`/`node`, `dotnet`, `ruby`, `php`, `go`/`golang`). */
const LANGUAGES: Readonly<Record<string, Runtime>> = {
  java: 'java',
  python: 'python',
  node: 'nodejs',
  nodejs: 'nodejs',
  dotnet: 'dotnet',
  ruby: 'ruby',
  php: 'php',
  go: 'go',
  golang: 'go',
};

export function readApplicationMonitoring(y: YamlContext, fileName: string): ExtractResult | undefined {
  const root = y.doc.contents;
  const keys = pairsOf(y, root).map((pair) => scalarText(pair.key));
  const named = FILE_NAME.test(fileName);
  if (!named && !keys.some((key) => key === TOP_KEYS[1] || key === TOP_KEYS[2])) return undefined;
  if (!isMap(resolve(y, root))) return named ? { occurrences: [], problems: [], runtimeHints: [] } : undefined;
  const rules = seqItems(y, get(y, root, 'apm_configuration_rules')).map((rule, i) => {
    const scope = `ssi:rule=${i + 1}`;
    const selected = selectedRuntimes(y, rule, scope);
    return mergeResults([
      {
        occurrences: [],
        problems: [],
        runtimeHints: selected.length > 0 ? selected : ssiHints(scope),
        // A matching rule's configuration is merged over the defaults.
        scopeParents: [{ scope, parent: 'ssi:default' }],
      },
      envMap(y, get(y, rule, 'configuration'), scope, STABLE_CONFIG),
    ]);
  });
  return mergeResults([
    { occurrences: [], problems: unknownKeys(y, root), runtimeHints: ssiHints('ssi:default') },
    envMap(y, get(y, root, 'apm_configuration_default'), 'ssi:default', STABLE_CONFIG),
    ...rules,
  ]);
}

/** `selectors: [{ origin: language, operator: equals, matches: [java] }]`: the rule applies to those runtimes. */
function selectedRuntimes(y: YamlContext, rule: unknown, scope: string): RuntimeHint[] {
  return seqItems(y, get(y, rule, 'selectors')).flatMap((selector) => {
    if (scalarText(get(y, selector, 'origin'))?.toLowerCase() !== 'language') return [];
    return seqItems(y, get(y, selector, 'matches')).flatMap((match) => {
      const runtime = LANGUAGES[(scalarText(match) ?? '').toLowerCase()];
      return runtime ? [{ runtime, scope, reason: `selector language ${runtime}` }] : [];
    });
  });
}

/** The runtimes of processes that Single Step Instrumentation configures. */
export function ssiHints(scope: string): RuntimeHint[] {
  return SSI_RUNTIMES.map((runtime) => ({ runtime, scope, reason: 'Single Step Instrumentation' }));
}

function unknownKeys(y: YamlContext, root: unknown): Finding[] {
  const present = new Set(pairsOf(y, root).map((pair) => scalarText(pair.key)));
  return pairsOf(y, root).flatMap((pair): Finding[] => {
    const key = scalarText(pair.key) ?? '';
    const range = isScalar(pair.key) ? rangeOf(y, pair.key) : undefined;
    if (TOP_KEYS.includes(key) || !range) return [];
    const near = TOP_KEYS.find((known) => editDistance(key.toLowerCase(), known, 3) <= 2);
    // Renaming into a key the file already has would only make a duplicate.
    const rename = near && !present.has(near) ? near : undefined;
    const message = /^_?dd_/i.test(key)
      ? `\`${key}\` at the top of application_monitoring.yaml is ignored: settings go under \`apm_configuration_default:\`.`
      : `\`${key}\` is not a key of application_monitoring.yaml (the tracers read \`${TOP_KEYS.join('`, `')}\`), so it is ignored.${near ? ` Did you mean \`${near}\`?` : ''}`;
    return [
      {
        code: 'unknown-setting',
        severity: 'warning',
        message,
        range,
        ...(rename
          ? {
              fixes: [
                {
                  title: `Rename to \`${rename}\``,
                  edits: [{ range, newText: rename, expected: key }],
                  preferred: true,
                },
              ],
            }
          : {}),
      },
    ];
  });
}
