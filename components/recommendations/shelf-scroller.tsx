'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

function Arrow({ direction }: { direction: 'previous' | 'next' }) {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d={direction === 'previous' ? 'm15 6-6 6 6 6' : 'm9 6 6 6-6 6'} />
    </svg>
  );
}

// A shelf's row with Previous and Next buttons for mouse and trackpad users (shown only where the main pointer is
// fine: touch scrolls the row directly). Each press moves about a screenful of whole cards; the row snaps to cards.
export function ShelfScroller({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ends, setEnds] = useState({ start: true, end: false });

  useEffect(() => {
    const list = ref.current?.querySelector('ul');
    if (!list) return;
    const measure = () => setEnds({ start: list.scrollLeft <= 1, end: list.scrollLeft + list.clientWidth >= list.scrollWidth - 1 });
    const frame = requestAnimationFrame(measure);
    list.addEventListener('scroll', measure, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      list.removeEventListener('scroll', measure);
    };
  }, []);

  const move = (sign: 1 | -1) => {
    const list = ref.current?.querySelector('ul');
    if (list) list.scrollBy({ left: sign * list.clientWidth * 0.8, behavior: 'smooth' });
  };
  const button =
    'absolute top-24 z-10 hidden size-11 items-center justify-center rounded-pill border border-border bg-surface shadow pointer-fine:flex disabled:invisible';
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-label={`Previous: ${label}`}
        disabled={ends.start}
        onClick={() => move(-1)}
        className={`${button} -left-3`}
      >
        <Arrow direction="previous" />
      </button>
      {children}
      <button type="button" aria-label={`Next: ${label}`} disabled={ends.end} onClick={() => move(1)} className={`${button} -right-3`}>
        <Arrow direction="next" />
      </button>
    </div>
  );
}
