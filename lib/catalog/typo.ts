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

// A vocabulary prepared once for many look-ups (symmetric delete spelling correction): every word is filed under each
// string it becomes with up to two letters deleted, so a query word's candidates are the words filed under its own
// deletions, and only those few are measured with editDistance. Building it costs a few milliseconds for the catalog's
// few thousand words; a look-up then costs microseconds instead of a pass over the whole vocabulary.
export type SpellIndex = { words: ReadonlyMap<string, number>; byDeletion: ReadonlyMap<string, readonly string[]> };

const MAX_EDITS = 2;

function deletions(word: string, depth: number, into: Set<string>): Set<string> {
  into.add(word);
  if (depth === 0 || word.length <= 1) return into;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) deletions(shorter, depth - 1, into);
  }
  return into;
}

export function buildSpellIndex(vocabulary: ReadonlyMap<string, number>): SpellIndex {
  const byDeletion = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    for (const key of deletions(word, Math.min(MAX_EDITS, allowedEdits(word.length + MAX_EDITS)), new Set())) {
      const list = byDeletion.get(key);
      if (list) list.push(word);
      else byDeletion.set(key, [word]);
    }
  }
  return { words: vocabulary, byDeletion };
}

// As correctWord, on a prepared index: the same answer, found without scanning the vocabulary.
export function correctWordIndexed(word: string, index: SpellIndex): string {
  if (index.words.has(word) || /^\d+$/.test(word)) return word;
  const max = allowedEdits(word.length);
  if (max === 0) return word;
  const candidates = new Set<string>();
  for (const key of deletions(word, max, new Set())) for (const candidate of index.byDeletion.get(key) ?? []) candidates.add(candidate);
  let best = word;
  let bestDistance = max + 1;
  let bestCount = 0;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate, max);
    const count = index.words.get(candidate) ?? 0;
    if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  }
  return bestDistance <= max ? best : word;
}
