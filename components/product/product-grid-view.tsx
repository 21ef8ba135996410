'use client';

import { ProductCard, type GridCard } from './product-card';

// Two columns on phones, up to four on wide screens. The first row's images load first. A client component only so
// cached pages carry the cards as data: rendered on the server, a category page grew by about 10 KB and was served
// at half the requests per second. It has no state or effects.
export function ProductGridView({ cards, eager = 0 }: { cards: GridCard[]; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4">
      {cards.map((card, i) => (
        <li key={card.slug}>
          <ProductCard product={card} priority={i < eager} />
        </li>
      ))}
    </ul>
  );
}
