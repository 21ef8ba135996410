import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs, chromiumPath } from './chromium';
import { fmt } from './http';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// The phone hides scrollbars (as Puppeteer's and Playwright's headless Chromium do): the overlay scrollbar's fade on
// about:blank can starve the audited page of BeginFrames (viz ThrottleUndrawnFrames) and present its first paint
// a second late. An overlay scrollbar takes no layout space; the desktop's classic one does, so it stays.
function launchFlags(formFactor: 'mobile' | 'desktop') {
  return ['--headless=new', ...chromiumArgs, ...(formFactor === 'mobile' ? ['--hide-scrollbars'] : [])];
}

// A page to audit: a path, or a path with the cookie of a shopper's session (a checkout with a full bag).
export type LighthousePage = string | { path: string; cookie: string };

// Median Lighthouse scores (0–100) and CLS over `runs` runs per page and form factor.
export async function runLighthouse(
  baseUrl: string,
  pages: Record<string, LighthousePage>,
  runs = 5,
  formFactors: readonly ('mobile' | 'desktop')[] = ['mobile', 'desktop'],
) {
  const table: { page: string; formFactor: string; scores: Record<string, number>; cls: number }[] = [];
  for (const formFactor of formFactors) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: launchFlags(formFactor) });
    try {
      for (const [name, page] of Object.entries(pages)) {
        const { path, cookie } = typeof page === 'string' ? { path: page, cookie: undefined } : page;
        const perRun: Record<string, number[]> = Object.fromEntries([...categories, 'cls'].map((c) => [c, []]));
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(
            baseUrl + path,
            {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: [...categories],
              ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
            },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          const lhr = result?.lhr;
          if (!lhr) throw new Error(`lighthouse returned nothing for ${path}`);
          for (const c of categories) perRun[c]!.push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
          perRun.cls!.push(Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN));
        }
        table.push({
          page: name,
          formFactor,
          scores: Object.fromEntries(categories.map((c) => [c, median(perRun[c]!)])),
          cls: median(perRun.cls!),
        });
      }
    } finally {
      await chrome.kill();
    }
  }
  console.log(`\nLighthouse (median of ${runs} runs)`);
  console.log('page       form     perf  a11y  best  seo   CLS');
  for (const r of table) {
    const s = r.scores;
    console.log(
      `${r.page.padEnd(10)} ${r.formFactor.padEnd(8)} ${String(s.performance).padStart(4)}  ${String(s.accessibility).padStart(4)}  ${String(s['best-practices']).padStart(4)}  ${String(s.seo).padStart(4)}  ${fmt(r.cls, 3)}`,
    );
  }
  return table;
}
