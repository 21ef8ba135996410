import autocannon from 'autocannon';

export type LoadResult = { url: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// Load one URL with autocannon and record every response time, so p95 and p99 are exact.
export async function load(
  url: string,
  opts: { connections?: number; duration?: number; overallRate?: number; method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; headers?: Record<string, string>; body?: string } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections ?? 10,
        duration: opts.duration ?? 10,
        ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
        method: opts.method ?? 'GET',
        headers: { 'accept-encoding': 'gzip', ...(opts.headers ?? {}) },
        ...(opts.body ? { body: opts.body } : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
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

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
