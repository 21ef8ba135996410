import Link from 'next/link';
import type { LedgerEntryView } from '@/lib/loyalty/account';

// One formatter for every entry: making an Intl.DateTimeFormat costs far more than formatting with it.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const when = (iso: string) => dateFormat.format(new Date(iso));

function describe(e: LedgerEntryView): string {
  switch (e.kind) {
    case 'EARN':
      return e.pendingPoints > 0 ? 'Earned (pending)' : 'Now spendable';
    case 'REDEEM':
      return 'Spent';
    case 'HOLD':
      return 'Held for an order';
    case 'RELEASE':
      return e.note === 'spent' ? 'Hold used' : e.note === 'refund' ? 'Returned (order cancelled)' : 'Hold released';
    case 'REVERSAL':
      return e.shortfall > 0 ? `Taken back (order returned; ${e.shortfall} already spent)` : 'Taken back (order returned)';
    case 'EXPIRE':
      return 'Expired';
    case 'ADJUST':
      return e.note ?? 'Adjustment';
  }
}

// The member's ledger: every movement of their points with date, channel, store and a link to the order.
export function LedgerList({ entries, nextHref }: { entries: LedgerEntryView[]; nextHref: string | null }) {
  if (!entries.length)
    return <p className="text-muted">No points yet. You earn 1 point for every £1 you spend, online and in our stores.</p>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-border" data-testid="points-ledger">
        {entries.map((e) => {
          const shown = e.kind === 'EARN' && e.pendingPoints < 0 ? -e.pendingPoints : e.points;
          return (
            <li key={e.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">{describe(e)}</span>
                <span className="block text-muted">
                  {when(e.createdAt)} · {e.channel === 'IN_STORE' ? `In store${e.storeName ? `, ${e.storeName}` : ''}` : 'Online'}
                  {e.orderId && e.orderNumber && (
                    <>
                      {' · '}
                      <Link href={`/account/orders/${e.orderId}`} className="underline">
                        {e.orderNumber}
                      </Link>
                    </>
                  )}
                </span>
              </span>
              <span className="font-medium tabular-nums">{shown > 0 ? `+${shown}` : shown}</span>
            </li>
          );
        })}
      </ul>
      {nextHref && (
        <Link href={nextHref} className="inline-flex min-h-11 items-center self-start font-medium underline">
          Older entries
        </Link>
      )}
    </div>
  );
}
