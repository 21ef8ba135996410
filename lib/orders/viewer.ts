import 'server-only';
import { getSessionUser } from '@/lib/auth/session';
import type { OrderViewer } from './access';
import { readReceipts } from './receipts';

// Who is asking, for canViewOrder: the signed-in user (if any) and the orders this device holds receipts for.
export async function currentOrderViewer(): Promise<OrderViewer> {
  const [user, receipts] = await Promise.all([getSessionUser(), readReceipts()]);
  return { user, receiptOrderIds: receipts.map((r) => r.id) };
}
