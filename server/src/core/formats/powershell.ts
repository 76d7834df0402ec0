/**
 * PowerShell: `$env:NAME = 'value'`, `[Environment]::SetEnvironmentVariable('NAME', 'value', …)`, and
 * the registry form from the Datadog .NET docs, where each `"NAME=VALUE"` string of a
 * `[string[]] $v = @(…)` array goes into the `Environment` value of a service key. No PowerShell
 * parser is published on npm, so this reads string literals and those statement shapes directly.
 */
import type { ExtractContext, ExtractResult, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';

const ENV_ASSIGN = /\$env:([A-Za-z_]\w*)(\s*=\s*)?(?:(['"])(.*?)\3)?/gi;
const SET_VARIABLE =
  /\[(?:System\.)?Environment\]::SetEnvironmentVariable\(\s*(['"])([A-Za-z_]\w*)\1\s*,\s*(['"])(.*?)\3/gi;
const PAIR_STRING = /(['"])((?:DD_|CORECLR_|COR_|LD_PRELOAD)[A-Za-z0-9_]*)=(.*?)\1/g;

export function extractPowershell(text: string, _ctx?: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const occurrences: SettingOccurrence[] = [];
  const taken = new Set<number>();
  for (const m of text.matchAll(ENV_ASSIGN)) {
    const at = m.index ?? 0;
    const name = m[1] ?? '';
    const nameStart = at + 5;
    // A string right after `$env:NAME` is its value only in an assignment (`$env:NAME = "…"`).
    const value = m[2] && m[3] ? { text: m[4] ?? '', start: at + m[0].length - 1 - (m[4] ?? '').length } : undefined;
    occurrences.push(occurrence(index, name, nameStart, value, quotingOf(m[3])));
  }
  for (const m of text.matchAll(SET_VARIABLE)) {
    const at = m.index ?? 0;
    const name = m[2] ?? '';
    const nameStart = text.indexOf(name, at);
    const valueText = m[4] ?? '';
    const valueStart = at + m[0].length - 1 - valueText.length;
    taken.add(nameStart - 1);
    occurrences.push(occurrence(index, name, nameStart, { text: valueText, start: valueStart }, quotingOf(m[3])));
  }
  for (const m of text.matchAll(PAIR_STRING)) {
    const at = m.index ?? 0;
    if (taken.has(at)) continue;
    const name = m[2] ?? '';
    const value = { text: m[3] ?? '', start: at + 2 + name.length };
    occurrences.push(occurrence(index, name, at + 1, value, quotingOf(m[1])));
  }
  const dotnet = /CORECLR_|COR_|W3SVC|\\WAS\b|Services\\/i.test(text);
  return {
    occurrences,
    problems: [],
    runtimeHints: dotnet ? [{ runtime: 'dotnet', reason: 'CLR profiler variables or a Windows service key' }] : [],
    osHints: [{ os: 'windows', reason: 'a PowerShell script' }],
  };
}

function occurrence(
  index: LineIndex,
  name: string,
  nameStart: number,
  value: { text: string; start: number } | undefined,
  quoting: SettingOccurrence['quoting'],
): SettingOccurrence {
  const line = index.positionAt(nameStart).line;
  return {
    surface: 'env',
    name,
    nameRange: index.rangeOf(nameStart, nameStart + name.length),
    ...(value ? { value: value.text, valueRange: index.rangeOf(value.start, value.start + value.text.length) } : {}),
    valueKind: !value ? 'none' : /\$[\w({]/.test(value.text) && quoting !== 'single' ? 'reference' : 'literal',
    scope: 'file',
    bakedIn: false,
    caseInsensitive: true,
    quoting: 'none',
    // Only a double-quoted string expands `$env:NAME`.
    environmentReference: quoting === 'double' ? 'powershell' : 'none',
    removalRange: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
  };
}

function quotingOf(quote: string | undefined): SettingOccurrence['quoting'] {
  return quote === "'" ? 'single' : quote === '"' ? 'double' : 'none';
}
