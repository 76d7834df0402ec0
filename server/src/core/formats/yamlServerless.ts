/**
 * serverless.yml (the Serverless Framework): `provider.environment` for every function and
 * `functions.<name>.environment` for one, which overrides the provider's (so each is its own scope).
 * The runtime comes from `runtime:` (the function's, else the provider's). `${ssm:...}`, `${env:...}`,
 * `${self:...}` and other variables, CloudFormation functions (`{ Ref: X }`, `!GetAtt ...`) are
 * resolved at deploy time: references.
 */
import { isMap } from 'yaml';
import type { ExtractResult, Runtime, RuntimeHint } from '../types.js';
import { mergeResults } from './result.js';
import { envMap, type EnvDialect } from './yamlEnv.js';
import { get, pairsOf, resolve, scalarText, type YamlContext } from './yamlNodes.js';

const SERVERLESS_NAME = /^serverless([.-].*)?\.ya?ml$/i;

const SERVERLESS: EnvDialect = {
  reference: /\$\{/,
  structured: () => 'reference',
  tagsAreReferences: true,
  environmentReference: 'serverless',
};

/** Lambda runtime identifiers (`python3.12`, `nodejs20.x`, `java21`, `dotnet8`, `ruby3.3`, `go1.x`). */
const LAMBDA_RUNTIMES: readonly (readonly [RegExp, Runtime])[] = [
  [/^python/i, 'python'],
  [/^nodejs/i, 'nodejs'],
  [/^java/i, 'java'],
  [/^dotnet/i, 'dotnet'],
  [/^ruby/i, 'ruby'],
  [/^go/i, 'go'],
];

export function readServerless(y: YamlContext, fileName: string): ExtractResult | undefined {
  const root = y.doc.contents;
  const provider = get(y, root, 'provider');
  const shaped = isMap(resolve(y, provider)) && (get(y, root, 'functions') !== undefined || get(y, root, 'service'));
  if (!isMap(resolve(y, root)) || (!SERVERLESS_NAME.test(fileName) && !shaped)) return undefined;
  const providerRuntime = scalarText(get(y, provider, 'runtime'));
  const functions = pairsOf(y, get(y, root, 'functions')).map((pair) => {
    const scope = `serverless:function=${scalarText(pair.key) ?? ''}`;
    const runtime = scalarText(get(y, pair.value, 'runtime')) ?? providerRuntime;
    const link: ExtractResult = {
      ...hints(runtime, scope),
      scopeParents: [{ scope, parent: 'serverless:provider' }],
    };
    return mergeResults([link, envMap(y, get(y, pair.value, 'environment'), scope, SERVERLESS)]);
  });
  return mergeResults([
    hints(providerRuntime, 'serverless:provider'),
    envMap(y, get(y, provider, 'environment'), 'serverless:provider', SERVERLESS),
    ...functions,
  ]);
}

function hints(runtime: string | undefined, scope: string): ExtractResult {
  const runtimeHints: RuntimeHint[] = LAMBDA_RUNTIMES.filter(([pattern]) => runtime && pattern.test(runtime)).map(
    ([, r]) => ({ runtime: r, scope, reason: `runtime: ${runtime ?? ''}` }),
  );
  return { occurrences: [], problems: [], runtimeHints };
}
