import 'server-only';
import NextAuth from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Apple from 'next-auth/providers/apple';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/notifications/email';
import { magicLinkEmail } from '@/lib/notifications/templates';
import { rateLimitAll } from '@/lib/rate-limit';
import { authorizeCredentials } from './credentials';
import { clientIp } from './request-ip';
import { loadSessionClaims } from './users';

const MAGIC_LINK_MINUTES = 15;

const providers: Provider[] = [
  Credentials({
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
  }),
  {
    id: 'email',
    type: 'email',
    name: 'Email link',
    from: env.MAIL_FROM,
    maxAge: MAGIC_LINK_MINUTES * 60,
    normalizeIdentifier: (identifier: string) => identifier.trim().toLowerCase(),
    // The sign-in form checks the same limits first and explains them; this guards direct POSTs.
    async sendVerificationRequest({ identifier, url, request }) {
      const limit = await rateLimitAll([
        ['magicLinkSendEmail', identifier],
        ['magicLinkSendIp', clientIp(request.headers)],
      ]);
      if (!limit.ok) throw new Error('Too many sign-in links requested');
      await sendEmail({ to: identifier, ...magicLinkEmail({ url, expiresMinutes: MAGIC_LINK_MINUTES }) });
    },
  },
];
if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
  providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET, allowDangerousEmailAccountLinking: true }));
}
if (env.AUTH_APPLE_ID && env.AUTH_APPLE_SECRET) {
  providers.push(Apple({ clientId: env.AUTH_APPLE_ID, clientSecret: env.AUTH_APPLE_SECRET }));
}

export const oauthProviders = providers
  .map((p) => (typeof p === 'function' ? p() : p))
  .filter((p) => p.type === 'oidc' || p.type === 'oauth')
  .map((p) => ({ id: p.id, name: p.name }));

const devSecret = env.NODE_ENV === 'production' ? undefined : 'northwind-development-secret-not-for-production';

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  // The generated client is structurally the Prisma client the adapter expects.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  // Credentials sign-in requires JWT sessions; role and stores ride in the token.
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  secret: env.AUTH_SECRET ?? devSecret,
  trustHost: true,
  providers,
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  callbacks: {
    async jwt({ token, user, trigger }) {
      const userId = user?.id ?? token.sub;
      if (userId && (user || trigger === 'update')) {
        const claims = await loadSessionClaims(userId);
        if (!claims) return null;
        Object.assign(token, { sub: userId, ...claims });
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        Object.assign(session.user, {
          id: token.sub,
          role: token.role ?? 'CUSTOMER',
          storeIds: Array.isArray(token.storeIds) ? token.storeIds : [],
        });
      }
      return session;
    },
  },
});
