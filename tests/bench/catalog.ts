import { chromium } from '@playwright/test';
import { fmt, getOk, load, pacedLoop, type LoadResult } from './http';
import { chromiumLaunchOptions } from './chromium';

const ROUNDS = 3;

export type CatalogUrls = { static: string; home: string; category: string; product: string; search: string };

// Picks a category and a product page from the sitemap, so the bench follows whatever the seed holds.
export async function discoverUrls(baseUrl: string): Promise<CatalogUrls> {
  const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const category = locs.find((p) => p.startsWith('/c/'));
  const product = locs.find((p) => p.startsWith('/p/'));
  if (!category || !product) throw new Error('sitemap.xml lists no /c/ or /p/ page');
  return { static: '/about', home: '/', category, product, search: '/api/v1/products?q=jacket' };
}

export async function runCatalogBench(baseUrl: string, urls: CatalogUrls) {
  const rows: (LoadResult & { name: string; ratio: number; p99At100: number; kib: number })[] = [];
  for (const url of Object.values(urls)) await load(baseUrl + url, { duration: 2 }); // warm caches
  // Three interleaved rounds, and each page's median round. Measured once each, one after another, the ratios fell in
  // the order the pages were measured (0.71, 0.64, 0.56 in one run), so drift counted as much as the pages did.
  const runs = new Map<string, LoadResult[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, path] of Object.entries(urls)) {
      runs.set(name, [...(runs.get(name) ?? []), await load(baseUrl + path, { connections: 20, duration: 10 })]);
    }
  }
  const median = (name: string) => [...runs.get(name)!].sort((a, b) => a.rps - b.rps)[Math.floor(ROUNDS / 2)]!;
  const staticRun = median('static');
  for (const [name, path] of Object.entries(urls)) {
    const run = median(name);
    // 100 requests per second from 10 clients, evenly spread (autocannon's rate limit sends each second's requests
    // in one burst, and its p99 was that burst's queue: about 30 ms for the static page).
    const paced = await pacedLoop(10, 100, 10_000, () => getOk(baseUrl + path));
    const kib = (await (await fetch(baseUrl + path)).arrayBuffer()).byteLength / 1024;
    rows.push({ ...run, name, ratio: run.rps / staticRun.rps, p99At100: paced.p99, kib });
  }
  console.log(
    `\nCatalog throughput (20 connections, median of ${ROUNDS} interleaved 10 s rounds; ratio = rps / static page rps in this run; KiB = uncompressed body)`,
  );
  console.log('page       rps      ratio  p95(ms)  p99(ms)  p99@100rps(ms)  errors  non2xx    KiB  url');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(10)} ${fmt(r.rps, 0).padStart(6)}  ${fmt(r.ratio, 2).padStart(6)}  ${fmt(r.p95).padStart(7)}  ${fmt(r.p99).padStart(7)}  ${fmt(r.p99At100).padStart(14)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(6)}  ${fmt(r.kib).padStart(5)}  ${r.url.replace(baseUrl, '')}`,
    );
  }
  return rows;
}

// JavaScript transferred (compressed bytes on the wire) on a first, uncached load of a page. "First load" is what
// the page's HTML loads to become interactive (Next's "First Load JS"; the nomodule polyfill is skipped by every
// current browser); "until idle" adds what loads after it, such as the routes Next prefetches for visible links.
export async function measureFirstLoadJs(baseUrl: string, path: string) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  // The budget is in gzip bytes (what next start sends; a proxy in front may send brotli, which is smaller).
  const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'gzip' } });
  const page = await context.newPage();
  const scripts: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script')
      scripts.push(request.sizes().then((s) => ({ url: new URL(request.url()).pathname, bytes: s.responseBodySize })));
  });
  const response = await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  const html = (await response?.text()) ?? '';
  const own = new Set(
    [...html.matchAll(/<script\b(?![^>]*\bnoModule)[^>]*\bsrc="([^"]+)"/gi)].map((m) => new URL(m[1]!, baseUrl).pathname),
  );
  const loaded = await Promise.all(scripts);
  await browser.close();
  const sum = (list: { bytes: number }[]) => list.reduce((a, b) => a + b.bytes, 0);
  const firstLoad = loaded.filter((s) => own.has(s.url));
  const bytes = sum(firstLoad);
  console.log(
    `\nFirst-load JavaScript on ${path}: ${fmt(bytes / 1024)} KiB transferred (gzip) in ${firstLoad.length} files; ` +
      `${fmt(sum(loaded) / 1024)} KiB in ${loaded.length} files until idle (with prefetches and lazy parts)`,
  );
  return bytes;
}
