/**
 * Command-line arguments. Bad usage is a `UsageError`, which main turns into exit code 2.
 */
import { suggestNames } from '../core/catalog/suggest.js';
import { isRuleId, RULES } from '../core/rules/registry.js';
import { ruleLevelSchema, runtimeSettingSchema } from '../core/settings.js';
import type { RuleLevel } from '../core/types.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const FAIL_SEVERITIES = ['error', 'warning', 'info'] as const;
export type FailSeverity = (typeof FAIL_SEVERITIES)[number];

export interface CliOptions {
  readonly paths: string[];
  readonly format: OutputFormat;
  readonly config?: string;
  readonly runtime?: string;
  readonly rules: Record<string, RuleLevel>;
  readonly maxWarnings?: number;
  /** The lowest severity that fails the run (exit 1). */
  readonly severityThreshold: FailSeverity;
  /** Exit 0 rather than 2 when the selection holds no file to check. */
  readonly allowEmpty: boolean;
  /** Walk dependency, build and hidden directories too. */
  readonly noDefaultIgnore: boolean;
  /** `write` applies the safe fixes; `diff` prints them as a unified diff and writes nothing. */
  readonly fix?: 'write' | 'diff';
  readonly quiet: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Bad usage or configuration: main prints the message and exits with code 2. */
export class UsageError extends Error {}

const WITH_VALUE = new Set(['--format', '--config', '--runtime', '--rule', '--max-warnings', '--severity-threshold']);
const SWITCHES: Readonly<Record<string, 'quiet' | 'help' | 'version' | 'allowEmpty' | 'noDefaultIgnore'>> = {
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
  '--allow-empty': 'allowEmpty',
  '--no-default-ignore': 'noDefaultIgnore',
};

/** Parses argv (without `node` and the script). Throws `UsageError` on anything it does not understand. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = {
    paths: [] as string[],
    format: 'text' as OutputFormat,
    rules: {} as Record<string, RuleLevel>,
    severityThreshold: 'error' as FailSeverity,
    quiet: false,
    help: false,
    version: false,
    allowEmpty: false,
    noDefaultIgnore: false,
  };
  const extra: Extra = {};
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
    const switchName = SWITCHES[flag];
    if (switchName) options[switchName] = true;
    else if (flag === '--fix' || flag === '--fix-dry-run') {
      const mode = flag === '--fix' ? 'write' : 'diff';
      if (extra.fix !== undefined && extra.fix !== mode) throw new UsageError('use --fix or --fix-dry-run, not both');
      extra.fix = mode;
    } else if (WITH_VALUE.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      applyValue(flag, value, options, extra);
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else options.paths.push(arg);
  }
  return { ...options, ...extra };
}

interface Extra {
  config?: string;
  runtime?: string;
  maxWarnings?: number;
  fix?: 'write' | 'diff';
}

function applyValue(
  flag: string,
  value: string,
  options: { format: OutputFormat; rules: Record<string, RuleLevel>; severityThreshold: FailSeverity },
  extra: Extra,
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
    case '--severity-threshold':
      if (!(FAIL_SEVERITIES as readonly string[]).includes(value)) {
        throw new UsageError(
          `unknown severity "${value}" for --severity-threshold (use ${FAIL_SEVERITIES.join(', ')})`,
        );
      }
      options.severityThreshold = value as FailSeverity;
      return;
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
  --severity-threshold <s>   the lowest severity that fails the run: error (default), warning, info
  --max-warnings <n>         also fail (exit 1) when there are more than n warnings
  --fix                      apply the safe quick fixes in place, then report what remains
  --fix-dry-run              print the safe quick fixes as a unified diff; change nothing
  --allow-empty              exit 0, not 2, when no file to check was found
  --no-default-ignore        also walk node_modules, vendor, target, dist, out and hidden directories
  -q, --quiet                show errors only (the exit code still counts warnings)
  -h, --help                 this help
  -v, --version              the version

Exit codes: 0 nothing at or above the threshold, 1 findings at or above it (or too many warnings),
2 bad usage or configuration, a path that cannot be checked, or no file found (see --allow-empty).
Config file .dd-profiler-config.json: { "runtime": "auto", "rules": { "<id>": "<level>" }, "ignore": ["<glob>"] }
Docs: https://github.com/dd-profiler-config/dd-profiler-config/blob/main/docs/cli.md
Rules: https://github.com/dd-profiler-config/dd-profiler-config/blob/main/docs/rules.md`;
