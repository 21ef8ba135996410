'use client';

import { useEffect, useRef, useState } from 'react';
import { reportRecClick } from '@/components/analytics/report-rec-click';
import { apiGet, apiSend } from '@/lib/api/client';
import type { RecommendationContext, RecommendationShelf, RecommendationsResponse } from '@/lib/recommendations/schemas';
import { RecommendationCard } from './recommendation-card';
import { ShelfScroller } from './shelf-scroller';

type Slot = { title: string };
type Props = {
  context: RecommendationContext;
  productId?: string;
  orderId?: string;
  /** The shelves this page shows, in order, with the title each has while loading (space is reserved for them). */
  slots: Slot[];
  limit?: number;
};

// Loaded once the shelves come near the screen, so the (cached) page and its first paint never wait for
// them; every slot keeps a fixed height, so nothing below moves when they arrive or turn out empty. Rows are not
// clipped: a shelf scrolls and snaps to whole cards (the first card's edge stays on screen), with the price under
// every name.
export function RecommendationShelves({ context, productId, orderId, slots, limit = 8 }: Props) {
  const [shelves, setShelves] = useState<RecommendationShelf[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [near, setNear] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '400px 0px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (context !== 'product' || !productId) return;
    void apiSend('POST', '/api/v1/views', { productId }).then((result) => {
      if (!result.ok) console.error('[recommendations] could not record the view', result.message);
    });
  }, [context, productId]);

  useEffect(() => {
    if (!near) return;
    const controller = new AbortController();
    const params = new URLSearchParams({
      context,
      limit: String(limit),
      ...(productId ? { productId } : {}),
      ...(orderId ? { orderId } : {}),
    });
    void apiGet<RecommendationsResponse>(`/api/v1/recommendations?${params}`, { signal: controller.signal }).then((result) => {
      if (result.ok) return setShelves(result.data.shelves);
      if (result.code === 'aborted') return;
      console.error('[recommendations] could not load shelves', result.status, result.message);
      setFailed(true);
    });
    return () => controller.abort();
  }, [near, context, productId, orderId, limit]);

  return (
    <div ref={ref}>
      {slots.map((slot, index) => {
        const shelf = shelves?.[index];
        const id = `recs-${context}-${index}`;
        return (
          <section key={id} aria-labelledby={id} aria-busy={shelves === null && !failed} className="mt-12 h-[26rem]">
            <h2 id={id} className="mb-4 text-xl font-bold sm:text-2xl">
              {shelf?.title ?? slot.title}
            </h2>
            {shelf ? (
              <ShelfScroller label={shelf.title}>
                <ul
                  className="flex h-[23rem] snap-x snap-mandatory gap-4 overflow-x-auto overscroll-x-contain pb-2"
                  onClick={(e) => reportRecClick(e, shelf.id, shelf.items)}
                >
                  {shelf.items.map((item) => (
                    <li key={item.productId} className="w-40 shrink-0 snap-start sm:w-44">
                      <RecommendationCard item={item} />
                    </li>
                  ))}
                </ul>
              </ShelfScroller>
            ) : shelves !== null || failed ? (
              <p className="text-muted">{failed ? 'Suggestions are unavailable right now.' : 'Nothing to suggest here yet.'}</p>
            ) : (
              <ul aria-hidden="true" className="flex h-[23rem] gap-4 overflow-hidden">
                {Array.from({ length: 5 }, (_, i) => (
                  <li key={i} className="w-40 shrink-0 sm:w-44">
                    <div className="skeleton aspect-[4/5] w-full" />
                    <div className="skeleton mt-2 h-4 w-3/4" />
                    <div className="skeleton mt-2 h-4 w-1/3" />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
