/**
 * The fuzz properties, each a generator of documents and a check, shared by the unit suite (fixed seeds,
 * a few hundred runs), the long run (`npm run fuzz`: random seeds, minutes) and the regression replay.
 */
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/core/languageService.js';
import { FORMATS, GRAMMARS, type FormatId } from '../../server/src/core/types.js';
import { loadDefaultCatalog } from '../../server/src/node/catalogFiles.js';
import { loadParsers } from '../../server/src/node/parsers.js';
import { loadGrammars } from '../../server/src/node/treeSitter.js';
import { mutatedFixture, noiseCase } from './arbitraries.js';
import { checkDeterministic, checkExtractor, checkFixes, checkNoLeak, checkService, type Services } from './checks.js';
import { corpusOf, FILE_NAMES, type FuzzCase } from './corpus.js';
import { plantedSecret } from './secrets.js';

export interface FuzzProperty {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<FuzzCase>;
  readonly check: (doc: FuzzCase) => void;
  /** Runs in the unit suite, sized so the whole file stays well under its time budget. */
  readonly runs: number;
}

export interface FuzzOptions {
  /** Deepest nesting a mutation writes. */
  readonly maxDepth: number;
  /** Most quick fixes tried per document. */
  readonly fixLimit: number;
}

/** Two services built as the adapters build them (shipped catalog, real Prism), sharing nothing but Prism. */
export async function createServices(): Promise<Services> {
  await loadGrammars(GRAMMARS);
  const parsers = await loadParsers();
  return {
    service: createLanguageService({ catalog: loadDefaultCatalog(), parsers }),
    fresh: createLanguageService({ catalog: loadDefaultCatalog(), parsers }),
    parsers,
  };
}

/** Noise and mutated fixtures of one format. */
function formatCases(format: FormatId, maxDepth: number): fc.Arbitrary<FuzzCase> {
  const names = FILE_NAMES.filter((f) => f.format === format).map((f) => f.fileName);
  const corpus = corpusOf(format);
  if (corpus.length === 0) return noiseCase(names);
  return fc.oneof(noiseCase(names), mutatedFixture(maxDepth, corpus));
}

/** Every property: one per extractor, then the whole service. */
export function fuzzProperties(services: Services, options: FuzzOptions): FuzzProperty[] {
  const { maxDepth, fixLimit } = options;
  const anyCase = fc.oneof(noiseCase(), mutatedFixture(maxDepth));
  const extractors = FORMATS.map((format) => ({
    name: `extractor ${format}`,
    arbitrary: formatCases(format, maxDepth),
    check: (doc: FuzzCase) => checkExtractor(doc, services.parsers),
    runs: 300,
  }));
  return [
    ...extractors,
    { name: 'service: ranges inside', arbitrary: anyCase, check: (d) => checkService(services, d), runs: 200 },
    { name: 'service: deterministic', arbitrary: anyCase, check: (d) => checkDeterministic(services, d), runs: 80 },
    {
      name: 'service: quick fixes',
      arbitrary: fc.oneof(mutatedFixture(maxDepth), plantedSecret(maxDepth)),
      check: (d) => checkFixes(services, d, fixLimit),
      runs: 150,
    },
    {
      name: 'service: no key leaks',
      arbitrary: plantedSecret(maxDepth),
      check: (d) => checkNoLeak(services, d),
      runs: 200,
    },
  ];
}

/** Every check on one document, for replaying saved counterexamples. */
export function checkAll(services: Services, doc: FuzzCase): void {
  checkExtractor(doc, services.parsers);
  checkService(services, doc);
  checkDeterministic(services, doc);
  checkFixes(services, doc);
  checkNoLeak(services, doc);
}
