/**
 * Runs the built CLI as users do (`node bin/dd-profiler-lint.js`) in a fixture workspace. Tests run from
 * the repository root, so the bin and fixture paths resolve from process.cwd().
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve('bin/dd-profiler-lint.js');
export const FIXTURES = resolve('test/fixtures/cli');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with `args` in `cwd` (relative to test/fixtures/cli unless absolute). */
export function runCli(cwd: string, ...args: string[]): CliRun {
  // NO_COLOR and a pipe for stdout: output is plain text whatever terminal runs the tests.
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: resolve(FIXTURES, cwd),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The golden file for a workspace's output, beside the workspace: `mixed.golden.json`. */
export function goldenPath(name: string): string {
  return resolve(FIXTURES, name);
}
