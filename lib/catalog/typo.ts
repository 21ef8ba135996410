// Spelling correction for search without database extensions: each query word that is not in the
// catalog's vocabulary is replaced by the closest vocabulary word within a small edit distance.

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early past `max`.
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

// How many edits a word of this length may need: short words must be nearly exact.
function allowedEdits(length: number): number {
  if (length <= 2) return 0;
  if (length <= 5) return 1;
  return 2;
}

function tokenize(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// `vocabulary` maps each catalog word to how often it occurs; ties go to the more common word.
export function correctWord(word: string, vocabulary: ReadonlyMap<string, number>): string {
  if (vocabulary.has(word) || /^\d+$/.test(word)) return word;
  const max = allowedEdits(word.length);
  let best = word;
  let bestDistance = max + 1;
  let bestCount = 0;
  for (const [candidate, count] of vocabulary) {
    const d = editDistance(word, candidate, Math.min(max, bestDistance));
    if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  }
  return bestDistance <= max ? best : word;
}

// Returns the corrected query, or null when every word is already known (or nothing is close).
export function correctQuery(query: string, vocabulary: ReadonlyMap<string, number>): string | null {
  const words = tokenize(query);
  const corrected = words.map((w) => correctWord(w, vocabulary));
  return corrected.some((w, i) => w !== words[i]) ? corrected.join(' ') : null;
}
