import 'server-only';
import { sendMissedConfirmations } from '@/lib/orders/confirmation';
import { releaseExpiredHolds } from '@/lib/inventory/holds';
import { sweepNotCollected } from '@/lib/pickup/no-show';
import { runLoyaltySweep } from '@/lib/loyalty/sweep';

const SWEEP_INTERVAL_MS = 60_000;

export type SweepResult = { cancelledOrderIds: string[]; confirmationsSent: string[]; pickupReminders: string[]; notCollected: string[] };

// One pass: holds whose time ran out go back on the shelf (their orders are cancelled), and confirmed orders whose
// shopper never saw a confirmation page get their e-mail with a new pickup code.
export async function runOrderSweep(now: Date = new Date()): Promise<SweepResult> {
  const { cancelledOrderIds } = await releaseExpiredHolds(now);
  const { sent } = await sendMissedConfirmations(now);
  // Ready pickup orders nobody collected: a reminder, then cancelled with stock returned and payment refunded.
  const { reminded, notCollected } = await sweepNotCollected(now);
  // Loyalty: pending points past the return window become spendable, old points expire (lib/loyalty/sweep.ts).
  await runLoyaltySweep(now);
  return { cancelledOrderIds, confirmationsSent: sent, pickupReminders: reminded, notCollected };
}

// Route bundles and instrumentation load their own copies of this module, so the "already started" mark lives on
// globalThis: one sweeper per process.
const started = Symbol.for('northwind.orderSweeper');
const g = globalThis as unknown as Record<symbol, NodeJS.Timeout | undefined>;

export function startOrderSweeper(intervalMs: number = SWEEP_INTERVAL_MS): void {
  if (g[started]) return;
  let running = false;
  const timer = setInterval(() => {
    // A slow pass (a busy embedded database) is not overlapped by the next one.
    if (running) return;
    running = true;
    runOrderSweep()
      .catch((error: unknown) => console.error('[orders] sweep failed', error))
      .finally(() => (running = false));
  }, intervalMs);
  // The sweeper must never be the reason a process stays alive.
  timer.unref();
  g[started] = timer;
}
