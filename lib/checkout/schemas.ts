import { z } from 'zod';

// The checkout form's and POST /api/v1/checkout's body. Lines come from the shopper's cart on the server and
// prices from the database, so the body has no place for either (unknown keys are dropped).
export const shippingAddressSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name for delivery').max(120),
  line1: z.string().trim().min(1, 'Enter the first line of the address').max(200),
  line2: z.string().trim().max(200).nullish(),
  city: z.string().trim().min(1, 'Enter a town or city').max(100),
  postcode: z.string().trim().min(2, 'Enter a postcode').max(12).transform((p) => p.toUpperCase()),
  country: z.string().trim().length(2).transform((c) => c.toUpperCase()).default('GB'),
  phone: z.string().trim().max(30).nullish(),
});

const common = {
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an e-mail address such as name@example.com')),
  discountCode: z.string().trim().max(40).nullish(),
  payment: z.enum(['online', 'pay_at_pickup']).default('online'),
};

export const checkoutBodySchema = z.discriminatedUnion('fulfilment', [
  z.object({ ...common, fulfilment: z.literal('PICKUP'), pickupLocationId: z.string().min(1, 'Choose a store') }),
  z.object({ ...common, fulfilment: z.literal('DELIVERY'), shippingAddress: shippingAddressSchema }).refine((b) => b.payment === 'online', {
    message: 'Pay at pickup is only for orders collected in a store.',
    path: ['payment'],
  }),
]);

export type CheckoutBody = z.infer<typeof checkoutBodySchema>;

export const demoPaymentBodySchema = z.object({
  orderId: z.string().min(1).max(64),
  outcome: z.enum(['succeed', 'decline', 'requires_action']),
});
