import { fmt, getOk, load, pacedLoop, type LoadResult } from './http';
import { cpuPerRequest } from './cpu';

// Budgets (issue 21): GET /api/v1/products?q= at ≥ 0.5× the static /about page's requests per second flat out (20
// connections, same run), and p95 < 20 ms paced at 100 requests per second. Popular searches (catalog words) are
// served from the data cache; a typo is corrected and its correction cached; an unknown word is answered from SQL.
const QUERIES = {
  word: '/api/v1/products?q=jacket',
  'colour+word': '/api/v1/products?q=navy+jumper',
  typo: '/api/v1/products?q=jumpr',
  // Not a catalog word: never cached, so this row is the SQL path's cost.
  uncached: '/api/v1/products?q=zeppelin+jacket',
};
const ROUNDS = 3;

export async function runSearchBench(baseUrl: string, { serverPid }: { serverPid?: number } = {}) {
  const paths = { static: '/about', ...QUERIES };
  for (const path of Object.values(paths)) await load(baseUrl + path, { duration: 2 }); // warm caches
  // Interleaved rounds, median per path (as the catalog section does, so drift does not favour whichever ran first).
  const runs = new Map<string, LoadResult[]>();
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, path] of Object.entries(paths))
      runs.set(name, [...(runs.get(name) ?? []), await load(baseUrl + path, { connections: 20, duration: 5 })]);
  const median = (name: string) => [...runs.get(name)!].sort((a, b) => a.rps - b.rps)[Math.floor(ROUNDS / 2)]!;
  const staticRps = median('static').rps;
  const rows = [];
  for (const [name, path] of Object.entries(paths)) {
    const run = median(name);
    const paced = await cpuPerRequest(serverPid, () => pacedLoop(10, 100, 10_000, () => getOk(baseUrl + path)));
    rows.push({ name, path, rps: run.rps, ratio: run.rps / staticRps, p95: run.p95, paced });
  }
  console.log(`\nSearch (20 connections flat out, median of ${ROUNDS} interleaved 5 s rounds; paced = 100 requests/s from 10 clients)`);
  console.log('query         rps   ratio  p95(ms)  paced p95  paced p99  CPU ms/req  errors  path');
  for (const r of rows)
    console.log(
      `${r.name.padEnd(12)} ${fmt(r.rps, 0).padStart(5)}  ${fmt(r.ratio, 2).padStart(6)}  ${fmt(r.p95).padStart(7)}  ${fmt(r.paced.p95).padStart(9)}  ${fmt(r.paced.p99).padStart(9)}  ${String(r.paced.serverCpuMsPerRequest ?? 'n/a').padStart(10)}  ${String(r.paced.errors).padStart(6)}  ${r.path}`,
    );
  const word = rows.find((r) => r.name === 'word')!;
  const budget = { ratio: 0.5, pacedP95Ms: 20, met: word.ratio >= 0.5 && word.paced.p95 < 20 && word.paced.errors === 0 };
  console.log(`Budget (q=jacket): ratio ≥ ${budget.ratio}, paced p95 < ${budget.pacedP95Ms} ms: ${budget.met ? 'met' : 'NOT met'}`);
  return { rows, budget };
}
