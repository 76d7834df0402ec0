import { describe } from './wrongTarget.js';

/**
 * The process a scope stands for, in a message: a container, stage or `docker run` by its name
 * ("service `web`", "stage 2"), anything else (a `.env`, a script) as "this process".
 */
export function processName(scope: string): string {
  return /^(compose|k8s|stage|docker):/.test(scope) ? describe(scope) : 'this process';
}
