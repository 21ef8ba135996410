'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// Messages arrive from the job queue's worker a moment after their cause: the outbox re-reads itself every 2 s
// while the tab is visible, so a developer (or a test) watching it sees them land.
export function LiveRefresh({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
