import { substitutionLines } from '@/lib/pickup/substitution-view';
import { formatMoney } from '@/lib/utils';
import { SubstitutionAnswer } from './substitution-answer';

const timeIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

// The store can't find something: each open question (accept the substitute, or drop the line) and how the answered
// ones ended, on the shopper's order page on any device that may see the order.
export async function SubstitutionPrompt({ orderId, currency }: { orderId: string; currency: string }) {
  const lines = await substitutionLines(orderId);
  if (!lines.length) return null;
  const open = lines.filter((l) => l.status === 'PROPOSED');
  return (
    <section
      aria-labelledby="substitutions-heading"
      data-testid="substitutions"
      className="flex flex-col gap-3 rounded border border-border p-4"
    >
      <h2 id="substitutions-heading" className="text-lg font-semibold">
        {open.length ? 'The store can’t find an item' : 'Changes to your order'}
      </h2>
      <ul className="flex flex-col gap-4">
        {lines.map((l) => (
          <li key={l.lineId} data-testid="substitution" className="flex flex-col gap-2">
            <p>
              <strong>
                {l.original.quantity} × {l.original.name}
              </strong>{' '}
              (SKU {l.original.sku})
            </p>
            {l.status === 'PROPOSED' && (
              <>
                <p>
                  {l.substitute && l.acceptPriceMinor !== null
                    ? `We can give you ${l.substitute.name} instead, at ${formatMoney(l.acceptPriceMinor, currency)} each${l.acceptPriceMinor < l.original.unitPriceMinor ? ` (instead of ${formatMoney(l.original.unitPriceMinor, currency)})` : ''}.`
                    : 'We can’t find it and have nothing like it, so it will be removed from your order.'}
                  {l.answerBy && ` Please answer by ${timeIn(l.answerBy, 'Europe/London')}, or we remove it.`}
                </p>
                <SubstitutionAnswer orderId={orderId} lineId={l.lineId} canAccept={Boolean(l.substitute)} itemName={l.original.name} />
              </>
            )}
            {l.status === 'ACCEPTED' && l.substitute && (
              <p role="status">
                You accepted {l.substitute.name} instead.
                {l.refundMinor ? ` We refunded ${formatMoney(l.refundMinor, currency)}.` : ''}
              </p>
            )}
            {(l.status === 'DECLINED' || l.status === 'EXPIRED') && (
              <p role="status">
                Removed from your order{l.status === 'EXPIRED' ? ' (no answer in time)' : ''}.
                {l.refundMinor ? ` We refunded ${formatMoney(l.refundMinor, currency)}.` : ''}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
