import 'server-only';
import { ensureAnonymousId } from '@/lib/auth/anonymous';
import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { recordViewerActivity } from './service';
import { insertView, type Viewer } from './store';

export type RecordViewResult = 'recorded' | 'unknown-product';

/**
 * Remembers that the current visitor looked at a product, for "Recently viewed" and "For you": by user
 * when signed in, else by the anonymous id (set now if the visitor has none). Route handlers only (sets a cookie).
 */
export async function recordProductView(productId: string): Promise<RecordViewResult> {
  const product = await db.product.findUnique({ where: { id: productId }, select: { id: true } });
  if (!product) return 'unknown-product';
  const user = await getSessionUser();
  const viewer: Viewer = user ? { userId: user.id } : { anonymousId: await ensureAnonymousId() };
  await insertView(db, viewer, productId);
  recordViewerActivity(viewer);
  return 'recorded';
}
