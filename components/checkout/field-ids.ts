export type FieldErrors = Record<string, string | undefined>;

// The input that shows the server's message for a field path (the checkout body's path, e.g. shippingAddress.postcode),
// so the first bad field can take focus.
export function fieldId(path: string): string {
  if (path.startsWith('shippingAddress.')) return `shipping-${path.slice('shippingAddress.'.length)}`;
  return path === 'pickupLocationId' ? 'pickup-store' : `checkout-${path}`;
}
