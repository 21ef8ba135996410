import { z } from 'zod';
import { rowId } from '@/lib/validation/text';

// The recommendations API's input and output, shared by the route handlers, the OpenAPI document and the shelves.

const CONTEXTS = ['home', 'product', 'cart', 'order', 'viewed'] as const;
const DEFAULT_LIMIT = 8;
const MAX_LIMIT = 24;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const productId = rowId('productId is not valid.');
const orderId = rowId('orderId is not valid.');

export const recommendationsQuerySchema = z
  .object({
    context: z.preprocess(blankToUndefined, z.enum(CONTEXTS, 'context must be home, product, cart, order or viewed.').default('home')),
    productId: z.preprocess(blankToUndefined, productId.optional()),
    orderId: z.preprocess(blankToUndefined, orderId.optional()),
    limit: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d+$/, `limit must be a whole number from 1 to ${MAX_LIMIT}.`)
        .transform(Number)
        .pipe(z.number().int().min(1, `limit must be from 1 to ${MAX_LIMIT}.`).max(MAX_LIMIT, `limit must be from 1 to ${MAX_LIMIT}.`))
        .default(DEFAULT_LIMIT),
    ),
  })
  .refine((q) => q.context !== 'product' || q.productId !== undefined, {
    path: ['productId'],
    message: 'productId is required for context=product.',
  })
  .refine((q) => q.context !== 'order' || q.orderId !== undefined, {
    path: ['orderId'],
    message: 'orderId is required for context=order.',
  });

export type RecommendationsQuery = z.output<typeof recommendationsQuerySchema>;

export const recordViewSchema = z.object({ productId });

const STRATEGIES = ['for-you', 'goes-well-with', 'similar', 'trending', 'popular', 'recently-viewed'] as const;
const SHELVES = ['for-you', 'trending', 'recently-viewed', 'goes-well-with', 'similar', 'complete-your-order'] as const;

const recommendationItemSchema = z.object({
  productId: z.string(),
  slug: z.string(),
  name: z.string(),
  priceMinor: z.number().int().describe('Lowest variant price in minor units (pence).'),
  currency: z.string().length(3),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(),
  reason: z
    .string()
    .describe(
      'Why it is shown: "Because you bought …", "Buy again", "Often bought with …", "Similar to …", "Trending", "Popular" or "Recently viewed".',
    ),
  strategy: z.enum(STRATEGIES),
});

const recommendationShelfSchema = z.object({
  id: z.enum(SHELVES),
  title: z.string(),
  items: z.array(recommendationItemSchema),
});

export const recommendationsResponseSchema = z.object({
  context: z.enum(CONTEXTS),
  personalised: z.boolean().describe('True when the lists depend on the shopper (history, views or bag); such responses are never cached.'),
  shelves: z.array(recommendationShelfSchema),
});

export type RecommendationItem = z.infer<typeof recommendationItemSchema>;
export type RecommendationShelf = z.infer<typeof recommendationShelfSchema>;
export type RecommendationsResponse = z.infer<typeof recommendationsResponseSchema>;
export type RecommendationContext = (typeof CONTEXTS)[number];
