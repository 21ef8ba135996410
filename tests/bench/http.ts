import autocannon from 'autocannon';

export type LoadResult = { url: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

// The p-th percentile of some timings (exact, nearest rank).
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number) => Math.round(n * 10) / 10;

// Load one URL flat out with autocannon (each connection sends its next request when the last returns) and record
// every response time, so p95 and p99 are exact. For a steady rate, see pacedLoop below.
export async function load(
  url: string,
  opts: {
    connections?: number;
    duration?: number;
    method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections ?? 10,
        duration: opts.duration ?? 10,
        method: opts.method ?? 'GET',
        headers: { 'accept-encoding': 'gzip', ...(opts.headers ?? {}) },
        ...(opts.body ? { body: opts.body } : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return {
    url,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// One GET, read to the end (as a browser would ask for it: gzip); throws on a non-2xx answer.
export async function getOk(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip', ...headers } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

// Times the steps of a load loop: each step's duration, or an error when it throws; then their percentiles.
export function stepTimer() {
  const times: number[] = [];
  let errors = 0;
  return {
    async time(step: () => Promise<void>) {
      const t = performance.now();
      try {
        await step();
        times.push(performance.now() - t);
      } catch {
        errors++;
      }
    },
    summary() {
      return {
        count: times.length,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        p99: round(percentile(times, 99)),
        errors,
      };
    },
  };
}

// `clients` clients, each sending its next request the moment the last one returns, for `durationMs`.
export async function closedLoop(clients: number, durationMs: number, step: (client: number) => Promise<void>) {
  const timer = stepTimer();
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < end) await timer.time(() => step(c));
    }),
  );
  const result = timer.summary();
  return { ...result, rps: round(result.count / (durationMs / 1000)) };
}

// The same clients, each sending on its own schedule (`rate` requests per second in all, evenly spread) the way
// shoppers tap: latency without the queue a closed loop builds by sending the next request the moment one returns.
export async function pacedLoop(clients: number, rate: number, durationMs: number, step: (client: number) => Promise<void>) {
  const timer = stepTimer();
  const interval = (clients * 1000) / rate;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let due = start + (c * interval) / clients; due < start + durationMs; due += interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await timer.time(() => step(c));
      }
    }),
  );
  return { ...timer.summary(), rate };
}
