import 'server-only';
import { getAnonymousId } from '@/lib/auth/anonymous';
import { getSessionUser } from '@/lib/auth/session';
import { readGuestCartId } from '@/lib/cart/request';
import { db } from '@/lib/db';
import { getViewableOrder } from '@/lib/orders/access';
import { OrderError } from '@/lib/orders/errors';
import { ensureItemIndexed, getLiveModel } from './live-model';
import { customerHistory, type RecModel } from './model';
import type {
  RecommendationContext,
  RecommendationItem,
  RecommendationShelf,
  RecommendationsQuery,
  RecommendationsResponse,
} from './schemas';
import { forYou, goesWellWith, PRODUCT_PAGE_COMPLETION, similarItems, trending } from './strategies';
import { addMissingCards, getCatalogSnapshot } from './catalog-snapshot';
import { loadCartProductIds, loadRecentViews, type CardRow, type Viewer } from './store';
import type { Recommendation } from './types';

export { recordPaidOrder } from './live-model';

type RecommendationInput = {
  context: RecommendationContext;
  productId?: string;
  limit: number;
  user?: { id: string } | null;
  anonymousId?: string | null;
  /** The bag's products in the order they were added (cart context). */
  cartProductIds?: string[];
  /** The products of the order just placed (order context). */
  orderProductIds?: string[];
  now?: Date;
};

const TRENDING_DAYS = 30;
const DAY = 86_400_000;

type ShelfSpec = {
  id: RecommendationShelf['id'];
  title: string;
  list: (count: number, exclude: (itemId: string) => boolean) => Recommendation[];
};

/**
 * The shelves for one page. Returns null for context=product with an unknown product. Never lists what is
 * out of stock everywhere, what is in the bag (cart context) or the product on screen.
 */
async function getRecommendations(input: RecommendationInput): Promise<RecommendationsResponse | null> {
  const model = await getLiveModel();
  const { limit } = input;
  const now = (input.now ?? new Date()).getTime();

  if (input.context === 'product') {
    const productId = input.productId ?? '';
    await ensureItemIndexed(productId);
    if (!model.content.tokens.has(productId)) return null;
    const shelves = await sharedShelves(`product:${productId}`, model, limit, new Set([productId]), [
      {
        id: 'goes-well-with',
        title: 'Goes well with',
        list: (n, exclude) => goesWellWith(model, [productId], { limit: n, exclude, params: PRODUCT_PAGE_COMPLETION }),
      },
      { id: 'similar', title: 'Similar', list: (n, exclude) => similarItems(model, productId, { limit: n, exclude }) },
    ]);
    return { context: 'product', personalised: false, shelves };
  }

  if (input.context === 'order') {
    const ordered = input.orderProductIds ?? [];
    const shelves = await sharedShelves(`order:${ordered.join(',')}`, model, limit, new Set(ordered), [
      {
        id: 'goes-well-with',
        title: 'Goes well with your order',
        list: (n, exclude) => goesWellWith(model, ordered, { limit: n, exclude, params: PRODUCT_PAGE_COMPLETION }),
      },
    ]);
    return { context: 'order', personalised: true, shelves };
  }

  if (input.context === 'cart') {
    const cart = input.cartProductIds ?? [];
    const shelves = await sharedShelves(`cart:${cart.join(',')}`, model, limit, new Set(cart), [
      { id: 'complete-your-order', title: 'Complete your order', list: (n, exclude) => goesWellWith(model, cart, { limit: n, exclude }) },
    ]);
    return { context: 'cart', personalised: true, shelves };
  }

  const viewer: Viewer | null = input.user ? { userId: input.user.id } : input.anonymousId ? { anonymousId: input.anonymousId } : null;
  if (input.context === 'viewed') return recentlyViewed(model, viewer, limit, input.productId ?? null, now);
  return personalHome(model, viewer, input.user?.id ?? null, limit, now, input.now === undefined);
}

// A viewer's home shelves, kept for a minute on this server, until the model or stock snapshot changes, or until
// this server records a new view by them (recordViewerActivity). Another server's view shows within the minute.
const PERSONAL_TTL_MS = 60_000;
const PERSONAL_MAX = 10_000;
const personal = new Map<string, { version: string; expires: number; response: RecommendationsResponse }>();

function viewerKey(viewer: Viewer): string {
  return 'userId' in viewer ? `u:${viewer.userId}` : `a:${viewer.anonymousId}`;
}

export function recordViewerActivity(viewer: Viewer): void {
  personal.delete(viewerKey(viewer));
}

async function personalHome(model: RecModel, viewer: Viewer | null, userId: string | null, limit: number, now: number, cacheable: boolean) {
  const snapshot = await getCatalogSnapshot();
  const version = `${model.basketCount}:${snapshot.version}:${limit}`;
  const key = viewer ? viewerKey(viewer) : null;
  const hit = key && cacheable ? personal.get(key) : undefined;
  if (hit && hit.version === version && hit.expires > now) return hit.response;
  const response = await buildPersonalHome(model, viewer, userId, limit, now);
  if (key && cacheable) {
    if (personal.size >= PERSONAL_MAX) personal.delete(personal.keys().next().value!);
    personal.set(key, { version, expires: now + PERSONAL_TTL_MS, response });
  }
  return response;
}

async function buildPersonalHome(
  model: RecModel,
  viewer: Viewer | null,
  userId: string | null,
  limit: number,
  now: number,
): Promise<RecommendationsResponse> {
  const history = userId ? customerHistory(model, userId) : [];
  const views = await loadRecentViews(db, viewer);
  if (history.length === 0 && views.length === 0) {
    const shelves = await sharedShelves('trending', model, limit, new Set(), [
      { id: 'trending', title: 'Trending', list: (n, exclude) => trending(model, { since: now - TRENDING_DAYS * DAY, limit: n, exclude }) },
    ]);
    return { context: 'home', personalised: false, shelves };
  }
  const bought = new Set(history.map((event) => event.itemId));
  const viewed: Recommendation[] = views.map((view) => ({ itemId: view.itemId, score: view.at, reason: { kind: 'recently-viewed' } }));
  const shelves = await fillShelves(model, limit, new Set(), bought, [
    { id: 'recently-viewed', title: 'Recently viewed', list: (n, exclude) => viewed.filter((r) => !exclude(r.itemId)).slice(0, n) },
    { id: 'for-you', title: 'For you', list: (n, exclude) => forYou(model, { history, recentViews: views, limit: n, exclude }) },
  ]);
  // "For you" leads; recently viewed goes second (it is filled first so that the two never repeat an item).
  return { context: 'home', personalised: true, shelves: [...shelves].reverse() };
}

// The viewer's recently viewed products (for a product page: without the one on screen), newest first. One small
// indexed read (loadRecentViews); nothing is computed. A visitor with nothing else viewed gets the shared "Trending"
// shelf in its place rather than an empty one.
async function recentlyViewed(model: RecModel, viewer: Viewer | null, limit: number, onScreen: string | null, now: number) {
  const views = await loadRecentViews(db, viewer);
  const viewed: Recommendation[] = views.map((view) => ({ itemId: view.itemId, score: view.at, reason: { kind: 'recently-viewed' } }));
  const shelves = await fillShelves(model, limit, new Set(onScreen ? [onScreen] : []), new Set(), [
    { id: 'recently-viewed', title: 'Recently viewed', list: (n, exclude) => viewed.filter((r) => !exclude(r.itemId)).slice(0, n) },
  ]);
  if (shelves.length > 0) return { context: 'viewed' as const, personalised: true, shelves };
  const trendingShelves = await sharedShelves('trending', model, limit, new Set(), [
    { id: 'trending', title: 'Trending', list: (n, exclude) => trending(model, { since: now - TRENDING_DAYS * DAY, limit: n, exclude }) },
  ]);
  const others = trendingShelves.map((shelf) => ({ ...shelf, items: shelf.items.filter((item) => item.productId !== onScreen) }));
  return { context: 'viewed' as const, personalised: true, shelves: others.filter((shelf) => shelf.items.length > 0) };
}

// Shelves that depend only on their key (trending, a product, the products of a bag or an order, in their order), the
// same for whoever asks, kept until the model or the stock snapshot changes.
const shared = new Map<string, { version: string; shelves: RecommendationShelf[] }>();
const SHARED_MAX = 5000;

async function sharedShelves(cacheKey: string, model: RecModel, limit: number, excluded: Set<string>, specs: ShelfSpec[]) {
  const snapshot = await getCatalogSnapshot();
  const version = `${model.basketCount}:${snapshot.version}`;
  const key = `${cacheKey}:${limit}`;
  const hit = shared.get(key);
  if (hit?.version === version) return hit.shelves;
  const shelves = await fillShelves(model, limit, excluded, new Set(), specs);
  if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value!);
  shared.set(key, { version, shelves });
  return shelves;
}

/** Runs each shelf's strategy without what is unavailable or already shown, and shapes the items for the app. */
async function fillShelves(
  model: RecModel,
  limit: number,
  excluded: Set<string>,
  bought: Set<string>,
  specs: ShelfSpec[],
): Promise<RecommendationShelf[]> {
  const snapshot = await getCatalogSnapshot();
  const used = new Set<string>();
  const shelves: RecommendationShelf[] = [];
  const exclude = (itemId: string) => excluded.has(itemId) || used.has(itemId) || !snapshot.available.has(itemId);

  for (const spec of specs) {
    const recs = spec.list(limit, exclude);
    await addMissingCards(
      snapshot,
      recs.flatMap((r) => [r.itemId, r.reason.sourceItemId ?? r.itemId]),
    );
    const items: RecommendationItem[] = [];
    for (const rec of recs) {
      const card = snapshot.cards.get(rec.itemId);
      if (card && snapshot.available.has(rec.itemId) && items.length < limit) items.push(toItem(card, rec, snapshot.cards, bought));
    }
    for (const item of items) used.add(item.productId);
    if (items.length > 0) shelves.push({ id: spec.id, title: spec.title, items });
  }
  return shelves;
}

function toItem(card: CardRow, rec: Recommendation, cards: Map<string, CardRow>, bought: Set<string>): RecommendationItem {
  const source = rec.reason.sourceItemId ? cards.get(rec.reason.sourceItemId)?.name : undefined;
  const [strategy, reason]: [RecommendationItem['strategy'], string] = (() => {
    switch (rec.reason.kind) {
      case 'bought-with':
        return ['goes-well-with', source ? `Often bought with ${source}` : 'Often bought together'];
      case 'buy-again':
        return ['for-you', 'Buy again'];
      case 'because-you-bought': {
        const viewedOnly = rec.reason.sourceItemId !== undefined && !bought.has(rec.reason.sourceItemId);
        return ['for-you', source ? `Because you ${viewedOnly ? 'viewed' : 'bought'} ${source}` : 'Picked for you'];
      }
      case 'similar':
        return ['similar', source ? `Similar to ${source}` : 'Similar'];
      case 'trending':
        return ['trending', 'Trending'];
      case 'recently-viewed':
        return ['recently-viewed', 'Recently viewed'];
      default:
        return ['popular', 'Popular'];
    }
  })();
  return {
    productId: card.id,
    slug: card.slug,
    name: card.name,
    priceMinor: card.priceMinor,
    currency: card.currency,
    image: card.imageUrl ? { url: card.imageUrl, alt: card.imageAlt ?? card.name } : null,
    reason,
    strategy,
  };
}

/** The shelves for the current request: the signed-in shopper, else the guest's anonymous id; their bag for context=cart. */
export async function getRecommendationsForRequest(query: RecommendationsQuery): Promise<RecommendationsResponse | null> {
  // The product page's shelves are the same for everyone, so that request reads no cookies.
  const user = query.context === 'product' ? null : await getSessionUser();
  const anonymousId = user || query.context === 'product' ? null : await getAnonymousId();
  let cartProductIds: string[] | undefined;
  if (query.context === 'cart') {
    const guestCartId = user ? null : await readGuestCartId();
    cartProductIds = user
      ? await loadCartProductIds(db, { userId: user.id })
      : guestCartId
        ? await loadCartProductIds(db, { cartId: guestCartId })
        : [];
  }
  let orderProductIds: string[] | undefined;
  if (query.context === 'order') {
    const ordered = await orderedProductIds(query.orderId ?? '');
    if (!ordered) return null;
    orderProductIds = ordered;
  }
  return getRecommendations({
    context: query.context,
    productId: query.productId,
    limit: query.limit,
    user,
    anonymousId,
    cartProductIds,
    orderProductIds,
  });
}

// The order's products, for whoever may see the order (its shopper, the device that placed it, its store's staff).
async function orderedProductIds(orderId: string): Promise<string[] | null> {
  try {
    await getViewableOrder(orderId);
  } catch (error) {
    if (error instanceof OrderError) return null;
    throw error;
  }
  const lines = await db.orderLine.findMany({ where: { orderId }, select: { productId: true }, orderBy: { position: 'asc' } });
  return [...new Set(lines.map((l) => l.productId))];
}
