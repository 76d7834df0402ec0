// The GitHub Action's entry point (action.yml): reads the action's inputs from INPUT_* variables, runs
// dd-profiler-lint once for the log (text, which the problem matcher turns into annotations) and, when
// a SARIF file is asked for, once more into that file. Exits with the text run's code.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const { run, processIo } = await import(process.env.DD_PROFILER_LINT_MODULE ?? '../dist/cli.mjs');

/** An input from `INPUT_<NAME>` (upper case, `-` as `_`, as action.yml sets them), trimmed. */
function input(name) {
  return (process.env[`INPUT_${name.replace(/[ -]/g, '_').toUpperCase()}`] ?? '').trim();
}

const args = input('paths').split(/\s+/).filter(Boolean);
if (input('config')) args.push('--config', input('config'));
args.push('--severity-threshold', input('severity-threshold') || 'error');
if (input('max-warnings')) args.push('--max-warnings', input('max-warnings'));
if (input('allow-empty') === 'true') args.push('--allow-empty');

const io = processIo();
const sarif = input('sarif-file');
if (sarif) {
  let text = '';
  // The SARIF run reports nothing on stderr the text run does not say again.
  await run([...args, '--format', 'sarif'], { ...io, stdout: (chunk) => (text += chunk), stderr: () => {} });
  writeFileSync(resolve(io.cwd, sarif), text);
}
process.exitCode = await run(args, { ...io, color: false });
