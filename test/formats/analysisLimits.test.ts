/**
 * What analysis does at its limits: a failing parser or rule, the time budget, over-long lines and
 * files, the limits read from settings. Never a crash, never a falsely clean file, never the file's
 * text (which may hold a key) in the note. The clock is injected: no test here depends on speed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Catalog } from '../../server/src/core/catalog/catalog.js';
import { analyzeDocument, type ServiceDeps } from '../../server/src/core/features/analyze.js';
import { DEFAULT_LIMITS, withoutLongLines } from '../../server/src/core/features/limits.js';
import { RULE_CHECKS } from '../../server/src/core/rules/index.js';
import { analysisSettingsSchema, parseSettingsLeniently } from '../../server/src/core/settings.js';
import type { AnalysisSettings, Parsers } from '../../server/src/core/types.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';

const KEY = '0123456789abcdef0123456789abcdef';

function deps(overrides: { parsers?: Parsers; catalog?: Catalog; now?: () => number } = {}): ServiceDeps {
  return {
    catalog: overrides.catalog ?? loadDefaultCatalog(),
    parsers: overrides.parsers ?? {},
    extractions: new Map(),
    ...(overrides.now ? { now: overrides.now } : {}),
  };
}

function analyze(d: ServiceDeps, uri: string, text: string, settings: AnalysisSettings = {}) {
  return analyzeDocument(d, { uri, text }, settings).findings;
}

describe('a failure is never silent', () => {
  it('an extractor that throws gives one parse-error, without the error message', () => {
    // Prism hands back a tree whose reading throws, with the file's key in the error message.
    const ruby = () => ({
      get value(): never {
        throw new Error(`cannot read ${KEY}`);
      },
    });
    const findings = analyze(deps({ parsers: { ruby } }), 'file:///w/datadog.rb', `ENV['DD_API_KEY'] = '${KEY}'\n`);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.code, 'parse-error');
    assert.match(findings[0]?.message ?? '', /^Reading this file failed/);
    assert.ok(!findings.some((f) => f.message.includes(KEY)));
  });

  it('a rule that throws gives one finding per rule, and the file problems are kept', () => {
    const real = loadDefaultCatalog();
    const broken = new Proxy(real, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return () => {
          throw new TypeError(`boom ${KEY}`);
        };
      },
    });
    const text = `DD_PROFILING_ENABLED=true\nDD_API_KEY="${KEY}\n`;
    const findings = analyze(deps({ catalog: broken }), 'file:///w/.env', text);
    assert.ok(
      findings.some((f) => f.code === 'value-syntax'),
      'the extractor problem is still reported',
    );
    const notes = findings.filter((f) => f.code === 'parse-error');
    assert.ok(notes.length > 0);
    assert.ok(notes.every((f) => /^The check [a-z-]+ failed/.test(f.message)));
    assert.ok(!findings.some((f) => f.message.includes(KEY)));
  });
});

describe('the time budget', () => {
  it('stops before the next rule once spent, with one information note naming what was not run', () => {
    let clock = 0;
    const now = () => (clock += 400);
    const settings: AnalysisSettings = { limits: { timeBudgetMs: 1000 } };
    const findings = analyze(deps({ now }), 'file:///w/.env', 'DD_PROFILING_ENABLE=true\n', settings);
    const notes = findings.filter((f) => f.message.startsWith('Analysis stopped'));
    assert.equal(notes.length, 1);
    assert.equal(notes[0]?.severity, 'info');
    assert.match(notes[0]?.message ?? '', new RegExp(`1,000 ms .*not checked: .*${RULE_CHECKS.at(-1)?.code}\\.$`));
    // unknown-setting ran before the budget was spent.
    assert.ok(findings.some((f) => f.code === 'unknown-setting'));
  });

  it('is not reached on a real file with the default budget and a real clock', () => {
    const findings = analyze(deps(), 'file:///w/.env', 'DD_PROFILING_ENABLED=true\n');
    assert.ok(!findings.some((f) => f.code === 'parse-error'));
  });
});

describe('size limits', () => {
  it('leaves out lines over the cap with one note, and keeps the positions of the others', () => {
    const text = `DD_PROFILING_ENABLE=1\r\nDD_X=${'a'.repeat(50)}\nDD_Y=${'b'.repeat(50)}\rDD_PROFILING_ENABLE=1\n`;
    const findings = analyze(deps(), 'file:///w/.env', text, { limits: { maxLineChars: 40 } });
    const notes = findings.filter((f) => f.code === 'parse-error');
    assert.equal(notes.length, 1);
    assert.match(notes[0]?.message ?? '', /^Not checked: 2 lines longer than 40 characters .* line 2\.$/);
    assert.deepEqual(
      findings.filter((f) => f.code === 'unknown-setting').map((f) => f.range.start.line),
      [0, 3],
    );
  });

  it('empties long lines but keeps every line break', () => {
    const { text, note } = withoutLongLines('ab\r\nabcdef\rx\nabcdef', 3);
    assert.equal(text, 'ab\r\n\rx\n');
    assert.deepEqual(note?.range.start, { line: 1, character: 0 });
    assert.deepEqual(withoutLongLines('short\n', 10), { text: 'short\n' });
  });

  it('refuses a file over maxFileChars with one error', () => {
    const findings = analyze(deps(), 'file:///w/.env', 'DD_ENV=prod\n'.repeat(10), { limits: { maxFileChars: 100 } });
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /^File not checked: it is 120 characters, over the limit of 100/);
  });
});

describe('limits in settings', () => {
  it('the editor settings keep valid limits and drop invalid ones', () => {
    assert.deepEqual(parseSettingsLeniently({ limits: { maxFileChars: 10, maxLineChars: -1, timeBudgetMs: 'x' } }), {
      limits: { maxFileChars: 10 },
    });
    assert.deepEqual(parseSettingsLeniently({ limits: { maxLineChars: null } }), {});
  });

  it('the config file schema accepts limits and reports unknown keys', () => {
    assert.ok(analysisSettingsSchema.safeParse({ limits: { timeBudgetMs: 500 } }).success);
    assert.ok(!analysisSettingsSchema.safeParse({ limits: { timeBudget: 500 } }).success);
    assert.ok(!analysisSettingsSchema.safeParse({ limits: { maxFileChars: 0 } }).success);
  });

  it('the defaults are the ones the README and the editor settings state', () => {
    assert.deepEqual(DEFAULT_LIMITS, { maxFileChars: 5_000_000, maxLineChars: 10_000, timeBudgetMs: 5_000 });
    const properties = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_LIMITS))
      assert.equal(properties[`ddProfilerConfig.limits.${key}`]?.default, value, key);
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Limits'), readme.indexOf('\n## ', readme.indexOf('## Limits') + 1));
    for (const value of Object.values(DEFAULT_LIMITS))
      assert.ok(section.includes(value.toLocaleString('en-US')), `${value}`);
  });
});
