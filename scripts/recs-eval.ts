// npm run recs:eval -- --train <train.csv> [--train <more.csv>] --test <test.csv>
//   [--min-next-basket <rate>] [--min-completion <rate>]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { groupInvoices, parseRetailCsv, type RetailInvoice } from '../lib/recommendations/csv';
import { evaluate, formatScore } from '../lib/recommendations/eval';

function readInvoices(paths: readonly string[]): RetailInvoice[] {
  return paths.flatMap((path) => {
    const { rows, issues } = parseRetailCsv(readFileSync(path, 'utf8'));
    for (const issue of issues.slice(0, 5)) console.error(`${path}:${issue.line}: ${issue.message}`);
    if (issues.length > 5) console.error(`${path}: ${issues.length - 5} more bad rows skipped`);
    return groupInvoices(rows);
  });
}

function parseRate(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`--${name} must be a number between 0 and 1`);
  return rate;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      train: { type: 'string', multiple: true },
      test: { type: 'string' },
      'min-next-basket': { type: 'string' },
      'min-completion': { type: 'string' },
    },
  });
  if (!values.train?.length || !values.test) {
    console.error('usage: recs:eval --train <train.csv> [--train <more.csv>] --test <test.csv>');
    return 2;
  }
  const minNextBasket = parseRate('min-next-basket', values['min-next-basket']);
  const minCompletion = parseRate('min-completion', values['min-completion']);

  const started = performance.now();
  const report = evaluate(readInvoices(values.train), readInvoices([values.test]));
  const { baselines } = report;
  console.log(formatScore('baseline next-basket popularity', baselines.nextBasketPopularity));
  console.log(formatScore('baseline next-basket own-then-popular', baselines.nextBasketOwnThenPopular));
  console.log(formatScore('baseline basket-completion popularity', baselines.completionPopularity));
  console.log(formatScore('baseline basket-completion co-occurrence', baselines.completionCoOccurrence));
  console.log(`evaluated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const failures = [
    minNextBasket !== null && report.nextBasket.hitRate < minNextBasket
      ? `next-basket HitRate@10 ${report.nextBasket.hitRate.toFixed(4)} is below ${minNextBasket}`
      : null,
    minCompletion !== null && report.completion.hitRate < minCompletion
      ? `basket-completion HitRate@10 ${report.completion.hitRate.toFixed(4)} is below ${minCompletion}`
      : null,
  ].filter((failure): failure is string => failure !== null);
  for (const failure of failures) console.error(failure);
  console.log(formatScore('next-basket', report.nextBasket));
  console.log(formatScore('basket-completion', report.completion));
  return failures.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
