import { describe, expect, it } from 'vitest';

const { createTestDatabase } = await import('../helpers/db');
const { LocalBus } = await import('@/lib/events/bus');
const { PostgresRelay } = await import('@/lib/events/postgres');

const { url } = await createTestDatabase();
const onRealServer = Boolean(process.env.TEST_SERVER_URL);

describe('live events between app instances', () => {
  // PGlite's socket does not deliver NOTIFY between connections, so this needs a real server.
  it.runIf(onRealServer)('carries a cart change from one instance to every other over LISTEN/NOTIFY', async () => {
    const busA = new LocalBus();
    const busB = new LocalBus();
    const a = new PostgresRelay(url, busA);
    const b = new PostgresRelay(url, busB);
    await Promise.all([a.start(), b.start()]);
    try {
      const heardOnB = new Promise((resolve) => busB.subscribe('cart:c1', resolve));
      const heardOnA = new Promise((resolve) => busA.subscribe('cart:c1', resolve));
      await a.publish('cart:c1', { type: 'cart.updated', version: 7 });
      expect(await heardOnB).toEqual({ type: 'cart.updated', version: 7 });
      expect(await heardOnA).toEqual({ type: 'cart.updated', version: 7 });
      await expect(a.publish('cart:c1', { big: 'x'.repeat(9000) })).rejects.toThrow(/too large/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('delivers in-process when there is one instance', () => {
    const bus = new LocalBus();
    const got: unknown[] = [];
    bus.subscribe('cart:c2', (p) => got.push(p));
    bus.emit('cart:c2', { version: 1 });
    expect(got).toEqual([{ version: 1 }]);
  });
});
