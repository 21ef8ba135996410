import 'server-only';
import NextAuth from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import type { Provider } from 'next-auth/providers';
import Apple from 'next-auth/providers/apple';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { sendEmailNow } from '@/lib/notifications/email';
import { rateLimitAll, type LimitName } from '@/lib/rate-limit';
import { cookieOptions } from './cookie-options';
import { authorizeCredentials } from './credentials';
import { linkEmail } from './emails';
import { safeRedirectPath } from './redirect';
import { clientIp } from './request-ip';
import { endSession, isSessionActive, SESSION_MAX_AGE_SECONDS, startSession } from './sessions';
import { confirmSignUp, isSignUpLink, prepareLinkEmail } from './sign-up';
import { loadSessionClaims } from './users';

export const MAGIC_LINK_MINUTES = 15;

// Auth.js builds its links (the e-mailed sign-in link, OAuth callbacks, redirects) from AUTH_URL, and without it
// from the request's Host and X-Forwarded-Host, which a client chooses. Links come from the configured origin.
process.env.AUTH_URL ??= env.APP_URL;

// The link always points at APP_URL, whatever origin Auth.js was given.
const onAppUrl = (url: string) => {
  const link = new URL(url);
  return new URL(`${link.pathname}${link.search}`, env.APP_URL).toString();
};

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
    async sendVerificationRequest({ identifier, url, token, request }) {
      // The sign-up action asks for its link with a signed ?purpose= (signIn's authorization params); its per-IP
      // count is the sign-up limit, already taken.
      const purpose = new URL(request.url).searchParams.get('purpose');
      const limit = await rateLimitAll([
        ['magicLinkSendEmail', identifier],
        ...(isSignUpLink(purpose, identifier) ? [] : [['magicLinkSendIp', clientIp(request.headers)] as [LimitName, string]]),
      ]);
      if (!limit.ok) throw new Error('Too many sign-in links requested');
      const kind = await prepareLinkEmail(identifier, purpose, token);
      await sendEmailNow({ to: identifier, ...(await linkEmail(kind, { url: onAppUrl(url), expiresMinutes: MAGIC_LINK_MINUTES })) });
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

// The generated client is structurally the Prisma client the adapter expects.
const prismaAdapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
const adapter: Adapter = {
  ...prismaAdapter,
  // Following the link sent for a sign-up turns that sign-up's password on.
  async useVerificationToken(params) {
    const used = await prismaAdapter.useVerificationToken!(params);
    if (used) await confirmSignUp(params.identifier, params.token);
    return used;
  },
};

export const { handlers, signIn, signOut } = NextAuth({
  adapter,
  // Credentials sign-in requires JWT sessions; role and stores ride in the token, with the id of the server-side
  // session (lib/auth/sessions.ts) that sign-out ends.
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  secret: env.AUTH_SECRET ?? devSecret,
  // The session cookie is Secure exactly when our own cookies are (one rule, in ./cookie-options.ts).
  useSecureCookies: cookieOptions(0).secure,
  trustHost: true,
  providers,
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(sid);
    },
  },
  callbacks: {
    // Where Auth.js sends a browser after a link or provider sign-in: a path on this shop (./redirect.ts), on APP_URL.
    // (Its own origin check would compare against the request's URL, which Next spells `localhost` for 127.0.0.1.)
    redirect({ url }) {
      const target = URL.canParse(url, env.APP_URL) ? new URL(url, env.APP_URL) : new URL('/', env.APP_URL);
      return new URL(safeRedirectPath(`${target.pathname}${target.search}${target.hash}`, '/'), env.APP_URL).toString();
    },
    async jwt({ token, user, trigger }) {
      if (user?.id) {
        const claims = await loadSessionClaims(user.id);
        if (!claims) return null;
        return Object.assign(token, { sub: user.id, ...claims, sid: await startSession(user.id) });
      }
      if (!token.sub || typeof token.sid !== 'string' || !(await isSessionActive(token.sid, token.sub))) return null;
      if (trigger === 'update') {
        const claims = await loadSessionClaims(token.sub);
        if (!claims) return null;
        Object.assign(token, claims);
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
