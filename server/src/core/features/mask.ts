/**
 * The last line of defence for credentials: everything the core hands out (findings, diagnostics,
 * hovers, completions, code actions) passes through one mask built from the document's secrets.
 * Rules already avoid quoting secret values; this catches what slips through anyway: a parser's error
 * message quoting the line, a command line cited as runtime evidence, a value that swallowed the next
 * line, a fix that would copy a key from one place to another.
 *
 * A document's secrets are the literal values of credential settings (from its occurrences), key-like
 * tokens on and just after any line that names a credential (for text no extractor understood, such
 * as a malformed XML attribute), and anything shaped like a key wherever it is: a key pasted as the
 * value of `DD_ENV` or `DD_PROFILING_ENABLED` is still a key, and a message about the bad value must
 * not print it. Any run of text sharing {@link WINDOW} characters with a secret is masked,
 * case-insensitively, so truncated and re-cased copies are caught as well as whole ones.
 */
import type { Catalog } from '../catalog/catalog.js';
import { isPlaceholder } from '../rules/placeholder.js';
import { SECRET_NAME } from '../text/secretNames.js';
import type { Finding, Fix, SettingOccurrence } from '../types.js';

export const MASK = '****';

/** Shortest run of a secret that is masked; shorter runs are too likely to be ordinary words. */
const WINDOW = 8;

/** A token that looks like a key rather than a word, a name or a path: 16+ letters and digits, both. */
const KEY_LIKE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{16,}$/;

/**
 * A key's shape: 16 or more hex characters, letters and digits both (a Datadog API key has 32, an
 * application key 40, a client token is `pub` and 32; 16 keeps a key cut in half). Also a Git commit
 * or an image digest, which a message may mask at no cost: a hex run this long is never a word.
 */
const HEX_KEY = /[0-9a-f]{16,}/gi;

/**
 * A token shaped like a generated secret rather than a name with a version in it: 20+ letters and
 * digits that switch between the two at least {@link MIXES} times (`HTTPASYNCCLIENT5` and
 * `build20240101` switch once or twice, a random token of that length many times).
 */
const LONG_TOKEN = /[A-Za-z0-9]{20,}/g;
const MIXES = 4;

export interface SecretMask {
  /** The text with every run of a secret replaced by {@link MASK}. */
  text(value: string): string;
  /** Whether the text holds a run of a secret (for what cannot be masked, such as an edit's new text). */
  holds(value: string): boolean;
}

/** Whether an occurrence holds a credential: the catalog says so, or its name does. */
export function isSecretOccurrence(catalog: Catalog, occurrence: SettingOccurrence): boolean {
  return catalog.lookup(occurrence.surface, occurrence.name)?.secret === true || SECRET_NAME.test(occurrence.name);
}

/**
 * Characters of secrets one mask indexes (a window per character). A file holding more (thousands of
 * keys, a huge credential value) is masked more bluntly instead: every key-shaped run in anything the
 * core returns, whether or not it came from the file.
 */
const MAX_SECRET_CHARS = 200_000;

/** A key-shaped run longer than this is a blob (a hex dump, a digest list), not a key. */
const MAX_KEY_LENGTH = 128;

/** The secrets of a document, from its occurrences and its text (at most {@link MAX_SECRET_CHARS}). */
export function documentSecrets(catalog: Catalog, text: string, occurrences: readonly SettingOccurrence[]): string[] {
  return collectSecrets(catalog, text, occurrences).secrets;
}

/** The mask for a document: its secrets, or every key-shaped run when it holds too many to index. */
export function documentMask(catalog: Catalog, text: string, occurrences: readonly SettingOccurrence[]): SecretMask {
  const { secrets, overflow } = collectSecrets(catalog, text, occurrences);
  return createMask(secrets, overflow);
}

function collectSecrets(catalog: Catalog, text: string, occurrences: readonly SettingOccurrence[]) {
  const secrets = new Set<string>();
  let chars = 0;
  let overflow = false;
  const add = (secret: string) => {
    if (secret.length < WINDOW || secrets.has(secret) || overflow) return;
    overflow = chars + secret.length > MAX_SECRET_CHARS;
    if (overflow) return;
    chars += secret.length;
    secrets.add(secret);
  };
  for (const occurrence of occurrences) {
    const value = occurrence.value?.trim();
    if (occurrence.valueKind !== 'literal' || !value || isPlaceholder(value)) continue;
    if (isSecretOccurrence(catalog, occurrence)) add(value);
  }
  // The value may be on the line after the name (`- name: DD_API_KEY` / `value: …`, a wrapped XML tag).
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (!SECRET_NAME.test(line)) return;
    for (const nearby of lines.slice(i, i + 3)) {
      for (const token of nearby.split(/[^A-Za-z0-9]+/)) {
        if (KEY_LIKE.test(token) && !SECRET_NAME.test(token)) add(token);
      }
    }
  });
  for (const token of keyShapedTokens(text)) if (token.length <= MAX_KEY_LENGTH) add(token);
  return { secrets: [...secrets], overflow };
}

/** Runs of the text shaped like a key whatever names them (see {@link HEX_KEY} and {@link LONG_TOKEN}). */
export function keyShapedTokens(text: string): string[] {
  const found: string[] = [];
  for (const [run] of text.matchAll(HEX_KEY)) if (/\d/.test(run) && /[a-f]/i.test(run)) found.push(run);
  for (const [token] of text.matchAll(LONG_TOKEN)) if (isKeyShaped(token)) found.push(token);
  return found;
}

/** What is masked blind on overflow: 8+ hex characters, or a token random-looking as in {@link LONG_TOKEN}. */
const ANY_KEY_SHAPE = /[0-9a-f]{8,}|[A-Za-z0-9]{20,}/gi;

function isKeyShaped(run: string): boolean {
  if (/^[0-9a-f]+$/i.test(run)) return /\d/.test(run) && /[a-f]/i.test(run);
  return (run.match(/\d\D|\D\d/g)?.length ?? 0) >= MIXES;
}

/** Lower-cases ASCII letters only, so offsets in the result match offsets in the input. */
function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Overlapping or touching runs, sorted by start, joined. */
function merge(sorted: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A mask of `secrets`; with `anyKeyShape`, of every key-shaped run as well (see {@link documentMask}). */
export function createMask(secrets: readonly string[], anyKeyShape = false): SecretMask {
  const windows = new Set<string>();
  for (const secret of secrets) {
    const folded = fold(secret);
    for (let i = 0; i + WINDOW <= folded.length; i++) windows.add(folded.slice(i, i + WINDOW));
  }
  /** The [start, end) runs of `value` covered by a secret's windows (or key-shaped), merged. */
  const runs = (value: string): [number, number][] => {
    const found: [number, number][] = [];
    if (value.length < WINDOW) return found;
    const folded = windows.size > 0 ? fold(value) : '';
    for (let i = 0; i + WINDOW <= folded.length; i++) {
      if (windows.has(folded.slice(i, i + WINDOW))) found.push([i, i + WINDOW]);
    }
    if (anyKeyShape) {
      for (const match of value.matchAll(ANY_KEY_SHAPE))
        if (isKeyShaped(match[0])) found.push([match.index, match.index + match[0].length]);
      found.sort((a, b) => a[0] - b[0]);
    }
    return merge(found);
  };
  return {
    text(value) {
      const found = runs(value);
      if (found.length === 0) return value;
      let out = '';
      let at = 0;
      for (const [start, end] of found) {
        out += value.slice(at, start) + MASK;
        at = end;
      }
      return out + value.slice(at);
    },
    holds: (value) => runs(value).length > 0,
  };
}

/** A finding with its texts masked and without the fixes whose edits would write a secret. */
export function maskFinding(mask: SecretMask, finding: Finding): Finding {
  const fixes = finding.fixes?.filter((fix) => !fixWritesSecret(mask, fix)).map((fix) => maskFix(mask, fix));
  return {
    ...finding,
    message: mask.text(finding.message),
    ...(finding.related ? { related: finding.related.map((r) => ({ ...r, message: mask.text(r.message) })) } : {}),
    ...(fixes ? { fixes } : {}),
  };
}

/**
 * An edit's new text cannot be masked without writing the mask into the file, and its `expected`
 * text is compared with the document: a fix that carries a secret in either is dropped. Fixes that
 * move a secret must write a reference instead.
 */
export function fixWritesSecret(mask: SecretMask, fix: Fix): boolean {
  return fix.edits.some(
    (edit) => mask.holds(edit.newText) || (edit.expected !== undefined && mask.holds(edit.expected)),
  );
}

function maskFix(mask: SecretMask, fix: Fix): Fix {
  return { ...fix, title: mask.text(fix.title) };
}
