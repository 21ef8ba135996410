// Where `npm start` and `npm run dev` listen. Demo mode publishes its sign-ins' passwords (README) and serves the
// /dev/mail outbox, where anyone who can reach the shop reads the admin's magic link: so a demo listens on loopback
// only, unless HOST names another address and DEMO_PUBLIC=true confirms it. Neither alone opens it.
// No 'server-only': the launcher (scripts/run.ts) decides this before Next starts.

export type ListenDecision =
  { ok: true; host: string; demo: boolean; reachable: 'this machine' | 'other machines' } | { ok: false; message: string };

export interface ListenInput {
  /** HOST, if set. */
  host?: string;
  /** DEMO_PUBLIC=true. */
  demoPublic?: boolean;
  /** The server will have demo accounts or serve the outbox (servesDemo). */
  demo: boolean;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/** Whether a server with these settings has demo sign-ins or serves /dev/mail (as lib/env.ts decides them). */
export function servesDemo(env: { demoMode: boolean; DEV_MAIL_ENABLED?: boolean }, production: boolean): boolean {
  return env.demoMode || (env.DEV_MAIL_ENABLED ?? !production);
}

export function decideListenHost({ host, demoPublic = false, demo }: ListenInput): ListenDecision {
  const wanted = host?.trim() || undefined;
  if (!demo) {
    // A real shop (DATABASE_URL, no DEMO_MODE) listens where `next start` does: every interface, or HOST.
    const chosen = wanted ?? '0.0.0.0';
    return { ok: true, host: chosen, demo, reachable: isLoopback(chosen) ? 'this machine' : 'other machines' };
  }
  if (!wanted || isLoopback(wanted)) return { ok: true, host: wanted ?? '127.0.0.1', demo, reachable: 'this machine' };
  if (demoPublic) return { ok: true, host: wanted, demo, reachable: 'other machines' };
  return {
    ok: false,
    message:
      `Refusing to listen on HOST=${wanted} in demo mode: its accounts' passwords are published and /dev/mail shows ` +
      'every e-mail (sign-in links included) to whoever can reach it. Add DEMO_PUBLIC=true if every machine that can ' +
      'reach this one may sign in as the admin, or set DATABASE_URL without DEMO_MODE for a real shop.',
  };
}
