/**
 * Every quick fix on every fixture, applied as an editor applies it, must leave a file that reads as
 * well as before: the fixed finding is gone and nothing new appears (no parse error, no command split
 * by a comment after `\`, no comment inside an XML start tag, no escape left behind in YAML). Every
 * finding's range and every edit's range is ordered (start <= end).
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { applyEdits } from '../helpers/applyEdits.js';
import { fixtureDocument, realService } from '../helpers/service.js';

const ROOTS = ['test/fixtures/secrets', 'test/fixtures/rules', 'test/fixtures/formats'];
const GOLDEN = /\.(findings\.json|golden\.json|fixed)$|README\.md$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return fixtureFiles(path);
      return GOLDEN.test(name) ? [] : [path];
    });
}

function ordered(range: Range): boolean {
  const { start, end } = range;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

/** Codes that say the file no longer reads as intended: a fix must never cause one. */
const SYNTAX = new Set(['parse-error', 'value-syntax', 'yaml-value-type', 'arg-order']);

/** The findings as a multiset of `code: message`, which survives the line shifts a fix causes. */
function tally(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const key = `${String(d.code)}: ${message.replace(/\bline \d+/g, 'line N')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function describeAction(action: CodeAction, diagnostic: Diagnostic): string {
  return `"${action.title}" for ${String(diagnostic.code)} at line ${diagnostic.range.start.line + 1}`;
}

describe('quick fixes keep files well-formed', () => {
  for (const file of ROOTS.flatMap(fixtureFiles)) {
    it(file, async () => {
      const service = await realService();
      const doc = fixtureDocument(file);
      const settings = file.includes('runtime-') ? { runtime: /runtime-(\w+)/.exec(file)?.[1] as never } : {};
      const diagnostics = service.validate(doc, settings);
      const before = tally(diagnostics);
      for (const diagnostic of diagnostics) {
        assert.ok(ordered(diagnostic.range), `${String(diagnostic.code)} range ends before it starts`);
        for (const related of diagnostic.relatedInformation ?? []) {
          assert.ok(ordered(related.location.range), `${String(diagnostic.code)} related range ends before it starts`);
        }
        for (const action of service.codeActions(doc, diagnostic.range, [diagnostic])) {
          const edits = action.edit?.changes?.[doc.uri] ?? [];
          for (const edit of edits) assert.ok(ordered(edit.range), `${describeAction(action, diagnostic)}: edit range`);
          const fixed = { ...doc, text: applyEdits(doc.text, edits) };
          const after = tally(service.validate(fixed, settings));
          const what = describeAction(action, diagnostic);
          for (const [key, count] of after) {
            if (!SYNTAX.has(key.split(':')[0] ?? '')) continue;
            assert.ok(count <= (before.get(key) ?? 0), `${what} introduces ${key}\n--- fixed text:\n${fixed.text}`);
          }
          // A suppression silences its rule and changes nothing else (a comment that splits a command would).
          if (action.title.startsWith('Ignore ')) {
            for (const key of new Set([...before.keys(), ...after.keys()])) {
              if (key.startsWith(`${String(diagnostic.code)}: `)) continue;
              assert.equal(after.get(key), before.get(key), `${what} changes ${key}\n--- fixed text:\n${fixed.text}`);
            }
          }
          const target = [...tally([diagnostic]).keys()][0] ?? '';
          assert.ok(
            (after.get(target) ?? 0) < (before.get(target) ?? 0),
            `${what} leaves the finding in place\n--- fixed text:\n${fixed.text}`,
          );
        }
      }
    });
  }
});
