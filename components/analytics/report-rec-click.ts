import type { MouseEvent } from 'react';

// A click on a suggested product's link, reported on its way out: keepalive lets the request outlive the page.
export function reportRecClick(event: MouseEvent<HTMLElement>, shelf: string, items: { productId: string; slug: string }[]) {
  const link = (event.target as HTMLElement).closest('a');
  const slug = link?.getAttribute('href')?.split('/p/')[1];
  const item = slug ? items.find((i) => i.slug === slug) : undefined;
  if (!item) return;
  void fetch('/api/v1/events', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'REC_CLICKED', productId: item.productId, shelf }),
  }).catch((error: unknown) => console.error('[analytics] could not report the click', error));
}
