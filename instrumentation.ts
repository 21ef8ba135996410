// Next calls register() once per server process. The order sweeper runs only in a Node.js server that serves
// requests: not in the edge runtime, not while `next build` prerenders, and not under vitest.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.VITEST) return;
  // Client addresses for per-IP limits come from the socket, or from a proxy TRUSTED_PROXIES names (lib/auth/forwarded.ts).
  const { installForwardedPolicy } = await import('./lib/auth/forwarded');
  installForwardedPolicy();
  const { startOrderSweeper } = await import('./lib/orders/sweeper');
  startOrderSweeper();
  // Messages are sent by the pg-boss workers (lib/jobs), in this process unless MESSAGE_WORKER=off.
  const { startJobs } = await import('./lib/jobs/start');
  startJobs();
}
