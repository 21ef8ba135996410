import 'server-only';
import { forbidden } from '@/lib/auth/errors';
import { canActForStore, requireRole, requireStaffOf } from '@/lib/auth/guard';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { pickupNotFound } from './errors';

export type StaffStore = { id: string; name: string; code: string; timeZone: string };

const storeSelect = { id: true, name: true, code: true, timeZone: true } as const;

// Whether the database (not the session token) still says this user acts for this store: an associate removed from
// a store, or demoted, loses access on their next request.
async function assignedNow(user: SessionUser, storeId: string): Promise<boolean> {
  const row = await db.user.findFirst({
    where: { id: user.id, OR: [{ role: 'ADMIN' }, { role: 'STAFF', staffStores: { some: { locationId: storeId } } }] },
    select: { id: true },
  });
  return row !== null;
}

// For routes named by store: the session must say so (requireStaffOf: 401 signed out, 403 a customer or another
// store's associate) and so must the database.
export async function requireStoreStaff(storeId: string): Promise<SessionUser> {
  const user = await requireStaffOf(storeId);
  if (!(await assignedNow(user, storeId))) throw forbidden();
  return user;
}

// For routes named by order: staff only (401/403), then the order must be a pickup at one of their stores, by the
// session and by the database; anything else is a 404, so ids of other stores' orders cannot be probed.
export async function requireStaffOfOrder(orderId: string): Promise<{ user: SessionUser; storeId: string }> {
  const user = await requireRole('STAFF', 'ADMIN');
  const order = await db.order.findUnique({ where: { id: orderId }, select: { fulfilment: true, pickupLocationId: true } });
  const storeId = order?.fulfilment === 'PICKUP' ? order.pickupLocationId : null;
  if (!storeId || !canActForStore(user, storeId) || !(await assignedNow(user, storeId))) throw pickupNotFound();
  return { user, storeId };
}

// The stores the /staff page offers: an admin's are all stores, an associate's those the database assigns them.
export async function staffStores(user: SessionUser): Promise<StaffStore[]> {
  if (user.role === 'ADMIN') {
    const admin = await db.user.findFirst({ where: { id: user.id, role: 'ADMIN' }, select: { id: true } });
    if (admin) return db.location.findMany({ where: { type: 'STORE' }, select: storeSelect, orderBy: { name: 'asc' } });
  }
  if (user.role === 'CUSTOMER') return [];
  const rows = await db.staffAssignment.findMany({
    where: { userId: user.id, user: { role: 'STAFF' }, location: { type: 'STORE' } },
    select: { location: { select: storeSelect } },
    orderBy: { location: { name: 'asc' } },
  });
  // The session's list bounds the database's: a store added since sign-in waits for the next sign-in, as requireStaffOf does.
  return rows.map((r) => r.location).filter((s) => user.storeIds.includes(s.id));
}
