/**
 * Edit distance between two strings, case-sensitive: insertions, deletions, substitutions and swaps of two
 * neighbouring letters ("vpi" → "vip" is one edit), i.e. the optimal string alignment distance.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // Three rolling rows of the alignment table, allocated once per call.
  let beforePrevious = new Uint16Array(b.length + 1);
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, beforePrevious[j - 2] + 1);
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo:
 * a case-insensitive match, or at most a third of the longer word's letters apart (so very short names, where
 * every name is one edit from another, get no guess).
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const lowered = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lowered) return candidate;
    // The distance is at least the difference in length: skip what could never be close enough.
    if (Math.abs(other.length - lowered.length) > Math.floor(Math.max(other.length, lowered.length) / 3)) continue;
    const distance = editDistance(lowered, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.floor(Math.max(input.length, best.length) / 3);
  return bestDistance <= limit ? best : undefined;
}
