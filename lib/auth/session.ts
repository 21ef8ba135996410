import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { authSecret } from './secret';
import { isSessionActive } from './sessions';

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: 'CUSTOMER' | 'STAFF' | 'ADMIN';
  storeIds: string[];
  // The server-side session this sign-in holds (lib/auth/sessions.ts).
  sessionId?: string;
};

const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

// Reads the Auth.js session cookie directly: decrypting the JWT and checking its session is still open is all a
// session check needs, and it avoids running Auth.js's whole session endpoint (which re-encrypts the token) on every API call.
export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return sessionUserFrom((name) => jar.get(name)?.value);
}

// The same, for a caller that reads the request's cookies itself (`cookie` gives a cookie's value by name).
export async function sessionUserFrom(cookie: (name: string) => string | undefined): Promise<SessionUser | null> {
  for (const name of SESSION_COOKIES) {
    const value = cookie(name);
    if (!value) continue;
    const user = await userFromSessionToken(value, name);
    if (user) return user;
  }
  return null;
}

// A token made before sessions were kept on the server names none, and is refused like an ended one.
export async function userFromSessionToken(token: string, salt: string): Promise<SessionUser | null> {
  const user = await decodeSessionToken(token, salt);
  if (!user?.sessionId || !(await isSessionActive(user.sessionId, user.id))) return null;
  return user;
}

// Decrypting a session token derives its key first, which costs more than most API handlers' own work; a token
// decoded a moment ago is taken from here. Entries live at most a minute and never past the token's expiry, and
// are keyed by the whole token, so a changed or expired session is decoded afresh; only valid tokens are kept.
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 5_000;
const decoded = new Map<string, { user: SessionUser; until: number }>();

export async function decodeSessionToken(token: string, salt: string): Promise<SessionUser | null> {
  const key = `${salt}:${token}`;
  const now = Date.now();
  const hit = decoded.get(key);
  if (hit && hit.until > now) return hit.user;
  const { user, expiresAt } = await decodeFresh(token, salt);
  if (!user) return null;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { user, until: Math.min(now + DECODED_TTL_MS, expiresAt ?? Infinity) });
  return user;
}

async function decodeFresh(token: string, salt: string): Promise<{ user: SessionUser | null; expiresAt?: number }> {
  try {
    const jwt = await decode({ token, secret: authSecret(), salt });
    if (!jwt?.sub || typeof jwt.email !== 'string') return { user: null };
    const role = jwt.role === 'STAFF' || jwt.role === 'ADMIN' ? jwt.role : 'CUSTOMER';
    const storeIds = Array.isArray(jwt.storeIds) ? jwt.storeIds.filter((s): s is string => typeof s === 'string') : [];
    const user: SessionUser = { id: jwt.sub, email: jwt.email, name: typeof jwt.name === 'string' ? jwt.name : null, role, storeIds };
    if (typeof jwt.sid === 'string') user.sessionId = jwt.sid;
    return { user, expiresAt: typeof jwt.exp === 'number' ? jwt.exp * 1000 : undefined };
  } catch {
    return { user: null }; // expired, tampered with, or signed with another secret: not signed in
  }
}
