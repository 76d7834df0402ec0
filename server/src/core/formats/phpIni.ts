/**
 * PHP settings files: php.ini and conf.d/*.ini (`datadog.profiling.enabled = 1`), Apache `.htaccess` /
 * vhost (`php_value datadog.profiling.enabled 1`, `php_admin_value`, `php_flag`) and PHP-FPM pools
 * (`env[DD_PROFILING_ENABLED] = 1`, `php_admin_value[datadog.…] = 1`). Only `datadog.*` and `DD_*`
 * keys are reported, so other INI files stay quiet.
 *
 * INI has no maintained parser on npm that reports positions, and these line forms are simple: a line
 * scanner that follows PHP's rules (`;` comments, quoted values, `On`/`Off` kept as written because the
 * catalog's `phpIni` dialect reads them the way PHP does).
 */
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence, Surface } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';

const INI = /^(\s*)(datadog\.[\w.]+)(\s*=\s*)(.*)$/;
const FPM = /^(\s*)(env|php_(?:admin_)?(?:value|flag))\[([\w.]+)\](\s*=\s*)(.*)$/;
const APACHE = /^(\s*)(php_(?:admin_)?(?:value|flag)\s+)([\w.]+)(\s+)(.*)$/;

export function extractPhpIni(text: string, _ctx?: ExtractContext): ExtractResult {
  const index = createLineIndex(text);
  const occurrences: SettingOccurrence[] = [];
  const problems: Finding[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const content = text.slice(start, index.lineEnd(line)).replace(/^\uFEFF/, '');
    const shift = line === 0 && text.startsWith('\uFEFF') ? 1 : 0;
    const parsed = parseLine(content);
    if (!parsed || !/^(datadog\.|DD_)/.test(parsed.name)) continue;
    const at = start + shift;
    const value = iniValue(parsed.rawValue);
    const occurrence: SettingOccurrence = {
      surface: parsed.surface,
      name: parsed.name,
      nameRange: index.rangeOf(at + parsed.nameAt, at + parsed.nameAt + parsed.name.length),
      value: value.text,
      valueRange: index.rangeOf(at + parsed.valueAt, at + parsed.valueAt + value.length),
      valueKind: /\$\{|%\w+%/.test(value.text) ? 'reference' : 'literal',
      scope: 'file',
      removalRange: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      quoting: value.quoted ? 'double' : 'none',
      bakedIn: true,
    };
    occurrences.push(occurrence);
    if (parsed.fpmEnv && /^false$/i.test(value.text)) problems.push(fpmFalse(index, occurrence));
  }
  const runtimeHints = occurrences.length > 0 ? [{ runtime: 'php' as const, reason: 'a PHP configuration file' }] : [];
  return { occurrences, problems, runtimeHints };
}

interface Line {
  readonly surface: Surface;
  readonly name: string;
  readonly nameAt: number;
  readonly rawValue: string;
  readonly valueAt: number;
  readonly fpmEnv: boolean;
}

function parseLine(content: string): Line | undefined {
  const fpm = FPM.exec(content);
  if (fpm) {
    const [, lead = '', kind = '', name = '', eq = '', rest = ''] = fpm;
    const nameAt = lead.length + kind.length + 1;
    return {
      surface: kind === 'env' ? 'env' : 'phpIni',
      name,
      nameAt,
      rawValue: rest,
      valueAt: nameAt + name.length + 1 + eq.length,
      fpmEnv: kind === 'env',
    };
  }
  const ini = INI.exec(content) ?? APACHE.exec(content);
  if (!ini) return undefined;
  const [, lead = '', a = '', b = '', c = ''] = ini;
  const apache = ini.length === 6;
  const name = apache ? b : a;
  const nameAt = lead.length + (apache ? a.length : 0);
  const sep = apache ? c : b;
  const rawValue = apache ? (ini[5] ?? '') : c;
  return { surface: 'phpIni', name, nameAt, rawValue, valueAt: nameAt + name.length + sep.length, fpmEnv: false };
}

/** The value as PHP reads it: quotes removed, a trailing `; comment` dropped. */
function iniValue(raw: string): { text: string; length: number; quoted: boolean } {
  const quoted = /^"([^"]*)"/.exec(raw);
  if (quoted) return { text: quoted[1] ?? '', length: quoted[0].length, quoted: true };
  const text = raw.replace(/\s;.*$|^;.*$/, '').trimEnd();
  return { text, length: text.length, quoted: false };
}

function fpmFalse(index: LineIndex, occurrence: SettingOccurrence): Finding {
  const range = occurrence.valueRange ?? occurrence.nameRange;
  return {
    code: 'value-syntax',
    severity: 'error',
    message: 'PHP-FPM cannot pass `false` through `env[...]` (the variable ends up empty or missing): use `0` and `1`.',
    range,
    fixes: [{ title: 'Use `0`', edits: [{ range, newText: '0' }], preferred: true, safe: true }],
  };
}
