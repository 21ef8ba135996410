import type { Operation } from '@/lib/api/openapi';
import {
  availabilityQuerySchema,
  availabilityResponseSchema,
  myStoreResponseSchema,
  setMyStoreBodySchema,
  storesQuerySchema,
  storesResponseSchema,
} from './schemas';

export const storeOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/stores',
    summary:
      "Stores sorted by distance from lat/lng or from a London postcode or town (near), with address, today's hours, open now, ready-by and, with variantIds, stock per store",
    query: storesQuerySchema,
    responses: {
      200: { description: 'Stores, nearest first (alphabetical when no location is given)', schema: storesResponseSchema },
      400: { description: 'Malformed or out-of-range query (e.g. lat outside -90..90)' },
      404: { description: 'Unknown place (place_not_found) or variant id (variant_not_found)' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/availability',
    summary: 'Units free to sell (onHand − reserved) per variant, at one store or at every store; never cached',
    query: availabilityQuerySchema,
    responses: {
      200: { description: 'Availability per variant and store', schema: availabilityResponseSchema },
      400: { description: 'Malformed ids or too many variants' },
      404: { description: 'Unknown variant (variant_not_found) or store (store_not_found)' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/stores/mine',
    summary: "The shopper's chosen store: the account preference when signed in, else the nw_store cookie",
    responses: { 200: { description: 'The store, or null when none is chosen', schema: myStoreResponseSchema } },
  },
  {
    method: 'put',
    path: '/api/v1/stores/mine',
    summary: "Remember the shopper's store (cookie, and the account preference when signed in); null forgets it",
    body: setMyStoreBodySchema,
    responses: {
      200: { description: 'The store now remembered', schema: myStoreResponseSchema },
      400: { description: 'Malformed body' },
      404: { description: 'Unknown store (store_not_found)' },
      422: { description: 'The store has pickup switched off (pickup_unavailable)' },
    },
  },
];
