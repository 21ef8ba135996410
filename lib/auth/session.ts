import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { authSecret } from './secret';

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: 'CUSTOMER' | 'STAFF' | 'ADMIN';
  storeIds: string[];
};

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

// Reads the Auth.js session cookie directly: decrypting the JWT is all a session check needs,
// and it avoids running Auth.js's whole session endpoint (which re-encrypts the token) on every API call.
export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const user = await decodeSessionToken(value, name);
    if (user) return user;
  }
  return null;
}

export async function decodeSessionToken(token: string, salt: string): Promise<SessionUser | null> {
  try {
    const jwt = await decode({ token, secret: authSecret(), salt });
    if (!jwt?.sub || typeof jwt.email !== 'string') return null;
    const role = jwt.role === 'STAFF' || jwt.role === 'ADMIN' ? jwt.role : 'CUSTOMER';
    const storeIds = Array.isArray(jwt.storeIds) ? jwt.storeIds.filter((s): s is string => typeof s === 'string') : [];
    return { id: jwt.sub, email: jwt.email, name: typeof jwt.name === 'string' ? jwt.name : null, role, storeIds };
  } catch {
    return null; // expired, tampered with, or signed with another secret: not signed in
  }
}
