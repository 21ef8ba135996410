import type { LoyaltySummary } from '@/lib/loyalty/account';
import { formatMoney } from '@/lib/utils';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = (iso: string) => dayFormat.format(new Date(iso));
const n = (points: number) => points.toLocaleString('en-GB');

// The member's points at a glance: what they can spend and what it is worth, what is pending and when it becomes
// spendable, their tier and what is left to the next, and what expires next.
export function RewardsSummary({ summary }: { summary: LoyaltySummary }) {
  const { tier, nextTier } = summary;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded border border-border p-3">
          <dt className="text-sm text-muted">Points to spend</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="points-balance">
            {n(summary.balance)}
          </dd>
          <dd className="text-sm text-muted">worth {formatMoney(summary.balanceValueMinor, 'GBP')}</dd>
        </div>
        <div className="rounded border border-border p-3">
          <dt className="text-sm text-muted">Pending</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="points-pending">
            {n(summary.pending)}
          </dd>
          <dd className="text-sm text-muted">spendable after the 30-day return window</dd>
        </div>
      </dl>
      {summary.pendingBatches.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Pending points">
          {summary.pendingBatches.map((b) => (
            <li key={`${b.availableAt}-${b.points}`}>
              {n(b.points)} points spendable from {day(b.availableAt)}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-col gap-1">
        <p>
          Your tier: <strong data-testid="points-tier">{tier.name}</strong> (×{tier.multiplierPercent / 100} points per £1)
        </p>
        <p className="text-sm text-muted">
          {nextTier
            ? `Spend ${formatMoney(nextTier.remainingMinor, 'GBP')} more in 12 months to reach ${nextTier.name}.`
            : 'You are in our top tier.'}{' '}
          Your spend over the last 12 months: {formatMoney(summary.spendMinor, 'GBP')}.
        </p>
      </div>
      <p className="text-sm">
        {summary.nextExpiry
          ? `${n(summary.nextExpiry.points)} points expire on ${day(new Date(new Date(summary.nextExpiry.expiresAt).getTime() - 1).toISOString())}.`
          : 'None of your points expire in the next year.'}
      </p>
    </div>
  );
}
