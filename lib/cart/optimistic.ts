import { money } from './money';
import type { CartLineView, CartView } from './types';

// What the shopper sees while requests are in flight: the server's cart with pending changes laid
// over it. Prices stay the server's unit prices; the server's answer replaces the overlay.
export type PendingChange =
  | { id: number; kind: 'add'; variantId: string; quantity: number }
  | { id: number; kind: 'set'; variantId: string; quantity: number }
  | { id: number; kind: 'remove'; variantId: string };

export type OptimisticCart = CartView & { pendingVariantIds: string[]; unknownAddedUnits: number };

export function applyPending(server: CartView, pending: readonly PendingChange[]): OptimisticCart {
  // Nothing in flight (every page load): the server's cart as it is. Formatting money again would start the
  // browser's Intl number formatter, about 30 ms of a phone's main thread before the page is interactive.
  if (pending.length === 0) return { ...server, pendingVariantIds: [], unknownAddedUnits: 0 };
  let lines: CartLineView[] = server.lines.map((l) => ({ ...l }));
  let unknownAddedUnits = 0;
  for (const change of pending) {
    const line = lines.find((l) => l.variantId === change.variantId);
    if (change.kind === 'remove') lines = lines.filter((l) => l.variantId !== change.variantId);
    else if (!line) {
      // A new line: we do not know its name or price yet, only that the count goes up.
      if (change.kind === 'add') unknownAddedUnits += change.quantity;
    } else {
      line.quantity = change.kind === 'add' ? line.quantity + change.quantity : change.quantity;
      line.lineTotal = money(line.unitPrice.amountMinor * line.quantity, line.unitPrice.currency);
    }
  }
  const payable = lines.filter((l) => l.status !== 'unavailable');
  return {
    ...server,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0) + unknownAddedUnits,
    subtotal: money(
      payable.reduce((n, l) => n + l.lineTotal.amountMinor, 0),
      server.currency,
    ),
    pendingVariantIds: [...new Set(pending.map((p) => p.variantId))],
    unknownAddedUnits,
  };
}

// Responses can arrive out of order; an older version must not overwrite a newer one.
export function isNewer(current: CartView | null, incoming: CartView): boolean {
  if (!current || current.owner !== incoming.owner || !current.exists) return true;
  return incoming.version >= current.version;
}
