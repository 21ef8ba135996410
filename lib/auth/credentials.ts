import 'server-only';
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/lib/db';
import { rateLimit, resetRateLimit, type LimitName } from '@/lib/rate-limit';
import { DEVICE_COOKIE, knownDeviceId, readCookie } from './device';
import { verifyPassword } from './password';
import { clientIp } from './request-ip';
import { signInSchema } from './schemas';

export class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

// Too many attempts on this account from devices that never signed in to it (not too many from this network).
export class AccountLockedSignIn extends RateLimitedSignIn {
  code = 'account_locked';
}

// The credentials provider's check. null (not signed in) looks the same for a wrong password, an unknown e-mail and
// an account whose sign-up is not confirmed yet, and takes as long. Too many attempts throw RateLimitedSignIn: per IP,
// and per e-mail from devices that never signed in to it (from a known device, per device: see ./device.ts).
export async function authorizeCredentials(credentials: unknown, headers: Headers) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const device = knownDeviceId(readCookie(headers, DEVICE_COOKIE), email);
  const perAccount: [LimitName, string] = device ? ['signInDevice', device] : ['signInEmail', email];
  // Both are counted, so a refused attempt still counts.
  const [account, network] = await Promise.all([rateLimit(...perAccount), rateLimit('signInIp', clientIp(headers))]);
  if (!network.ok) throw new RateLimitedSignIn();
  if (!account.ok) throw new AccountLockedSignIn();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  await resetRateLimit(...perAccount);
  return { id: user.id, email: user.email, name: user.name };
}
