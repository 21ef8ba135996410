'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/utils';
import { CounterBasket } from './counter-basket';
import { CounterItems } from './counter-items';
import { CounterMemberLookup } from './counter-member-lookup';
import { CounterPayment } from './counter-payment';
import type { CounterLine, CounterMember, RecordedSale, SaleItem } from './counter-types';
import { useSaleQuote } from './use-sale-quote';

// The counter: a sale at the till, built on a phone. The member's card (optional), the items, points and payment;
// the server prices everything and records the sale in one request.
export function CounterScreen({ storeId, storeName }: { storeId: string; storeName: string }) {
  const [member, setMember] = useState<CounterMember | null>(null);
  const [lines, setLines] = useState<CounterLine[]>([]);
  const [points, setPoints] = useState(0);
  const [sale, setSale] = useState<RecordedSale | null>(null);
  const [round, setRound] = useState(0);
  const { quote, loading, error } = useSaleQuote(storeId, lines, member?.token ?? null, points);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (sale) doneHeading.current?.focus();
  }, [sale]);

  const chooseMember = useCallback((m: CounterMember | null) => {
    setMember(m);
    setPoints(0);
  }, []);

  const add = useCallback((item: SaleItem) => {
    setLines((now) =>
      now.some((l) => l.variantId === item.variantId)
        ? now.map((l) => (l.variantId === item.variantId ? { ...l, quantity: Math.min(99, l.quantity + 1) } : l))
        : [...now, { variantId: item.variantId, quantity: 1, name: item.name, sku: item.sku }],
    );
  }, []);

  const setQuantity = useCallback((variantId: string, quantity: number) => {
    setLines((now) =>
      quantity < 1 ? now.filter((l) => l.variantId !== variantId) : now.map((l) => (l.variantId === variantId ? { ...l, quantity } : l)),
    );
  }, []);

  function startOver() {
    setSale(null);
    setMember(null);
    setLines([]);
    setPoints(0);
    setRound((r) => r + 1);
  }

  if (sale) {
    return (
      <section
        aria-labelledby="counter-done-heading"
        className="flex flex-col gap-3 rounded border-2 border-brand p-4"
        data-testid="counter-done"
      >
        <h2 id="counter-done-heading" ref={doneHeading} tabIndex={-1} className="text-xl font-semibold">
          Sale {sale.number} recorded
        </h2>
        <p role="status">
          Paid {formatMoney(sale.totalMinor, 'GBP')} at {storeName}.
          {sale.pointsRedeemed > 0 &&
            ` ${sale.pointsRedeemed.toLocaleString('en-GB')} points used (${formatMoney(sale.pointsDiscountMinor, 'GBP')} off).`}
          {member ? ` ${sale.pointsEarned.toLocaleString('en-GB')} points earned, pending for the 30-day return window.` : ''}
        </p>
        <Button onClick={startOver}>Start a new sale</Button>
      </section>
    );
  }

  const ready = Boolean(quote) && !loading && !error && quote!.lines.every((l) => l.quantity <= l.onShelf);
  return (
    <div className="flex flex-col gap-4">
      <CounterMemberLookup key={`member-${round}`} storeId={storeId} member={member} onMember={chooseMember} />
      <CounterItems key={`items-${round}`} storeId={storeId} onAdd={add} />
      <CounterBasket lines={lines} quote={quote} loading={loading} error={error} onQuantity={setQuantity} />
      {lines.length > 0 && (
        <CounterPayment
          key={`pay-${round}-${member?.view.memberId ?? 'none'}`}
          storeId={storeId}
          lines={lines}
          member={member}
          quote={quote}
          points={points}
          onPoints={setPoints}
          ready={ready}
          onRecorded={setSale}
        />
      )}
    </div>
  );
}
