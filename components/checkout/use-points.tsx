'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/utils';

const STEP = 100;

// "Use points" at checkout (signed-in shoppers): the balance and what it is worth, and how many to use, in steps of
// 100 (= £1). The figures come from the server's quote, which also says how many this order may take (half the goods,
// no more than the balance); the order is priced again, and the points held, when it is placed.
export function UsePoints({
  points,
  pointsError,
  currency,
  value,
  onChange,
}: {
  points: { balance: number; maxPoints: number };
  pointsError: { message: string } | null;
  currency: string;
  value: number;
  onChange: (points: number) => void;
}) {
  const id = useId();
  const worth = (p: number) => formatMoney(Math.floor(p / STEP) * STEP, currency);
  const { balance, maxPoints } = points;
  const error = value > 0 && pointsError ? pointsError.message : null;
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-border p-3" data-testid="use-points">
      <legend className="px-1 font-semibold">Use points</legend>
      <p className="text-sm">
        You have <strong className="tabular-nums">{balance.toLocaleString('en-GB')}</strong> points to spend, worth{' '}
        <strong className="tabular-nums">{worth(balance)}</strong>.
      </p>
      {maxPoints === 0 ? (
        <p className="text-sm text-muted">Points are used in steps of 100 (£1), for up to half of the items.</p>
      ) : (
        <>
          <label htmlFor={`${id}-points`} className="text-sm font-medium">
            Points to use (up to {maxPoints.toLocaleString('en-GB')} on this order)
          </label>
          <div className="flex gap-2">
            <input
              id={`${id}-points`}
              name="points"
              type="number"
              inputMode="numeric"
              min={0}
              max={maxPoints}
              step={STEP}
              value={value || ''}
              placeholder="0"
              onChange={(e) => onChange(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-worth`}
              className="min-h-11 w-32 rounded border border-border bg-surface px-3 text-base tabular-nums"
            />
            <Button variant="secondary" onClick={() => onChange(maxPoints)}>
              Use {maxPoints.toLocaleString('en-GB')}
            </Button>
            {value > 0 && (
              <Button variant="ghost" onClick={() => onChange(0)}>
                Clear
              </Button>
            )}
          </div>
          {error ? (
            <p id={`${id}-error`} className="text-sm text-danger">
              {error}
            </p>
          ) : (
            <p id={`${id}-worth`} className="text-sm text-muted" aria-live="polite">
              {value > 0 ? `${value.toLocaleString('en-GB')} points take ${worth(value)} off your order.` : 'Steps of 100 points = £1.'}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
