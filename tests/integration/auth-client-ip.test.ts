import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real HTTP server with the forwarded-header policy that instrumentation.ts installs in `next start`, then the
// one thing Next does itself (x-forwarded-for ??= the socket address, node_modules/next/dist/server/base-server.js),
// then the real credentials check with the request's headers. Clients rotate a made-up X-Forwarded-For.
await import('../helpers/db').then((m) => m.createTestDatabase());
const { env } = await import('@/lib/env');
const { authorizeCredentials, RateLimitedSignIn } = await import('@/lib/auth/credentials');
const { installForwardedPolicy } = await import('@/lib/auth/forwarded');
const { parseTrustedProxies } = await import('@/lib/auth/request-ip');
const { limits } = await import('@/lib/rate-limit');

let server: Server;
let base = '';
let seen: IncomingMessage['headers'] = {};

function setTrustedProxies(value: string | undefined) {
  (env as { TRUSTED_PROXIES?: string }).TRUSTED_PROXIES = value;
  installForwardedPolicy(parseTrustedProxies(value));
}

beforeAll(async () => {
  setTrustedProxies(undefined);
  server = createServer(async (req, res) => {
    req.headers['x-forwarded-for'] ??= req.socket.remoteAddress;
    seen = { ...req.headers };
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const email = new URL(req.url ?? '/', 'http://x').searchParams.get('email');
    try {
      const user = await authorizeCredentials({ email, password: 'a-wrong-password' }, headers);
      res.end(user ? 'signed-in' : 'refused');
    } catch (error) {
      res.end(error instanceof RateLimitedSignIn ? 'rate-limited' : 'error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setTrustedProxies(undefined);
  await new Promise((resolve) => server.close(resolve));
});

async function attempts(count: number, forwardedFor: (i: number) => string) {
  const answers: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${base}/?email=visitor${i}@example.com`, { headers: { 'x-forwarded-for': forwardedFor(i) } });
    answers.push(await response.text());
  }
  return answers;
}

describe('per-IP sign-in limit with a made-up X-Forwarded-For', () => {
  it('counts a client reached directly by its socket address, whatever it claims', async () => {
    const answers = await attempts(200, (i) => `203.0.113.${i % 250}, 10.${i}.0.1`);
    expect(answers.filter((a) => a === 'refused')).toHaveLength(limits.signInIp.limit);
    expect(answers.slice(limits.signInIp.limit).every((a) => a === 'rate-limited')).toBe(true);
  });

  it('drops forwarded host and protocol headers from a client that is not a trusted proxy', async () => {
    await fetch(`${base}/?email=host@example.com`, {
      headers: { 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https', 'x-real-ip': '192.0.2.1' },
    });
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen['x-forwarded-proto']).toBeUndefined();
    expect(seen['x-real-ip']).toBeUndefined();
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('behind a trusted proxy, counts the address that proxy reports, not what the client wrote before it', async () => {
    setTrustedProxies('127.0.0.0/8');
    const answers = await attempts(200, (i) => `198.18.${i % 250}.1, 198.51.100.7`);
    expect(answers.filter((a) => a === 'refused')).toHaveLength(limits.signInIp.limit);
    expect(answers.slice(limits.signInIp.limit).every((a) => a === 'rate-limited')).toBe(true);
    expect(seen['x-forwarded-for']).toBe('198.18.199.1, 198.51.100.7, 127.0.0.1');
  });
});
