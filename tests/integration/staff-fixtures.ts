import { encode } from 'next-auth/jwt';
import type { Db } from '@/lib/db/client';
import { Jar } from './cart-fixtures';

// Staff and shoppers signed in as the app signs them in: a Session row named by the token's `sid`, and the
// stores the token lists (the database's assignments are checked too, on every staff request).
export async function signIn(db: Db, user: { id: string; email: string }, role: 'CUSTOMER' | 'STAFF' | 'ADMIN', storeIds: string[] = []) {
  const { startSession } = await import('@/lib/auth/sessions');
  const sid = await startSession(user.id);
  const salt = 'authjs.session-token';
  const { authSecret } = await import('@/lib/auth/secret');
  const secret = authSecret();
  const jar = new Jar();
  jar.set(salt, await encode({ salt, secret, token: { sub: user.id, email: user.email, name: null, role, storeIds, sid } }));
  return jar;
}

export async function insertStaff(db: Db, email: string, role: 'STAFF' | 'ADMIN', storeIds: string[]) {
  const user = await db.user.create({ data: { email, name: email.split('@')[0], role }, select: { id: true, email: true } });
  if (role === 'STAFF') await db.staffAssignment.createMany({ data: storeIds.map((locationId) => ({ userId: user.id, locationId })) });
  return user;
}
