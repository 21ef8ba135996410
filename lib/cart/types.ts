// App-shaped cart objects shared by the API, the client store and the UI. No database types here.
export type Money = { amountMinor: number; currency: string; formatted: string };

type CartLineStatus = 'ok' | 'limited' | 'unavailable';

export type CartLineView = {
  variantId: string;
  productId: string;
  productSlug: string;
  productName: string;
  variantLabel: string | null;
  sku: string;
  imageUrl: string | null;
  imageAlt: string;
  quantity: number;
  // The most that can be bought now (capped at MAX_LINE_QUANTITY); below `quantity` means limited.
  sellable: number;
  status: CartLineStatus;
  unitPrice: Money;
  lineTotal: Money;
};

export type CartView = {
  owner: 'user' | 'guest';
  exists: boolean;
  version: number;
  currency: string;
  lines: CartLineView[];
  itemCount: number;
  subtotal: Money;
  hasUnavailable: boolean;
};

export type CartResponse = { cart: CartView; notice: string | null };

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 50;
