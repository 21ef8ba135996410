import 'server-only';
import { forbidden, unauthenticated } from './errors';
import { getSessionUser, type SessionUser } from './session';

async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  return user;
}

export async function requireRole(...roles: SessionUser['role'][]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

// Staff act only for the stores they are assigned to; admins act for every store.
export async function requireStaffOf(storeId: string): Promise<SessionUser> {
  const user = await requireRole('STAFF', 'ADMIN');
  if (user.role !== 'ADMIN' && !user.storeIds.includes(storeId)) throw forbidden();
  return user;
}

export function canActForStore(user: SessionUser, storeId: string): boolean {
  return user.role === 'ADMIN' || (user.role === 'STAFF' && user.storeIds.includes(storeId));
}
