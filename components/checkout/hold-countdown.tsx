'use client';

import { useEffect, useEffectEvent, useState } from 'react';

function remaining(expiresAt: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// How long the items stay held while payment is pending. Announces itself only once a minute is left, so a
// screen reader is not interrupted every second.
export function HoldCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  const expire = useEffectEvent(onExpired);

  useEffect(() => {
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= end) {
        clearInterval(timer);
        expire();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [end]);

  const lastMinute = end - now <= 60_000;
  return (
    <p className="rounded bg-brand-soft px-3 py-2 text-sm" data-testid="hold-countdown">
      We are holding your items for{' '}
      <span role="timer" aria-live={lastMinute ? 'polite' : 'off'} className="font-semibold tabular-nums">
        {remaining(end, now)}
      </span>{' '}
      {lastMinute ? '— less than a minute left to pay.' : 'while you pay.'}
    </p>
  );
}
