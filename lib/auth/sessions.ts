import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';

// Sessions are JWTs in a cookie (credentials sign-in needs them), so each one also names a row in Session, made at
// sign-in: signing out deletes the row, and a copied cookie then no longer signs anyone in. Changing a password or a
// role deletes the user's other rows.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// A signed-in request checks its row; the answer is kept for a few seconds so a busy page or API client does not
// query once per call. This process forgets a row the moment it ends one; another instance notices within CHECK_TTL_MS.
const CHECK_TTL_MS = 5_000;
const CHECKED_MAX = 10_000;
// On globalThis: Next bundles pages and route handlers separately, each with its own copy of this module, and the
// sign-out route must be able to tell the pages of this process.
const shared = globalThis as typeof globalThis & { northwindSessionChecks?: Map<string, { userId: string | null; until: number }> };
const checked = (shared.northwindSessionChecks ??= new Map());

export async function startSession(userId: string): Promise<string> {
  const sessionToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expires: { lt: now } } }),
    db.session.create({ data: { sessionToken, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return sessionToken;
}

export async function isSessionActive(sessionId: string, userId: string): Promise<boolean> {
  const now = Date.now();
  const hit = checked.get(sessionId);
  if (hit && (hit.userId === null || hit.until > now)) return hit.userId === userId;
  const row = await db.session.findUnique({ where: { sessionToken: sessionId }, select: { userId: true, expires: true } });
  const owner = row && row.expires.getTime() > now ? row.userId : null;
  if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value!);
  // An ended session never comes back, so "no" is kept until the entry is pushed out.
  checked.set(sessionId, { userId: owner, until: now + CHECK_TTL_MS });
  return owner === userId;
}

export async function endSession(sessionId: string): Promise<void> {
  checked.set(sessionId, { userId: null, until: Infinity });
  await db.session.deleteMany({ where: { sessionToken: sessionId } });
}

// Every session of the user but `keep` (the one making the change, if any).
export async function endOtherSessions(userId: string, keep?: string): Promise<void> {
  for (const [id, entry] of checked) if (entry.userId === userId && id !== keep) checked.set(id, { userId: null, until: Infinity });
  await db.session.deleteMany({ where: { userId, ...(keep ? { sessionToken: { not: keep } } : {}) } });
}
