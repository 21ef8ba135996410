import 'server-only';
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/lib/db';
import { rateLimitAll, resetRateLimit } from '@/lib/rate-limit';
import { verifyPassword } from './password';
import { clientIp } from './request-ip';
import { signInSchema } from './schemas';

export class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

// The credentials provider's check. null (not signed in) looks the same for a wrong password and an
// unknown e-mail, and takes as long; too many attempts per e-mail or per IP throw RateLimitedSignIn.
export async function authorizeCredentials(credentials: unknown, headers: Headers) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const limit = await rateLimitAll([
    ['signInEmail', email],
    ['signInIp', clientIp(headers)],
  ]);
  if (!limit.ok) throw new RateLimitedSignIn();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  await resetRateLimit('signInEmail', email);
  return { id: user.id, email: user.email, name: user.name };
}
