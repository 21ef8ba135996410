import { z } from 'zod';
import { text } from '@/lib/validation/text';

// Query and body schemas shared by the route handlers and /api/v1/openapi.json.
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_VARIANTS = 50;

const idList = z
  .string()
  .trim()
  .min(1, 'List at least one variant id')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(ID, 'Not a valid id')).min(1).max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variant ids`))
  .describe('Comma-separated variant ids');

const quantityList = z
  .string()
  .trim()
  .transform((s) => s.split(',').map((x) => Number(x.trim())))
  .pipe(z.array(z.number().int().min(1).max(999)).min(1).max(MAX_VARIANTS))
  .describe('Comma-separated quantities, one per variant id (default 1 each)');

const coordinate = (min: number, max: number, name: string) =>
  z
    .string()
    .trim()
    .regex(/^[-+]?\d{1,3}(\.\d+)?$/, `${name} must be a number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be between ${min} and ${max}`).max(max, `${name} must be between ${min} and ${max}`));

export const storesQuerySchema = z
  .object({
    lat: coordinate(-90, 90, 'Latitude').optional().describe('Shopper latitude (WGS84)'),
    lng: coordinate(-180, 180, 'Longitude').optional().describe('Shopper longitude (WGS84)'),
    near: text().min(2).max(80).optional().describe('A London postcode (SE1 7PB, SE1) or town (Camden)'),
    variantIds: idList.optional().describe('Include stock per store for these variants (a product or a cart)'),
    quantities: quantityList.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [q.lat === undefined ? 'lat' : 'lng'], message: 'Give both lat and lng' });
    if (q.near !== undefined && q.lat !== undefined)
      ctx.addIssue({ code: 'custom', path: ['near'], message: 'Give either lat and lng, or near, not both' });
    if (q.quantities && (!q.variantIds || q.quantities.length !== q.variantIds.length))
      ctx.addIssue({ code: 'custom', path: ['quantities'], message: 'Give one quantity per variant id' });
  });

export const availabilityQuerySchema = z.object({
  variantIds: idList,
  storeId: z.string().regex(ID, 'Not a valid id').optional().describe('One store; omit for every store'),
});

export const setMyStoreBodySchema = z.object({
  storeId: z.string().regex(ID, 'Not a valid id').nullable().describe('The store to remember, or null to forget it'),
});

const readyBy = z.object({ at: z.string(), daysAhead: z.number(), label: z.string() });
const stockLine = z.object({
  variantId: z.string(),
  quantity: z.number(),
  available: z.number(),
  level: z.enum(['in_stock', 'low_stock', 'out_of_stock']),
  label: z.string(),
});

const storeViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), postcode: z.string() }),
  phone: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  timeZone: z.string(),
  distance: z.object({ km: z.number(), miles: z.number(), label: z.string() }).nullable(),
  hours: z.object({
    openNow: z.boolean(),
    today: z.string(),
    todayIntervals: z.array(z.object({ open: z.string(), close: z.string() })),
    status: z.string(),
    week: z.array(z.object({ day: z.number(), open: z.string(), close: z.string() })),
  }),
  pickup: z.object({
    enabled: z.boolean(),
    leadMinutes: z.number(),
    cutoffMinutes: z.number().describe('Last collection this many minutes before closing; no order is promised later in the day.'),
    readyBy: readyBy.nullable(),
    label: z.string(),
  }),
  stock: z
    .object({
      lines: z.array(stockLine),
      summary: z.object({ availableLines: z.number(), totalLines: z.number(), allAvailable: z.boolean(), label: z.string() }),
    })
    .optional(),
});

export const storesResponseSchema = z.object({
  origin: z.object({ label: z.string(), latitude: z.number(), longitude: z.number() }).nullable(),
  stores: z.array(storeViewSchema),
});

export const myStoreResponseSchema = z.object({ store: storeViewSchema.nullable() });

export const availabilityResponseSchema = z.object({
  variants: z.array(
    z.object({
      variantId: z.string(),
      total: z.number(),
      stores: z.array(z.object({ storeId: z.string(), available: z.number(), level: stockLine.shape.level, label: z.string() })),
    }),
  ),
});
