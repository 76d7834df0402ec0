/**
 * Preloaded into the language server by sideEffects.test.ts (`node --import`, with
 * DD_SIDE_EFFECT_SENTINEL=1): every way to start a process, open a socket or write a file is replaced
 * by one that reports the attempt on stderr and throws, so an attempt that some code catches and
 * ignores is still seen. Without the variable (as when the test runner loads every file) it does nothing.
 */
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import workerThreads from 'node:worker_threads';

export const SENTINEL_MARKER = 'SIDE-EFFECT-ATTEMPT';

type Owner = Record<string, unknown>;

function forbid(owner: Owner, names: readonly string[], where: string): void {
  for (const name of names) {
    if (typeof owner[name] !== 'function') continue;
    owner[name] = function forbidden() {
      process.stderr.write(`${SENTINEL_MARKER} ${where}.${name}\n`);
      throw new Error(`${where}.${name} is not allowed in the language server`);
    };
  }
}

/** `fs.open` and friends may read; any flag that writes, creates or truncates is an attempt. */
function forbidWritingOpens(owner: Owner, names: readonly string[], where: string): void {
  const writing = fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC;
  for (const name of names) {
    const original = owner[name];
    if (typeof original !== 'function') continue;
    owner[name] = function (this: unknown, path: unknown, flags: unknown, ...rest: unknown[]) {
      const writes =
        typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & writing) !== 0;
      if (writes) {
        process.stderr.write(`${SENTINEL_MARKER} ${where}.${name}(${String(flags)})\n`);
        throw new Error(`${where}.${name} for writing is not allowed in the language server`);
      }
      return (original as (...args: unknown[]) => unknown).call(this, path, flags, ...rest);
    };
  }
}

const WRITES = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp'];
const MORE_WRITES = ['symlink', 'link', 'chmod', 'chown', 'truncate', 'ftruncate', 'utimes', 'createWriteStream'];

if (process.env.DD_SIDE_EFFECT_SENTINEL === '1') {
  const fsNames = [...WRITES, ...MORE_WRITES].flatMap((name) => [name, `${name}Sync`]);
  forbid(fs as unknown as Owner, fsNames, 'fs');
  forbid(fs.promises as unknown as Owner, [...WRITES, ...MORE_WRITES], 'fs.promises');
  forbidWritingOpens(fs as unknown as Owner, ['open', 'openSync'], 'fs');
  forbidWritingOpens(fs.promises as unknown as Owner, ['open'], 'fs.promises');
  const spawners = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
  forbid(childProcess as unknown as Owner, spawners, 'child_process');
  forbid(net as unknown as Owner, ['connect', 'createConnection', 'createServer'], 'net');
  forbid(net.Socket.prototype as unknown as Owner, ['connect'], 'net.Socket');
  forbid(net.Server.prototype as unknown as Owner, ['listen'], 'net.Server');
  forbid(dgram as unknown as Owner, ['createSocket'], 'dgram');
  forbid(workerThreads as unknown as Owner, ['Worker'], 'worker_threads');
  syncBuiltinESMExports();
}
