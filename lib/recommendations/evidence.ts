import { compiledContent } from './content';
import type { RecModel } from './model';
import { addEvidence, createTally, type Tally } from './ranking';

/**
 * Co-purchase evidence from weighted source items (item number → weight). A pair counts fully
 * when the candidate was added after the source, `beforeWeight` when it was added before.
 */
export function coPurchaseEvidence(
  model: RecModel,
  sources: ReadonlyMap<number, number>,
  beforeWeight: number,
  sourcePopularityPower: number,
): Tally {
  const tally = createTally(model.ids.length);
  const { total, best, source: bestSource, touched } = tally;
  for (const [source, weight] of sources) {
    const row = model.rows[source];
    if (!row) continue;
    const scaled = weight / Math.pow(Math.max(1, model.popularity[source] ?? 0), sourcePopularityPower);
    const { others, after, before } = row;
    // Inlined addEvidence: this loop is most of a request's time.
    for (let k = 0; k < others.length; k++) {
      const item = others[k] ?? 0;
      const amount = scaled * ((after[k] ?? 0) + beforeWeight * (before[k] ?? 0));
      if (bestSource[item] === -1) {
        touched.push(item);
        bestSource[item] = source;
        best[item] = amount;
      } else if (amount > (best[item] ?? 0)) {
        best[item] = amount;
        bestSource[item] = source;
      }
      total[item] = (total[item] ?? 0) + amount;
    }
  }
  return tally;
}

/** Divides every total by the candidate's popularity^power, damping best-sellers. */
export function dampPopular(model: RecModel, tally: Tally, power: number): void {
  if (power === 0) return;
  for (const item of tally.touched) {
    tally.total[item] = (tally.total[item] ?? 0) / Math.pow(Math.max(1, model.popularity[item] ?? 0), power);
  }
}

/** Cosine similarity of name, category and tags to the weighted source items. */
export function contentEvidence(model: RecModel, sources: ReadonlyMap<number, number>): Tally {
  const size = model.ids.length;
  const tally = createTally(size);
  const { vectors, postings } = compiledContent(model.content, model.index);
  const perSource = new Float64Array(size);
  const touched: number[] = [];
  for (const [source, weight] of sources) {
    const vector = vectors[source];
    if (!vector) continue;
    vector.tokens.forEach((token, k) => {
      const posting = postings[token];
      if (!posting) return;
      const sourceWeight = vector.weights[k] ?? 0;
      for (let p = 0; p < posting.items.length; p++) {
        const item = posting.items[p] ?? 0;
        if (item === source) continue;
        if (perSource[item] === 0) touched.push(item);
        perSource[item] = (perSource[item] ?? 0) + sourceWeight * (posting.weights[p] ?? 0);
      }
    });
    for (const item of touched) {
      addEvidence(tally, item, weight * (perSource[item] ?? 0), source);
      perSource[item] = 0;
    }
    touched.length = 0;
  }
  return tally;
}
