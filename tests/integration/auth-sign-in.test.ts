import { beforeAll, describe, expect, it } from 'vitest';

const { createTestDatabase } = await import('../helpers/db');
const { authorizeCredentials, RateLimitedSignIn } = await import('@/lib/auth/credentials');
const { hashPassword } = await import('@/lib/auth/password');
const { loadSessionClaims } = await import('@/lib/auth/users');
const { rateLimit } = await import('@/lib/rate-limit');

const { db } = await createTestDatabase();
const from = (ip: string) => new Headers({ 'x-forwarded-for': ip });

beforeAll(async () => {
  const passwordHash = await hashPassword('shopper-demo-1');
  expect(passwordHash).toMatch(/^\$argon2id\$/);
  await db.user.create({ data: { email: 'shopper@example.com', name: 'Sam Shopper', passwordHash } });
  await db.user.create({ data: { email: 'limited@example.com', passwordHash } });
  const staff = await db.user.create({ data: { email: 'staff@example.com', role: 'STAFF', passwordHash } });
  await db.location.create({
    data: {
      id: 'loc_1',
      code: 'S1',
      slug: 's1',
      type: 'STORE',
      name: 'Store',
      addressLine1: '1 St',
      city: 'London',
      postcode: 'E1',
      latitude: 51.5,
      longitude: 0,
      openingHours: [],
    },
  });
  await db.staffAssignment.create({ data: { userId: staff.id, locationId: 'loc_1' } });
});

describe('password sign-in', () => {
  it('signs the demo shopper in, whatever the e-mail’s case', async () => {
    const user = await authorizeCredentials({ email: ' Shopper@Example.com', password: 'shopper-demo-1' }, from('198.51.100.1'));
    expect(user).toMatchObject({ email: 'shopper@example.com', name: 'Sam Shopper' });
    expect(await loadSessionClaims(user!.id)).toMatchObject({ role: 'CUSTOMER', storeIds: [] });
  });

  it('puts a staff member’s role and stores in the session claims', async () => {
    const user = await authorizeCredentials({ email: 'staff@example.com', password: 'shopper-demo-1' }, from('198.51.100.2'));
    expect(await loadSessionClaims(user!.id)).toMatchObject({ role: 'STAFF', storeIds: ['loc_1'] });
  });

  it('gives a wrong password, an unknown e-mail and a malformed form the same answer', async () => {
    expect(await authorizeCredentials({ email: 'shopper@example.com', password: 'nope' }, from('198.51.100.3'))).toBeNull();
    expect(await authorizeCredentials({ email: 'nobody@example.com', password: 'nope' }, from('198.51.100.3'))).toBeNull();
    expect(await authorizeCredentials({ email: 'not-an-email' }, from('198.51.100.3'))).toBeNull();
  });

  it('refuses an e-mail after 10 attempts from anywhere, even with the right password', async () => {
    for (let i = 0; i < 10; i++)
      await authorizeCredentials({ email: 'limited@example.com', password: `guess-${i}` }, from(`203.0.113.${i}`));
    await expect(
      authorizeCredentials({ email: 'limited@example.com', password: 'shopper-demo-1' }, from('203.0.113.99')),
    ).rejects.toBeInstanceOf(RateLimitedSignIn);
  });

  it('refuses one IP spraying many e-mails after 60 attempts', async () => {
    // 59 attempts counted directly (each real attempt costs an argon2 verification), then the 60th is allowed.
    await Promise.all(Array.from({ length: 59 }, () => rateLimit('signInIp', '192.0.2.1')));
    expect(await authorizeCredentials({ email: 'spray@example.com', password: 'x' }, from('192.0.2.1'))).toBeNull();
    await expect(authorizeCredentials({ email: 'fresh@example.com', password: 'x' }, from('192.0.2.1'))).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });

  it('counts parallel attempts exactly (PostgreSQL-backed buckets)', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => rateLimit('magicLinkIp', '192.0.2.55')));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.find((r) => !r.ok)?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
