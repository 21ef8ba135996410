import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { insertUser } from './cart-fixtures';
import { deliveryInput, ids, insertCheckoutWorld, pickupInput } from './orders-fixtures';

// Northwind Rewards on a real PostgreSQL: points earned pending and spendable after the return window, spent at
// checkout within the programme's rules, returned on cancellation, never spent twice, expired once, and the ledger
// check that finds a balance that no longer matches its entries.
const { createTestDatabase } = await import('../helpers/db');
const { db, url } = await createTestDatabase();
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid, releaseHold } = await import('@/lib/orders/transitions');
const { applyPaymentEvent } = await import('@/lib/payments/outcomes');
const { cancelOrder } = await import('@/lib/orders/cancel');
const { releaseExpiredHolds } = await import('@/lib/inventory/holds');
const { runLoyaltySweep, expireDuePoints, accountsWithPointsExpiringSoon } = await import('@/lib/loyalty/sweep');
const { getLoyaltySummary, listLedger } = await import('@/lib/loyalty/account');
const { redeemPoints } = await import('@/lib/loyalty/redeem');
const { adjustPoints } = await import('@/lib/loyalty/adjust');
const { ensureAccount } = await import('@/lib/loyalty/ledger');
const { checkLedger } = await import('@/lib/loyalty/check');

const DAY = 24 * 60 * 60_000;
const t0 = new Date('2026-03-02T10:00:00Z');
const after = (days: number, from: Date = t0) => new Date(from.getTime() + days * DAY);

beforeAll(async () => {
  await insertCheckoutWorld(db);
  await db.stock.updateMany({ data: { onHand: 500 } });
});

const session = (u: { id: string; email: string }): SessionUser => ({
  id: u.id,
  email: u.email,
  name: null,
  role: 'CUSTOMER',
  storeIds: [],
});
const account = (userId: string) =>
  db.loyaltyAccount.findUniqueOrThrow({ where: { userId }, select: { id: true, balance: true, pending: true } });
const entries = (userId: string) => db.loyaltyEntry.findMany({ where: { account: { userId } }, orderBy: { createdAt: 'asc' } });
const delivery = (userId: string, lines: { variantId: string; quantity: number }[], points = 0) => ({
  ...deliveryInput(lines),
  userId,
  points,
});

async function expectLedgerBalanced() {
  const check = await checkLedger(db);
  expect(check.differences).toEqual([]);
}

describe('earning', () => {
  it('earns pending points when an order is paid, spendable only once the 30-day window has closed', async () => {
    const user = await insertUser(db, 'earner@example.com');
    // 3 jackets at £45: £135 of goods, 135 points at Member.
    const placed = await placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 3 }]), t0);
    await markPaid(placed.order.id, t0);
    const summary = await getLoyaltySummary(user.id, t0);
    expect(summary).toMatchObject({ balance: 0, pending: 135, tier: { id: 'MEMBER' } });
    expect(summary.pendingBatches).toEqual([{ points: 135, availableAt: after(30).toISOString() }]);

    // A day before the window closes, they cannot be spent and the sweep leaves them pending.
    await expect(placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 1 }], 100), after(29))).rejects.toMatchObject({
      code: 'insufficient_points',
    });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    await runLoyaltySweep(after(29));
    expect(await account(user.id)).toMatchObject({ balance: 0, pending: 135 });

    // Once it has closed they are spendable; a second sweep (or two at once) moves nothing twice.
    await Promise.all([
      runLoyaltySweep(after(30, new Date(t0.getTime() + 60_000))),
      runLoyaltySweep(after(30, new Date(t0.getTime() + 60_000))),
    ]);
    await runLoyaltySweep(after(31));
    expect(await account(user.id)).toMatchObject({ balance: 135, pending: 0 });
    const second = await placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 1 }], 100), after(31));
    expect(second.order).toMatchObject({ pointsRedeemed: 100, pointsDiscountMinor: 100, totalMinor: 4500 + 450 - 100 });
    expect(await account(user.id)).toMatchObject({ balance: 35 });
    await expectLedgerBalanced();
  });

  it('earns once for a duplicated or late payment event', async () => {
    const user = await insertUser(db, 'twice@example.com');
    const placed = await placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 2 }]));
    const event = { type: 'payment_intent.succeeded', outcome: 'succeeded' as const, orderId: placed.order.id };
    await Promise.all([applyPaymentEvent({ ...event, eventId: 'evt_a' }), applyPaymentEvent({ ...event, eventId: 'evt_a' })]);
    await applyPaymentEvent({ ...event, eventId: 'evt_late' });
    await markPaid(placed.order.id);
    expect((await entries(user.id)).filter((e) => e.kind === 'EARN')).toHaveLength(1);
    expect(await account(user.id)).toMatchObject({ balance: 0, pending: 90 });
  });

  it('earns at the multiplier of the tier held, which changes exactly at the threshold', async () => {
    const paidBefore = async (email: string, spendMinor: number) => {
      const user = await insertUser(db, email);
      await db.order.create({
        data: {
          number: `NW-T${spendMinor}`,
          email,
          userId: user.id,
          status: 'COMPLETED',
          channel: 'IN_STORE',
          fulfilment: 'PICKUP',
          subtotalMinor: spendMinor,
          totalMinor: spendMinor,
          paidAt: after(-10),
        },
      });
      return user;
    };
    const below = await paidBefore('below@example.com', 24_999);
    const at = await paidBefore('at@example.com', 25_000);
    for (const user of [below, at]) {
      const placed = await placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 1 }]), t0);
      await markPaid(placed.order.id, t0);
    }
    expect(await account(below.id)).toMatchObject({ pending: 45 });
    expect(await account(at.id)).toMatchObject({ pending: 56 });
    expect(await getLoyaltySummary(below.id, t0)).toMatchObject({ tier: { id: 'SILVER' }, nextTier: { id: 'GOLD' } });
  });
});

describe('spending at checkout', () => {
  it('takes points in steps of 100 up to half the goods, holds them with the order and spends them when it is paid', async () => {
    const user = await insertUser(db, 'spender@example.com');
    await adjustPoints({ userId: user.id, points: 10_000, idempotencyKey: 'test:spender' });
    // One jacket, £45: half is £22.50, so at most 2,200 points.
    const jacket = [{ variantId: ids.jacket, quantity: 1 }];
    await expect(placeOrder(pickupInput(jacket, { userId: user.id, points: 2_300 }))).rejects.toMatchObject({ code: 'points_over_cap' });
    await expect(placeOrder(pickupInput(jacket, { userId: user.id, points: 150 }))).rejects.toMatchObject({ code: 'invalid_points' });
    await expect(placeOrder(pickupInput(jacket, { userId: null, points: 100 }))).rejects.toMatchObject({ code: 'invalid_points' });
    expect(await account(user.id)).toMatchObject({ balance: 10_000 });

    const placed = await placeOrder(pickupInput(jacket, { userId: user.id, points: 2_200 }));
    expect(placed.order).toMatchObject({ subtotalMinor: 4500, pointsDiscountMinor: 2200, totalMinor: 2300 });
    expect(await account(user.id)).toMatchObject({ balance: 7_800 });
    await markPaid(placed.order.id);
    expect((await entries(user.id)).map((e) => [e.kind, e.points])).toEqual([
      ['ADJUST', 10_000],
      ['HOLD', -2_200],
      ['RELEASE', 2_200],
      ['REDEEM', -2_200],
      ['EARN', 23],
    ]);
    expect(await account(user.id)).toMatchObject({ balance: 7_800, pending: 23 });

    // Cancelled after payment: the points spent come back at once (once), the points it earned go.
    const viewer = { user: session(user), receiptOrderIds: [] };
    await cancelOrder(viewer, placed.order.id);
    await expect(cancelOrder(viewer, placed.order.id)).rejects.toMatchObject({ code: 'invalid_transition' });
    await runLoyaltySweep();
    expect(await account(user.id)).toMatchObject({ balance: 10_000, pending: 0 });
    await expectLedgerBalanced();
  });

  it('gives held points back when an unpaid order is cancelled or its hold runs out', async () => {
    const user = await insertUser(db, 'held@example.com');
    await adjustPoints({ userId: user.id, points: 1_000, idempotencyKey: 'test:held' });
    const jacket = [{ variantId: ids.jacket, quantity: 1 }];
    const first = await placeOrder(pickupInput(jacket, { userId: user.id, points: 500 }));
    await releaseHold(first.order.id);
    expect(await account(user.id)).toMatchObject({ balance: 1_000 });

    const now = new Date();
    const second = await placeOrder(pickupInput(jacket, { userId: user.id, points: 500 }), now);
    expect(await account(user.id)).toMatchObject({ balance: 500 });
    // The stock hold expires (15 minutes); the order sweep cancels it and the loyalty sweep returns the points.
    await releaseExpiredHolds(after(1 / 48, now));
    await Promise.all([runLoyaltySweep(after(1 / 48, now)), runLoyaltySweep(after(1 / 48, now))]);
    expect((await db.order.findUniqueOrThrow({ where: { id: second.order.id } })).status).toBe('CANCELLED');
    expect(await account(user.id)).toMatchObject({ balance: 1_000 });
    await expectLedgerBalanced();
  });

  it('never spends the same points twice: 1,000 redemptions at the counter and online at once against one account', async () => {
    const user = await insertUser(db, 'hot@example.com');
    await adjustPoints({ userId: user.id, points: 50_000, idempotencyKey: 'test:hot' });
    const { id: accountId } = await ensureAccount(db, user.id);
    const counter = Array.from({ length: 1_000 }, (_, i) =>
      redeemPoints({ accountId, points: 100, channel: i % 2 ? 'IN_STORE' : 'ONLINE', idempotencyKey: `hot:${i}`, storeId: ids.store }).then(
        () => 'spent',
        (e: { code?: string }) => e.code,
      ),
    );
    const online = Array.from({ length: 20 }, () =>
      placeOrder(delivery(user.id, [{ variantId: ids.boots, quantity: 1 }], 100)).then(
        () => 'held',
        (e: { code?: string }) => e.code,
      ),
    );
    const outcomes = await Promise.all([...counter, ...online]);
    const ok = outcomes.filter((o) => o === 'spent' || o === 'held').length;
    expect(outcomes.filter((o) => o !== 'spent' && o !== 'held' && o !== 'insufficient_points')).toEqual([]);
    expect(ok).toBe(500);
    expect(await account(user.id)).toMatchObject({ balance: 0 });
    const debits = (await entries(user.id)).filter((e) => e.kind === 'REDEEM' || e.kind === 'HOLD');
    expect(debits).toHaveLength(500);
    expect(new Set(debits.map((d) => d.idempotencyKey)).size).toBe(500);
    await expectLedgerBalanced();
  }, 120_000);

  it('answers a repeated idempotency key without spending again', async () => {
    const user = await insertUser(db, 'repeat@example.com');
    await adjustPoints({ userId: user.id, points: 300, idempotencyKey: 'test:repeat' });
    const { id: accountId } = await ensureAccount(db, user.id);
    const input = { accountId, points: 200, channel: 'IN_STORE' as const, idempotencyKey: 'till:42' };
    const [a, b] = await Promise.all([redeemPoints(input), redeemPoints(input)]);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect((await redeemPoints(input)).balance).toBe(100);
    expect(await account(user.id)).toMatchObject({ balance: 100 });
    await expect(redeemPoints({ ...input, idempotencyKey: 'till:43' })).rejects.toMatchObject({ code: 'insufficient_points' });
  });
});

describe('returns after the window and expiry', () => {
  it('takes back points after the window from the balance, never below zero, recording the shortfall', async () => {
    const user = await insertUser(db, 'returner@example.com');
    const placed = await placeOrder(delivery(user.id, [{ variantId: ids.jacket, quantity: 3 }]), t0);
    await markPaid(placed.order.id, t0);
    await runLoyaltySweep(after(31));
    const { id: accountId } = await ensureAccount(db, user.id);
    await redeemPoints({ accountId, points: 100, channel: 'IN_STORE', idempotencyKey: 'returner:spend' });
    await cancelOrder({ user: session(user), receiptOrderIds: [] }, placed.order.id, { now: after(35) });
    const reversal = (await entries(user.id)).find((e) => e.kind === 'REVERSAL');
    expect(reversal).toMatchObject({ points: -35, shortfall: 100 });
    expect(await account(user.id)).toMatchObject({ balance: 0, pending: 0 });
    await expectLedgerBalanced();
  });

  it('expires points at the end of the month 12 months on, oldest first, once however many sweeps run', async () => {
    const user = await insertUser(db, 'expiring@example.com');
    const jan = new Date('2026-01-10T12:00:00Z');
    const mar = new Date('2026-03-10T12:00:00Z');
    await adjustPoints({ userId: user.id, points: 300, idempotencyKey: 'exp:jan' }, db, jan);
    await adjustPoints({ userId: user.id, points: 500, idempotencyKey: 'exp:mar' }, db, mar);
    const { id: accountId } = await ensureAccount(db, user.id);
    await redeemPoints({ accountId, points: 200, channel: 'ONLINE', idempotencyKey: 'exp:spend' }, db, mar);

    const soon = await accountsWithPointsExpiringSoon(new Date('2027-01-15T00:00:00Z'));
    expect(soon.filter((s) => s.userId === user.id)).toEqual([
      { userId: user.id, email: user.email, points: 100, expiresAt: new Date('2027-02-01T00:00:00Z') },
    ]);
    expect((await getLoyaltySummary(user.id, new Date('2027-01-15T00:00:00Z'))).nextExpiry).toEqual({
      points: 100,
      expiresAt: '2027-02-01T00:00:00.000Z',
    });
    const feb = new Date('2027-02-01T00:01:00Z');
    await Promise.all([expireDuePoints(feb), expireDuePoints(feb), expireDuePoints(feb)]);
    expect((await entries(user.id)).filter((e) => e.kind === 'EXPIRE').map((e) => e.points)).toEqual([-100]);
    expect(await account(user.id)).toMatchObject({ balance: 500 });
    await expectLedgerBalanced();
  });
});

describe('the ledger', () => {
  it('refuses to change an entry', async () => {
    const first = await db.loyaltyEntry.findFirstOrThrow();
    await expect(db.loyaltyEntry.update({ where: { id: first.id }, data: { points: 1_000_000 } })).rejects.toThrow(/append-only/);
  });

  it('pages a member’s history, newest first, with only their own orders linked', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: 'spender@example.com' } });
    // The cancellation wrote the refund of the points spent, then the reversal of the points earned.
    const page1 = await listLedger(user.id, null, 3);
    expect(page1.entries.map((e) => e.kind)).toEqual(['REVERSAL', 'RELEASE', 'EARN']);
    expect(page1.entries[1]).toMatchObject({ points: 2_200, storeName: 'Riverside', orderNumber: expect.stringMatching(/^NW-/) });
    const page2 = await listLedger(user.id, page1.nextCursor, 3);
    expect(page2.entries.map((e) => e.kind)).toEqual(['REDEEM', 'RELEASE', 'HOLD']);
    expect((await listLedger(user.id, page2.nextCursor, 3)).entries.map((e) => e.kind)).toEqual(['ADJUST']);
    const stranger = await insertUser(db, 'stranger@example.com');
    expect(await listLedger(stranger.id, page1.nextCursor)).toEqual({ entries: [], nextCursor: null });
  });

  it('npm run loyalty:check finds a balance tampered with outside the ledger', async () => {
    const run = promisify(execFile);
    const clean = await run('npx', ['tsx', 'scripts/loyalty-check.ts'], { env: { ...process.env, DATABASE_URL: url } });
    expect(clean.stdout).toMatch(/entries match every balance/);
    const victim = await db.user.findUniqueOrThrow({ where: { email: 'repeat@example.com' } });
    await db.$executeRaw`UPDATE "LoyaltyAccount" SET "balance" = "balance" + 5000 WHERE "userId" = ${victim.id}`;
    const failed = await run('npx', ['tsx', 'scripts/loyalty-check.ts'], { env: { ...process.env, DATABASE_URL: url } }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stdout).toMatch(/1 of \d+ accounts differ/);
    expect(failed.stdout).toContain(`user ${victim.id}): balance 5100 + pending 0 = 5100, entries sum to 100`);
  }, 60_000);
});
