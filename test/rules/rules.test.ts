/**
 * Every rule on fixtures: each file under test/fixtures/rules/<rule>/ is analysed as the CLI and the
 * server do; the findings are compared with `<file>.findings.json`, and the document after applying
 * every preferred quick fix with `<file>.fixed` (when there is one).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { assertGolden, assertGoldenText } from '../helpers/golden.js';
import { fixtureDocument, realService } from '../helpers/service.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { RUNTIMES, type AnalysisSettings, type Runtime } from '../../server/src/core/types.js';

const ROOT = 'test/fixtures/rules';
const GOLDEN = /\.(findings\.json|fixed)$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return GOLDEN.test(name) || name === 'README.md' ? [] : [path];
  });
}

for (const rule of readdirSync(ROOT).sort()) {
  describe(`rule ${rule}`, () => {
    for (const file of fixtureFiles(join(ROOT, rule))) {
      it(file.slice(ROOT.length + 1), async () => {
        const service = await realService();
        const doc = fixtureDocument(file);
        const settings = runtimeOverride(file.slice(ROOT.length + rule.length + 2));
        const diagnostics = service.validate(doc, settings);
        assertGolden(`${file}.findings.json`, diagnostics.map(summarize));
        const fixed = applyPreferredFixes(service, doc, diagnostics);
        if (fixed !== doc.text) assertGoldenText(`${file}.fixed`, fixed);
      });
    }
  });
}

/**
 * A fixture folder named `runtime-<runtime>` runs with that runtime setting. Only the path below the
 * rule's folder counts, so the `runtime-mismatch` folder itself does not set a runtime.
 */
function runtimeOverride(path: string): AnalysisSettings {
  const runtime = /(?:^|\/)runtime-(\w+)\//.exec(path)?.[1];
  return runtime && (RUNTIMES as readonly string[]).includes(runtime) ? { runtime: runtime as Runtime } : {};
}

/** What a reviewer needs to see of a diagnostic in a golden file. */
function summarize(d: Diagnostic) {
  const { start, end } = d.range;
  return {
    range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    severity: d.severity,
    code: d.code,
    message: d.message,
    fixes: ((d.data as { fixes?: { title: string }[] } | undefined)?.fixes ?? []).map((f) => f.title),
  };
}

function applyPreferredFixes(
  service: Awaited<ReturnType<typeof realService>>,
  doc: { uri: string; text: string },
  diagnostics: Diagnostic[],
): string {
  const whole = { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } };
  const edits = service
    .codeActions(doc, whole, diagnostics)
    .filter((action) => action.isPreferred)
    .flatMap((action) => action.edit?.changes?.[doc.uri] ?? []);
  return applyEdits(doc.text, edits);
}
