import type { PlacedOrder, PlaceOrderInput } from '@/lib/checkout/place-order';

// An order placed as checkout places it (lib/checkout/place-order.ts), at `at` (now by default), then moved on as
// the shop would when asked: 'paid' (the online payment went through) or 'confirmed' (pay at pickup, confirmed).
export async function placeTestOrder(
  input: PlaceOrderInput,
  { then, at }: { then?: 'paid' | 'confirmed'; at?: Date } = {},
): Promise<PlacedOrder> {
  const { placeOrder } = await import('@/lib/checkout/place-order');
  const { markPaid, confirmPayAtPickup } = await import('@/lib/orders/transitions');
  const placed = await placeOrder(input, at);
  if (then === 'paid') await markPaid(placed.order.id, at);
  if (then === 'confirmed') await confirmPayAtPickup(placed.order.id, at);
  return placed;
}

// Payments as the embedded default has them, whatever this machine's environment says: no Stripe keys, the demo
// payment sheet for online payment. `over` sets any other setting the test file needs.
export async function demoPaymentsOnly(over: Record<string, unknown> = {}): Promise<void> {
  const { env } = await import('@/lib/env');
  Object.assign(env, {
    STRIPE_SECRET_KEY: undefined,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: undefined,
    stripeEnabled: false,
    demoMode: true,
    ...over,
  });
}
