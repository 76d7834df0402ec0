// Small statistics for the benchmark tables.

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** [min, max] of a non-empty list. */
export function spread(values) {
  return [Math.min(...values), Math.max(...values)];
}

/** A figure to 3 significant digits, as the anchor tables print them. */
export function fmt(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  if (value >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
