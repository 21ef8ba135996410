// The queue's tabs and page sizes, for the browser as well as the server: kept apart from schemas.ts so the staff
// page's client code does not bundle zod and every schema with it (about 400 KB of script to parse on a phone).
export const QUEUE_TABS = ['to_pick', 'picking', 'ready', 'waiting', 'collected', 'problems'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

// The queue is read a page at a time: a store with hundreds of open orders must not be drawn (or sent) at once. Ten
// cards are several screens on a phone; each card is a form to hydrate, so the first page is what Lighthouse's
// blocking time on /staff grows with.
export const QUEUE_PAGE_SIZE = 10;
export const QUEUE_MAX_LIMIT = 100;
