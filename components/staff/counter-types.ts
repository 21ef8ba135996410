// The shapes the counter page reads from the staff API: the server's own types (type-only, so nothing of lib reaches
// the browser), plus what the page keeps while a sale is built.
import type { MemberAtCounter } from '@/lib/loyalty/counter';

export type { MemberAtCounter as CounterMemberView } from '@/lib/loyalty/counter';
export type { InStoreSale as RecordedSale } from '@/lib/loyalty/sale';
export type { SaleItem, SaleQuote } from '@/lib/loyalty/sale-pricing';

// The member attached to the sale: what the lookup answered, and the card text it was found by (the sale sends it
// again, and the server checks it again).
export type CounterMember = { token: string; view: MemberAtCounter };

export type CounterLine = { variantId: string; quantity: number; name: string; sku: string };

export const newAttemptKey = (prefix: string) => `${prefix}_${crypto.getRandomValues(new Uint32Array(3)).join('')}`;
