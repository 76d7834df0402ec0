/**
 * JSON files that set environment variables, told apart by content: ECS task definitions
 * (ecsTaskDefinition.ts), .NET `launchSettings.json` profiles, and Azure App Service settings as
 * `az webapp config appsettings list` prints them and the portal's "Advanced edit" shows them. Any
 * other JSON (package.json, tsconfig.json, ASP.NET's own appsettings.json) yields nothing at all, not
 * even its syntax errors: no noise where no profiler settings can be.
 */
import type { ExtractContext, ExtractResult, SettingOccurrence } from '../types.js';
import { createLineIndex } from '../text/lineIndex.js';
import { containerDefinitions, readEcs } from './ecsTaskDefinition.js';
import {
  envOccurrence,
  items,
  parseErrorFinding,
  parseJson,
  properties,
  property,
  removalOf,
  stringOf,
  strictErrors,
  TEMPLATE,
  type JsonDocument,
  type Node,
} from './jsonNodes.js';
import { emptyResult, mergeResults } from './result.js';

const LAUNCH_SETTINGS = /^launchsettings\.json$/i;

export function extractJson(text: string, ctx: ExtractContext): ExtractResult {
  // A cheap look before parsing: most JSON in a repository (lock files, fixtures) is none of these.
  const named = LAUNCH_SETTINGS.test(ctx.fileName) || /task-?def|container-?def/i.test(ctx.fileName);
  if (!named && !text.includes('containerDefinitions') && !text.includes('slotSetting')) return emptyResult();
  const parsed = parseJson(text);
  if (!parsed) return tooDeep(text);
  const doc: JsonDocument = { text, index: createLineIndex(text), root: parsed.root, errors: parsed.errors };
  const list = containerDefinitions(doc.root, ctx.fileName);
  if (list) return withErrors(doc, readEcs(doc, list), 'the ECS API');
  if (LAUNCH_SETTINGS.test(ctx.fileName) && property(doc.root, 'profiles')?.type === 'object')
    return withErrors(doc, readLaunchSettings(doc), undefined);
  if (isAppServiceSettings(doc.root)) return withErrors(doc, readAppService(doc), 'Azure');
  return emptyResult();
}

/**
 * The file's first syntax error joined to what was read. `strictReader` names who reads the file
 * when it takes strict JSON (no comments, no trailing commas); launchSettings.json allows both.
 */
function withErrors(doc: JsonDocument, result: ExtractResult, strictReader: string | undefined): ExtractResult {
  const errors = strictReader !== undefined ? strictErrors(doc.text) : doc.errors;
  // A template (`"cpu": ${cpu}`) is JSON only once rendered: its syntax is not this file's.
  const problems = TEMPLATE.test(doc.text) ? [] : parseErrorFinding(doc, errors, strictReader ?? 'it');
  return mergeResults([{ occurrences: [], problems, runtimeHints: [] }, result]);
}

/** Only a file that looks like one of ours says it was not read: a deep array in a data file stays silent. */
function tooDeep(text: string): ExtractResult {
  if (!text.includes('containerDefinitions') && !text.includes('environmentVariables')) return emptyResult();
  const at = { line: 0, character: 0 };
  const message = 'This JSON file is not checked: its values are nested too deeply for the parser.';
  return {
    occurrences: [],
    problems: [{ code: 'parse-error', severity: 'warning', message, range: { start: at, end: at } }],
    runtimeHints: [],
  };
}

/** `profiles.<name>.environmentVariables`: what `dotnet run` and Visual Studio set for each launch profile. */
function readLaunchSettings(doc: JsonDocument): ExtractResult {
  const occurrences: SettingOccurrence[] = [];
  for (const profile of properties(property(doc.root, 'profiles'))) {
    const scope = `launch:${stringOf(profile.children?.[0]) ?? ''}`;
    const variables = properties(property(profile.children?.[1], 'environmentVariables'));
    for (let at = 0; at < variables.length; at++)
      for (const occurrence of pairOccurrence(doc, variables, at, scope)) occurrences.push(occurrence);
  }
  const runtimeHints = [{ runtime: 'dotnet' as const, reason: 'a .NET launchSettings.json' }];
  return { occurrences, problems: [], runtimeHints };
}

function pairOccurrence(doc: JsonDocument, siblings: readonly Node[], at: number, scope: string): SettingOccurrence[] {
  const [name, value] = siblings[at]?.children ?? [];
  if (!name) return [];
  const occurrence = envOccurrence(doc, { name, value, scope, removal: removalOf(doc, siblings, at) });
  return occurrence ? [occurrence] : [];
}

/**
 * `[{ "name": "DD_ENV", "value": "prod", "slotSetting": false }]`: every item names a setting with a
 * value, and `slotSetting` (which only this shape has) is there, so a list of anything else with
 * names and values does not count.
 */
function isAppServiceSettings(root: Node | undefined): boolean {
  const list = items(root);
  return (
    list.length > 0 &&
    list.every((item) => stringOf(property(item, 'name')) !== undefined && property(item, 'value') !== undefined) &&
    list.some((item) => property(item, 'slotSetting')?.type === 'boolean')
  );
}

function readAppService(doc: JsonDocument): ExtractResult {
  const list = items(doc.root);
  const occurrences = list.flatMap((item, at): SettingOccurrence[] => {
    const name = property(item, 'name');
    if (!name) return [];
    const occurrence = envOccurrence(doc, {
      name,
      value: property(item, 'value'),
      scope: 'appService',
      removal: removalOf(doc, list, at),
    });
    return occurrence ? [occurrence] : [];
  });
  return { occurrences, problems: [], runtimeHints: [] };
}
