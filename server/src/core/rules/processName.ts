import { describe } from './wrongTarget.js';

/**
 * The process a scope stands for, in a message: a container or stage by its name ("service `web`",
 * "stage 2"), anything else (a `.env`, a script) as "this process".
 */
export function processName(scope: string): string {
  return /^(compose|k8s|stage):/.test(scope) ? describe(scope) : 'this process';
}
