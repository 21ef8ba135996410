export type Basket = {
  customerId: string | null;
  /** Distinct item ids, in the order they were added. */
  items: string[];
  /** Timestamp (ms) or sequence index; later baskets have larger values. */
  at?: number;
};

export type ItemMeta = {
  id: string;
  name?: string;
  category?: string;
  tags?: string[];
};

type ReasonKind = 'bought-with' | 'because-you-bought' | 'buy-again' | 'similar' | 'trending' | 'popular' | 'recently-viewed';

export type RecommendationReason = { kind: ReasonKind; sourceItemId?: string };

export type Recommendation = {
  itemId: string;
  score: number;
  reason: RecommendationReason;
};

export type PurchaseEvent = { itemId: string; at: number; quantity?: number };

export type ViewEvent = { itemId: string; at: number };

/** Items that must not be shown: ids already in the cart, the viewed product, or anything unavailable. */
export type Exclusion = ReadonlySet<string> | ((itemId: string) => boolean);
