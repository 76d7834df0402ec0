/**
 * Command-line arguments. Bad usage is a `UsageError`, which main turns into exit code 2.
 */
import { suggestNames } from '../core/catalog/suggest.js';
import { isRuleId, RULES } from '../core/rules/registry.js';
import { ruleLevelSchema, runtimeSettingSchema } from '../core/settings.js';
import type { RuleLevel } from '../core/types.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CliOptions {
  readonly paths: string[];
  readonly format: OutputFormat;
  readonly config?: string;
  readonly runtime?: string;
  readonly rules: Record<string, RuleLevel>;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Bad usage or configuration: main prints the message and exits with code 2. */
export class UsageError extends Error {}

const WITH_VALUE = new Set(['--format', '--config', '--runtime', '--rule', '--max-warnings']);

/** Parses argv (without `node` and the script). Throws `UsageError` on anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = {
    paths: [] as string[],
    format: 'text' as OutputFormat,
    rules: {} as Record<string, RuleLevel>,
    quiet: false,
    help: false,
    version: false,
  };
  const extra: { config?: string; runtime?: string; maxWarnings?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1)); // everything after `--` is a path, even `-x`
      break;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--version' || flag === '-v') options.version = true;
    else if (flag === '--quiet' || flag === '-q') options.quiet = true;
    else if (WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      applyValue(flag, value, options, extra);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.paths.push(arg);
  }
  return { ...options, ...extra };
}

function applyValue(
  flag: string,
  value: string,
  options: { format: OutputFormat; rules: Record<string, RuleLevel> },
  extra: { config?: string; runtime?: string; maxWarnings?: number },
): void {
  switch (flag) {
    case '--format':
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`unknown format "${value}" (use ${OUTPUT_FORMATS.join(', ')})`);
      }
      options.format = value as OutputFormat;
      return;
    case '--config':
      extra.config = value;
      return;
    case '--runtime':
      if (!runtimeSettingSchema.safeParse(value).success) {
        throw new UsageError(`unknown runtime "${value}" (use ${runtimeSettingSchema.options.join(', ')})`);
      }
      extra.runtime = value;
      return;
    case '--rule': {
      const [id = '', level = ''] = value.split('=');
      if (!value.includes('='))
        throw new UsageError(`--rule ${value}: write it as <rule-id>=<level>, e.g. unknown-setting=error`);
      if (!isRuleId(id)) throw new UsageError(`--rule ${value}: ${unknownRule(id)}`);
      const parsed = ruleLevelSchema.safeParse(level);
      if (!parsed.success)
        throw new UsageError(`--rule ${value}: level must be one of ${ruleLevelSchema.options.join(', ')}`);
      options.rules[id] = parsed.data;
      return;
    }
    case '--max-warnings': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings needs a whole number, got "${value}"`);
      extra.maxWarnings = n;
      return;
    }
  }
}

/** "unknown rule id", with the closest real ones: a config typo should cost one glance. */
export function unknownRule(id: string): string {
  const near = suggestNames(id, Object.keys(RULES), 2);
  return `unknown rule id "${id}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`;
}

export const HELP = `Usage: dd-profiler-lint [paths or globs...] [options]

Checks Datadog Continuous Profiler settings in Dockerfiles, .env files, web.config, compose and
Kubernetes YAML, Ruby, shell/batch/PowerShell scripts and php.ini files. With no path, checks the
current directory. Quote globs ('**/*.yaml'): the tool expands them itself.

Options:
  --format text|json|sarif   output format (default text); sarif is SARIF 2.1.0
  --config <file>            settings file (default: .dd-profiler-config.json found upwards)
  --runtime <runtime>        assume this runtime: auto, java, python, go, ruby, nodejs, dotnet, php, ddprof
  --rule <id>=<level>        set a rule's level: error, warning, info, hint, off (repeatable)
  --max-warnings <n>         also fail (exit 1) when there are more than n warnings
  -q, --quiet                show errors only (the exit code still counts warnings)
  -h, --help                 this help
  -v, --version              the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage or configuration.
Config file .dd-profiler-config.json: { "runtime": "auto", "rules": { "<id>": "<level>" }, "ignore": ["<glob>"] }
Docs: https://github.com/dd-profiler-config/dd-profiler-config/blob/main/docs/cli.md
Rules: https://github.com/dd-profiler-config/dd-profiler-config/blob/main/docs/rules.md`;
