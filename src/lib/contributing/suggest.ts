// Runs anywhere: "did you mean" suggestions by edit distance.

/** Levenshtein distance between two strings, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * How far `input` is from `name`: the whole name, its first words ("platform" for "platform-engineering")
 * or any one word of it, the partial matches costing one more than an exact one.
 */
function nameDistance(input: string, name: string): number {
  const words = name.split(/[\s_-]+/).filter((w) => w !== '');
  const prefix = name.slice(0, input.length);
  return Math.min(editDistance(input, name), editDistance(input, prefix) + 1, ...words.map((w) => editDistance(input, w) + 1));
}

/**
 * The candidate whose names come nearest to `input`, or undefined when nothing is close enough
 * (more than half the input's length away).
 */
export function nearest<T>(input: string, candidates: readonly T[], namesOf: (candidate: T) => readonly string[]): T | undefined {
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const name of namesOf(candidate)) {
      const distance = nameDistance(input, name);
      if (!best || distance < best.distance) best = { candidate, distance };
    }
  }
  if (!best || best.distance > Math.max(2, Math.ceil(input.length / 2))) return undefined;
  return best.candidate;
}
