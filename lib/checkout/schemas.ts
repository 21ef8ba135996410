import { z } from 'zod';
import { checkoutConsentSchema } from '@/lib/messaging/schemas';
import { text } from '@/lib/validation/text';
import { ukPostcode } from '@/lib/validation/uk-postcode-schema';

// The checkout form's and POST /api/v1/checkout's body. Lines come from the shopper's cart on the server and
// prices from the database, so the body has no place for either (unknown keys are dropped).
const shippingAddressSchema = z.object({
  name: text().min(1, 'Enter the name for delivery').max(120),
  line1: text().min(1, 'Enter the first line of the address').max(200),
  line2: text().max(200).nullish(),
  city: text().min(1, 'Enter a town or city').max(100),
  postcode: ukPostcode(),
  country: text()
    .length(2)
    .transform((c) => c.toUpperCase())
    .default('GB'),
  phone: text().max(30).nullish(),
});

const common = {
  email: text().toLowerCase().max(254).pipe(z.email('Enter an e-mail address such as name@example.com')),
  discountCode: text().max(40).nullish(),
  payment: z.enum(['online', 'pay_at_pickup']).default('online'),
  // Loyalty points to use: the server checks them against the balance and the programme's 50 % cap.
  points: z.number().int().min(0).max(10_000_000).multipleOf(100, 'Points are used in steps of 100').optional(),
  // The unticked-by-default boxes: SMS pickup updates (with a mobile number) and offers by e-mail.
  consent: checkoutConsentSchema.optional(),
};

export const checkoutBodySchema = z.discriminatedUnion('fulfilment', [
  z.object({ ...common, fulfilment: z.literal('PICKUP'), pickupLocationId: text().min(1, 'Choose a store').max(64) }),
  z.object({ ...common, fulfilment: z.literal('DELIVERY'), shippingAddress: shippingAddressSchema }).refine((b) => b.payment === 'online', {
    message: 'Pay at pickup is only for orders collected in a store.',
    path: ['payment'],
  }),
]);

export type CheckoutBody = z.infer<typeof checkoutBodySchema>;

export const demoPaymentBodySchema = z.object({
  orderId: text().min(1).max(64),
  outcome: z.enum(['succeed', 'decline', 'requires_action']),
});

// POST /api/v1/checkout/quote: the totals the checkout page shows before the order is placed, for the lines it
// shows. Prices come from the database; the e-mail only decides whether a code's "first order" or per-customer
// limit allows it (an address that is not one yet is left out, as before it is typed).
export const quoteBodySchema = z.object({
  lines: z.array(z.object({ variantId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(999) })).max(100),
  fulfilment: z.enum(['PICKUP', 'DELIVERY']).default('PICKUP'),
  country: z
    .string()
    .trim()
    .length(2)
    .transform((c) => c.toUpperCase())
    .default('GB'),
  discountCode: text().max(40).nullish(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullish().catch(null),
  // Points the signed-in shopper wants to use; a guest's are ignored.
  points: z.number().int().min(0).max(10_000_000).optional(),
});
