import type { Operation } from '../api/openapi';
import { recommendationsQuerySchema, recommendationsResponseSchema, recordViewSchema } from './schemas';

// The recommendations part of /api/v1/openapi.json, built from the schemas the handlers validate with.
export const recommendationOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/recommendations',
    summary:
      'Recommendation shelves for a page: home ("For you" and "Recently viewed" for a known shopper or guest, else "Trending"), ' +
      'product ("Goes well with": other categories bought with it; "Similar": alternatives, its own category first), cart ("Complete your order"), ' +
      'order ("Goes well with your order", for the order\'s shopper only) or viewed ("Recently viewed" for the visitor, without productId if given). ' +
      '"For you" offers a product the shopper bought again only where the shop\'s orders show people buy it again. ' +
      'Each item says which strategy chose it and why.',
    query: recommendationsQuerySchema,
    responses: {
      200: { description: 'The shelves, best first. Only products in stock somewhere are listed.', schema: recommendationsResponseSchema },
      400: { description: 'Unknown context, bad limit, context=product without productId or context=order without orderId.' },
      404: { description: 'No product has that productId, or no order with that orderId is yours to see.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/views',
    summary: 'Record that the visitor viewed a product (signed in: by account; guest: by an anonymous cookie it sets).',
    body: recordViewSchema,
    responses: {
      204: { description: 'Recorded.' },
      400: { description: 'The body is not { productId }.' },
      404: { description: 'No product has that productId.' },
    },
  },
];
