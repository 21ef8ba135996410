import type { SortKey } from './types';

// Constants shared with client components (kept apart from filters.ts so zod stays out of the browser bundle).

// The id of a category listing's GET filter form: controls rendered outside it join it with form={LISTING_FORM_ID}.
export const LISTING_FORM_ID = 'listing-filters';

export const SORT_LABELS: Record<Exclude<SortKey, 'relevance'>, string> = {
  featured: 'Featured',
  newest: 'Newest',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
};
