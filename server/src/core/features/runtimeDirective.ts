/**
 * A file can say which runtime it configures when nothing in it shows: a comment
 * `dd-profiler-config: runtime ruby` anywhere in the file (useful for `.env` files and scripts).
 */
import { RUNTIMES, type Runtime, type RuntimeHint } from '../types.js';

const PATTERN = /dd-profiler-config:\s*runtime[\s=]+([a-z]+)/g;

export function runtimeDirectives(text: string): RuntimeHint[] {
  if (!text.includes('dd-profiler-config:')) return [];
  return [...text.matchAll(PATTERN)]
    .map((match) => match[1] as Runtime)
    .filter((runtime) => RUNTIMES.includes(runtime))
    .map((runtime) => ({ runtime, reason: `the comment "dd-profiler-config: runtime ${runtime}"` }));
}
