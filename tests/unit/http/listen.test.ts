import { afterEach, describe, expect, it, vi } from 'vitest';
import { decideListenHost, isLoopback, servesDemo } from '@/lib/http/listen';

// lib/env.ts parses process.env once, on import.
async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of ['DATABASE_URL', 'DEMO_MODE', 'DEV_MAIL_ENABLED', 'HOST', 'DEMO_PUBLIC']) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import('@/lib/env')).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('where a start listens', () => {
  it('keeps a demo on loopback when nothing says otherwise', () => {
    expect(decideListenHost({ demo: true })).toMatchObject({ ok: true, host: '127.0.0.1', reachable: 'this machine' });
    expect(decideListenHost({ demo: true, host: '::1' })).toMatchObject({ ok: true, host: '::1' });
  });

  it('refuses to open a demo to other machines on HOST alone', () => {
    const decision = decideListenHost({ demo: true, host: '0.0.0.0' });
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.message).toMatch(/^Refusing to listen on HOST=0\.0\.0\.0 in demo mode.*DEMO_PUBLIC=true/);
  });

  it('does not open a demo on DEMO_PUBLIC alone', () => {
    expect(decideListenHost({ demo: true, demoPublic: true })).toMatchObject({ ok: true, host: '127.0.0.1', reachable: 'this machine' });
  });

  it('opens a demo when HOST and DEMO_PUBLIC=true both say so', () => {
    expect(decideListenHost({ demo: true, host: '0.0.0.0', demoPublic: true })).toMatchObject({
      ok: true,
      host: '0.0.0.0',
      reachable: 'other machines',
    });
  });

  it('serves a real shop on every interface, or on HOST', () => {
    expect(decideListenHost({ demo: false })).toMatchObject({ ok: true, host: '0.0.0.0', reachable: 'other machines' });
    expect(decideListenHost({ demo: false, host: '10.0.0.5' })).toMatchObject({ ok: true, host: '10.0.0.5' });
  });

  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'shop.example']) expect(isLoopback(host)).toBe(false);
  });
});

describe('what counts as a demo', () => {
  it('is the embedded database: demo accounts and the outbox, so loopback only', async () => {
    const env = await envWith({ NODE_ENV: 'production' });
    expect(env.demoMode).toBe(true);
    expect(env.devMailEnabled).toBe(true);
    expect(servesDemo(env, true)).toBe(true);
  });

  it('is not a production start on DATABASE_URL without DEMO_MODE: no demo accounts, no /dev/mail', async () => {
    const env = await envWith({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://shop@db.internal:5432/shop' });
    expect(env.demoMode).toBe(false);
    expect(env.devMailEnabled).toBe(false);
    expect(servesDemo(env, true)).toBe(false);
  });

  it('is DATABASE_URL with DEMO_MODE=true or DEV_MAIL_ENABLED=true, and `npm run dev` (its outbox is on)', async () => {
    const url = 'postgresql://shop@db.internal:5432/shop';
    expect(servesDemo(await envWith({ NODE_ENV: 'production', DATABASE_URL: url, DEMO_MODE: 'true' }), true)).toBe(true);
    expect(servesDemo(await envWith({ NODE_ENV: 'production', DATABASE_URL: url, DEV_MAIL_ENABLED: 'true' }), true)).toBe(true);
    expect(servesDemo(await envWith({ DATABASE_URL: url }), false)).toBe(true);
  });
});
