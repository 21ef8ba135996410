import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, ids, insertCartWorld, insertUser, json, signedInJar } from './cart-fixtures';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const linesRoute = await import('@/app/api/v1/cart/lines/route');
const lineRoute = await import('@/app/api/v1/cart/lines/[variantId]/route');

const { db } = await createTestDatabase();
const onRealServer = Boolean(process.env.TEST_SERVER_URL);

beforeAll(async () => {
  await insertCartWorld(db);
});

describe(`20 parallel mutations from two devices (${onRealServer ? 'PostgreSQL server' : 'embedded PGlite'})`, () => {
  it('loses no update', async () => {
    const user = await insertUser(db, 'two-devices@example.com');
    const phone = device(await signedInJar(user));
    const laptop = device(await signedInJar(user));
    const adds = Array.from({ length: 20 }, (_, i) => {
      const d = i % 2 ? phone : laptop;
      const variantId = i % 4 < 2 ? ids.tee : ids.mug;
      return d.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId, quantity: 1 })));
    });
    const statuses = (await Promise.all(adds)).map((r) => r.status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const cart = await db.cart.findUniqueOrThrow({ where: { userId: user.id }, include: { lines: true } });
    expect(Object.fromEntries(cart.lines.map((l) => [l.variantId, l.quantity]))).toEqual({ [ids.tee]: 10, [ids.mug]: 10 });
    expect(cart.version).toBe(20);
  });

  it('lets exactly one of 20 writes against the same version win; the rest get 409', async () => {
    const user = await insertUser(db, 'versions@example.com');
    const phone = device(await signedInJar(user));
    const laptop = device(await signedInJar(user));
    await phone.call(() => linesRoute.POST(json('POST', '/api/v1/cart/lines', { variantId: ids.tee, quantity: 1 })));
    const { version } = await db.cart.findUniqueOrThrow({ where: { userId: user.id } });
    const writes = Array.from({ length: 20 }, (_, i) => {
      const d = i % 2 ? phone : laptop;
      const req = json('PATCH', `/api/v1/cart/lines/${ids.tee}`, { quantity: i + 2 }, { 'if-match': `"${version}"` });
      return d.call(() => lineRoute.PATCH(req, { params: Promise.resolve({ variantId: ids.tee }) }));
    });
    const responses = await Promise.all(writes);
    const winners = responses.map((r, i) => [r.status, i + 2] as const).filter(([s]) => s === 200);
    expect(winners).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    const line = await db.cartLine.findFirstOrThrow({ where: { cart: { userId: user.id } } });
    expect(line.quantity).toBe(winners[0]![1]);
    expect((await db.cart.findUniqueOrThrow({ where: { userId: user.id } })).version).toBe(version + 1);
  });
});
