/**
 * The secret mask and the placeholder recognition on their own: what counts as a document's secret,
 * what is masked (whole, truncated, re-cased copies) and what is left alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createMask,
  documentMask,
  documentSecrets,
  keyShapedTokens,
  MASK,
} from '../../server/src/core/features/mask.js';
import { isFillInPlaceholder, isPlaceholder, isTemplateExpression } from '../../server/src/core/rules/placeholder.js';
import { redactAssignments } from '../../server/src/core/text/secretNames.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';
import type { SettingOccurrence } from '../../server/src/core/types.js';
import { PLANTED_API_KEY as KEY, PLANTED_APP_KEY as APP_KEY } from '../helpers/plantedSecrets.js';

const AT = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function occurrence(name: string, value: string, valueKind: SettingOccurrence['valueKind'] = 'literal') {
  return { surface: 'env', name, nameRange: AT, value, valueKind, scope: '' } as const satisfies SettingOccurrence;
}

describe('secret mask', () => {
  const mask = createMask([KEY]);

  it('masks whole, truncated and upper-cased copies', () => {
    assert.equal(mask.text(`key ${KEY} here`), `key ${MASK} here`);
    assert.equal(mask.text(`cut ${KEY.slice(0, 20)}…`), `cut ${MASK}…`);
    assert.equal(mask.text(`tail …${KEY.slice(-9)}`), `tail …${MASK}`);
    assert.equal(mask.text(KEY.toUpperCase()), MASK);
  });

  it('leaves text that shares fewer than 8 characters alone', () => {
    const text = `\`DD_API_KEY\` has a literal key: ${KEY.slice(0, 7)} and ${KEY.slice(10, 17)}`;
    assert.equal(mask.text(text), text);
    assert.equal(mask.holds(text), false);
    assert.equal(mask.holds(`x${KEY.slice(3, 11)}x`), true);
  });

  it('masks any copy of 8 or more characters of a key, whatever surrounds it (property)', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{32}$/);
    const around = fc.string({ maxLength: 40 });
    const cut = fc.tuple(fc.nat(24), fc.integer({ min: 8, max: 32 }), fc.boolean());
    fc.assert(
      fc.property(hex, around, around, cut, (key, before, after, [from, length, upper]) => {
        const piece = key.slice(from, from + length);
        fc.pre(piece.length >= 8);
        const masked = createMask([key]).text(`${before}${upper ? piece.toUpperCase() : piece}${after}`);
        for (let i = 0; i + 8 <= key.length; i++) assert.ok(!masked.toLowerCase().includes(key.slice(i, i + 8)));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('takes literal credential values and key-like tokens on credential lines, not placeholders or references', () => {
    const catalog = loadDefaultCatalog();
    const text = [
      `java -Ddd.api-key=${KEY} -jar app.jar`,
      'DD_SERVICE=checkout-service-2024-frontend',
      'image: registry.example.com/app:1.2.3-build20240101',
    ].join('\n');
    const occurrences = [
      occurrence('DD_APP_KEY', 'fedcba9876543210fedcba9876543210fedcba98'),
      occurrence('DD_API_KEY', '<your-api-key-0123456789>'),
      occurrence('DD_API_KEY', '${DD_API_KEY_FROM_VAULT}', 'reference'),
      occurrence('DD_SERVICE', 'checkout-service-2024'),
      occurrence('DB_PASSWORD', 'hunter2hunter2'),
    ];
    assert.deepStrictEqual(documentSecrets(catalog, text, occurrences).sort(), [
      KEY,
      'fedcba9876543210fedcba9876543210fedcba98',
      'hunter2hunter2',
    ]);
  });

  it('takes anything shaped like a key, whatever setting holds it', () => {
    const catalog = loadDefaultCatalog();
    const text = [
      `DD_PROFILING_ENABLED: ${KEY}`,
      `DD_ENV=prpi-key=${APP_KEY.toUpperCase()}`,
      'DD_TAGS=client:pub0123456789abcdef0123456789abcdef',
      'DD_SERVICE=x7Kq2mP9vR4tW8yB3nL6hJ1s',
    ].join('\n');
    assert.deepStrictEqual(documentSecrets(catalog, text, []).sort(), [
      KEY,
      APP_KEY.toUpperCase(),
      'b0123456789abcdef0123456789abcdef',
      'pub0123456789abcdef0123456789abcdef',
      'x7Kq2mP9vR4tW8yB3nL6hJ1s',
    ]);
    const mask = createMask(documentSecrets(catalog, text, []));
    assert.equal(mask.text(`\`${KEY}\` for \`DD_PROFILING_ENABLED\``), `\`${MASK}\` for \`DD_PROFILING_ENABLED\``);
    assert.equal(mask.text(`Value \`prpi-key=${APP_KEY.slice(0, 20)}…\``), `Value \`prpi-key=${MASK}…\``);
  });

  it('leaves names, versions, dates and GUIDs that are not key-shaped alone', () => {
    const text = [
      'DD_TRACE_HTTPASYNCCLIENT5_ENABLED=true',
      'image: registry.example.com/app:1.2.3-build20240101',
      'DD_SERVICE=checkout-service-2024-frontend',
      'CORECLR_PROFILER={846F5F1C-F9AE-4B07-969E-05C26BC060D8}',
      'DD_VERSION=20240101120000123456789012345678',
      'JAVA_OPTS=-XX:+UseContainerSupport -Xmx2048m eclipsetemurin21jdkjammy2024',
    ].join('\n');
    assert.deepStrictEqual(keyShapedTokens(text), []);
  });

  it('masks every key-shaped run, bounded, when a file holds more keys than one mask indexes', () => {
    const catalog = loadDefaultCatalog();
    const keys = Array.from({ length: 20_000 }, (_, i) => `${KEY.slice(0, 24)}${i.toString(16).padStart(8, '0')}`);
    const text = keys.map((key) => `DD_ENV=${key}`).join('\n');
    assert.ok(documentSecrets(catalog, text, []).length < keys.length, 'the index is bounded');
    const mask = documentMask(catalog, text, []);
    const last = keys[keys.length - 1] ?? '';
    assert.equal(mask.text(`\`${last}\` for \`DD_ENV\``), `\`${MASK}\` for \`DD_ENV\``);
    assert.equal(mask.text(`cut ${last.slice(10, 22)}…`), `cut ${MASK}…`);
    const names = 'DD_TRACE_HTTPASYNCCLIENT5_ENABLED is read by Java';
    assert.equal(mask.text(names), names);
  });

  it('does not index a hex blob longer than any key', () => {
    const blob = '0123456789abcdef'.repeat(20_000);
    assert.deepStrictEqual(documentSecrets(loadDefaultCatalog(), `DD_ENV=${blob}\n`, []), []);
  });

  it('redacts credential assignments in quoted command lines', () => {
    assert.equal(redactAssignments(`CMD java -Ddd.api-key=${KEY.slice(0, 20)}…`), 'CMD java -Ddd.api-key=****');
    assert.equal(redactAssignments(`DD_API_KEY="${KEY}" ddtrace-run`), 'DD_API_KEY="****" ddtrace-run');
    assert.equal(redactAssignments('ddtrace-run python app.py'), 'ddtrace-run python app.py');
  });
});

describe('placeholders', () => {
  const fillIn = [
    '<your-api-key>',
    '<DD_API_KEY>',
    '[api key]',
    'your_api_key_here',
    'YOUR_DATADOG_API_KEY',
    'insert-api-key-here',
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'XXXX-XXXX-XXXX',
    '***',
    '...',
    'changeme',
    'CHANGE_ME',
    'REPLACE_ME',
    'TODO',
    'dummy',
    'placeholder',
  ];
  const templates = [
    '${DD_API_KEY}',
    '${DD_API_KEY:?required}',
    '$DD_API_KEY',
    '$(DD_API_KEY)',
    '%DD_API_KEY%',
    '{{ .Values.datadog.apiKey }}',
    '{{ datadog_api_key }}',
    "<%= ENV['DD_API_KEY'] %>",
    '#{apiKey}',
    '@dd.api.key@',
    '__DD_API_KEY__',
  ];
  const real = [
    KEY,
    KEY.toUpperCase(),
    `<${KEY}>`,
    'fedcba9876543210fedcba9876543210fedcba98',
    'pub0123456789abcdef0123456789abcdef',
  ];

  for (const value of fillIn)
    it(`fill-in: ${value}`, () => assert.ok(isFillInPlaceholder(value) && isPlaceholder(value)));
  for (const value of templates)
    it(`template: ${value}`, () => assert.ok(isTemplateExpression(value) && isPlaceholder(value)));
  for (const value of real) it(`real-looking: ${value}`, () => assert.equal(isPlaceholder(value), false));
  it('empty', () => assert.ok(isPlaceholder('') && isPlaceholder('  ')));
});
