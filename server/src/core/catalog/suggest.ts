/**
 * "Did you mean" for setting names. Real misspellings are a dropped or added letter
 * (`DD_PROFILING_ENABLE`), a swapped word (`DD_PROFILER_ENABLED`), or a missing underscore
 * (`DD_PROFILING_WALL_TIME_ENABLED`), so candidates are ranked by edit distance on the whole
 * name, with a bonus for sharing the word set.
 */

/**
 * Names within a distance proportional to the name's length, closest first. A candidate that swaps
 * one real word for another (`PORT` for `HOST`, `ALLOCATION` for `EXCEPTION`) is never offered: close
 * in letters, it means something else.
 */
export function suggestNames(name: string, candidates: readonly string[], max: number): string[] {
  const wanted = normalize(name);
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  const vocabulary = new Set(candidates.flatMap((candidate) => words(normalize(candidate))));
  const scored: { name: string; score: number }[] = [];
  for (const candidate of candidates) {
    const normalized = normalize(candidate);
    if (swapsAWord(wanted, normalized, vocabulary)) continue;
    if (Math.abs(normalized.length - wanted.length) > limit + 2) continue;
    const distance = normalized === wanted ? 0 : editDistance(wanted, normalized, limit + 2);
    const score = Math.min(distance, wordDistance(wanted, normalized));
    if (score <= limit) scored.push({ name: candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  // Only the names about as close as the best one: a distant runner-up is noise, not help.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 1)
    .slice(0, max)
    .map((s) => s.name);
}

function words(name: string): string[] {
  return name.split('_').filter(Boolean);
}

/** Whether `b` replaces a word of `a` by a different word that other names use, rather than fixing a typo. */
function swapsAWord(a: string, b: string, vocabulary: ReadonlySet<string>): boolean {
  const wordsA = words(a);
  const wordsB = words(b);
  if (wordsA.length !== wordsB.length) return false;
  return wordsA.some((word, i) => {
    const other = wordsB[i] ?? '';
    if (word === other || sameWordFamily(word, other)) return false;
    // `STAR` for `NICE`: every letter of a word changed is a different word, whatever the vocabulary says.
    if (editDistance(word, other, word.length) > Math.ceil(word.length / 2)) return true;
    return vocabulary.has(word) && vocabulary.has(other);
  });
}

/** `ENABLE`/`ENABLED`, `PROFILER`/`PROFILING`: a typo or another form of the same word. */
function sameWordFamily(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= 5 || editDistance(a, b, 2) <= 1;
}

function normalize(name: string): string {
  return name.toUpperCase().replace(/[-.]/g, '_');
}

/** Distance when the words only differ in order or in joining underscores: cost 1. */
function wordDistance(a: string, b: string): number {
  const wordsA = a.split('_').filter(Boolean).sort().join('_');
  const wordsB = b.split('_').filter(Boolean).sort().join('_');
  if (wordsA === wordsB) return 1;
  if (a.replace(/_/g, '') === b.replace(/_/g, '')) return 1;
  return Number.POSITIVE_INFINITY;
}

/** Damerau-Levenshtein (optimal string alignment) with an early exit once `ceiling` is exceeded. */
export function editDistance(a: string, b: string, ceiling: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current: number[] = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > ceiling) return rowMin;
    previous2 = previous;
    previous = current;
  }
  return previous[cols - 1] ?? 0;
}
