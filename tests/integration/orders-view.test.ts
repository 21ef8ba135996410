import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, insertUser, json, signedInJar, type Device } from './cart-fixtures';
import { ids, insertCheckoutWorld, oneJacket } from './orders-fixtures';
import { deliverMessages } from '../helpers/messages';
import { demoPaymentsOnly, placeTestOrder } from '../helpers/orders';

vi.mock('next/headers', () => cookiesMock());

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { placeOrder } = await import('@/lib/checkout/place-order');
const { markPaid } = await import('@/lib/orders/transitions');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const { getOrderPageData } = await import('@/lib/orders/page-data');
const { pickupCodeMatches } = await import('@/lib/pickup/code');
const { pickupQrPng, parsePickupQrPayload, pickupQrPayload } = await import('@/lib/pickup/qr');
const { sendOrderConfirmation } = await import('@/lib/orders/confirmation');
const { onOrderConfirmed } = await import('@/lib/orders/after-confirmed');
const { listOrdersForUser, getOrderForUser } = await import('@/lib/orders/history');
const { requestNewPickupCode } = await import('@/lib/pickup/new-code');
const { lookupOrderAction } = await import('@/components/orders/actions');
const orderRoute = await import('@/app/api/v1/orders/[id]/route');
const cancelRoute = await import('@/app/api/v1/orders/[id]/cancel/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

beforeAll(async () => {
  await demoPaymentsOnly({ SMTP_URL: undefined });
  await insertCheckoutWorld(db, { jacketsAtStore: 100 });
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const getOrder = (d: Device, id: string) => d.call(() => orderRoute.GET(json('GET', `/api/v1/orders/${id}`), ctx(id)));
const cancel = (d: Device, id: string) => d.call(() => cancelRoute.POST(json('POST', `/api/v1/orders/${id}/cancel`), ctx(id)));

const staffJar = (user: { id: string; email: string }, storeIds: string[]) => signedInJar(user, 'STAFF', storeIds);

// A guest's checkout as the checkout route leaves it (then paid, when asked): the order, and its receipt on the
// placing device.
async function guestOrder(email = 'guest@example.com', then?: 'paid') {
  const placed = await placeTestOrder(oneJacket({ email }), { then });
  const guest = device();
  await guest.call(() => rememberReceipt({ id: placed.order.id, code: placed.pickupCode }));
  return { ...placed, guest };
}

const outboxFor = (to: string) => db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

describe('GET /api/v1/orders/{id}', () => {
  it('shows an order to the device holding its receipt, and to nobody else', async () => {
    const { order, guest } = await guestOrder();
    const res = await getOrder(guest, order.id);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { order: Record<string, unknown> };
    expect(body.order).toMatchObject({
      id: order.id,
      number: order.number,
      status: 'PENDING',
      statusLabel: 'Awaiting payment',
      totalMinor: 4500,
      cancellable: true,
    });
    expect(body.order).not.toHaveProperty('userId');
    expect(body.order).not.toHaveProperty('pickupCodeHash');

    const stranger = device();
    const other = device(await signedInJar(await insertUser(db, 'other-shopper@example.com')));
    for (const d of [stranger, other]) {
      const refused = await getOrder(d, order.id);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('order_not_found');
    }
    // A receipt cookie that was not sealed by us is no receipt.
    const forger = device();
    forger.jar.set('nw_receipts', Buffer.from(JSON.stringify([{ id: order.id, code: null }])).toString('base64url'));
    expect((await getOrder(forger, order.id)).status).toBe(404);
    expect((await getOrder(guest, 'no-such-order')).status).toBe(404);
    expect((await getOrder(guest, '../../etc')).status).toBe(404);
  });

  it("gives another shopper's order id a 404 on read and on cancel, and the cancel changes nothing", async () => {
    const alice = await insertUser(db, 'alice-orders@example.com');
    const bob = device(await signedInJar(await insertUser(db, 'bob-orders@example.com')));
    const { order } = await placeOrder(oneJacket({ userId: alice.id, email: alice.email }));
    expect((await getOrder(device(await signedInJar(alice)), order.id)).status).toBe(200);
    expect((await getOrder(bob, order.id)).status).toBe(404);
    const refused = await cancel(bob, order.id);
    expect(refused.status).toBe(404);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PENDING');
  });

  it('lets staff of the pickup store read it, but not staff of another store', async () => {
    const { order } = await guestOrder('staffcase@example.com');
    const ours = device(await staffJar(await insertUser(db, 'staff-here@example.com'), [ids.store]));
    const theirs = device(await staffJar(await insertUser(db, 'staff-there@example.com'), [ids.noPickup]));
    expect((await getOrder(ours, order.id)).status).toBe(200);
    expect((await getOrder(theirs, order.id)).status).toBe(404);
  });
});

describe('/api/v1/openapi.json', () => {
  it('describes the orders routes', async () => {
    const spec = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters: { name: string }[] }>>;
    };
    expect(spec.paths['/api/v1/orders/{id}']?.get?.responses).toHaveProperty('404');
    expect(spec.paths['/api/v1/orders/{id}']?.get?.parameters.map((p) => p.name)).toEqual(['id']);
    expect(Object.keys(spec.paths['/api/v1/orders/{id}/cancel']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '403', '404', '422']),
    );
  });
});

describe('guest lookup', () => {
  async function lookup(d: Device, form: Record<string, string>) {
    const data = new FormData();
    for (const [k, v] of Object.entries(form)) data.set(k, v);
    try {
      return { state: await d.call(() => lookupOrderAction(undefined, data)), redirectedTo: null };
    } catch (error) {
      const digest = (error as { digest?: string }).digest ?? '';
      if (!digest.startsWith('NEXT_REDIRECT')) throw error;
      return { state: null, redirectedTo: digest.split(';')[2] ?? '' };
    }
  }

  it('refuses a wrong e-mail and a wrong number with the same answer, and grants access with both right', async () => {
    const { order } = await guestOrder('lookup@example.com');
    const visitor = device();
    const wrongEmail = await lookup(visitor, { number: order.number, email: 'someone-else@example.com' });
    const wrongNumber = await lookup(visitor, { number: 'NW-999999', email: 'lookup@example.com' });
    expect(wrongEmail.state?.ok).toBe(false);
    expect(wrongEmail.state?.message).toBe(wrongNumber.state?.message);
    expect(visitor.jar.get('nw_receipts')).toBeUndefined();
    expect((await getOrder(visitor, order.id)).status).toBe(404);

    const found = await lookup(visitor, { number: order.number.replace('NW-', '').toLowerCase(), email: ' Lookup@Example.com ' });
    expect(found.redirectedTo).toBe(`/orders/${order.id}`);
    expect((await getOrder(visitor, order.id)).status).toBe(200);
  });

  it('rate-limits lookups per e-mail address', async () => {
    const visitor = device();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await lookup(visitor, { number: `NW-${500000 + i}`, email: 'target@example.com' }));
    expect(answers.slice(0, 10).every((a) => a.state?.message?.startsWith('We could not find'))).toBe(true);
    expect(answers[10]?.state?.message).toMatch(/^Too many lookups/);
  });
});

describe('confirmation e-mail', () => {
  it('is sent exactly once when the order is paid, with its own pickup code and QR code; showing the page sends nothing', async () => {
    const { order, guest, pickupCode } = await guestOrder('returning@example.com', 'paid');
    const views = await Promise.all([1, 2, 3].map(() => guest.call(() => getOrderPageData(order.id))));
    expect(views.every((v) => v.pickup?.code === pickupCode)).toBe(true);
    expect(views[0]?.pickup?.qrSvg).toContain('<svg');
    // A page render is no place for a side effect: no e-mail until the transition's own step runs.
    expect(await outboxFor('returning@example.com')).toHaveLength(0);
    // The Stripe webhook's step has no code in hand (and may be delivered several times at once).
    await Promise.all([1, 2, 3].map(() => onOrderConfirmed(order.id)));
    // The worker composes and sends it (lib/jobs): three jobs, one e-mail.
    await deliverMessages();
    expect(await sendOrderConfirmation(order.id, pickupCode)).toBe(false);

    const mail = await outboxFor('returning@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`Order ${order.number} confirmed`);
    expect(mail[0]?.text).toContain(`Your pickup code: ${pickupCode}`);
    expect(mail[0]?.text).toContain('Pickup at Riverside');
    expect(mail[0]?.text).toContain('Total: £45.00');
    expect(mail[0]?.html).toContain((await pickupQrPng(order.id, pickupCode!)).toString('base64'));
    expect(parsePickupQrPayload(pickupQrPayload(order.id, pickupCode!))).toEqual({ orderId: order.id, code: pickupCode });
    // Kept under its own kind and order, so the staff's view of the shopper's messages names it.
    const kept = await db.message.findMany({ where: { email: 'returning@example.com' }, select: { kind: true, orderId: true } });
    expect(kept).toEqual([{ kind: 'order_confirmation', orderId: order.id }]);
  });

  it("sends the order's own code for a wrong one", async () => {
    const { order, pickupCode } = await placeTestOrder(oneJacket({ email: 'wrongcode@example.com' }), { then: 'paid' });
    expect(await sendOrderConfirmation(order.id, 'AAAAAA')).toBe(true);
    await deliverMessages();
    expect((await outboxFor('wrongcode@example.com'))[0]?.text).toContain(`Your pickup code: ${pickupCode}`);
  });

  it('never sends a code that does not work: an order without a sealed code (placed before they were kept) gets a new one', async () => {
    const { order } = await placeOrder(oneJacket({ email: 'nocode@example.com' }));
    await db.order.update({ where: { id: order.id }, data: { pickupCodeSealed: null } });
    await markPaid(order.id);
    expect(await sendOrderConfirmation(order.id, 'AAAAAA')).toBe(true);
    await deliverMessages();
    const [mail] = await outboxFor('nocode@example.com');
    const code = /Your pickup code: ([A-Z2-9]{6})/.exec(mail?.text ?? '')?.[1];
    expect(code).toBeTruthy();
    const { pickupCodeHash } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { pickupCodeHash: true } });
    expect(pickupCodeMatches(order.id, code!, pickupCodeHash!)).toBe(true);
  });

  it('is not sent while the order awaits payment', async () => {
    const { order, guest } = await guestOrder('unpaid@example.com');
    const view = await guest.call(() => getOrderPageData(order.id));
    expect(view.order.status).toBe('PENDING');
    expect(view.pickup).toBeNull();
    expect(await outboxFor('unpaid@example.com')).toHaveLength(0);
  });
});

describe('account order history', () => {
  it("pages through the shopper's own orders, newest first, and never shows another shopper's", async () => {
    const me = await insertUser(db, 'history@example.com');
    const someone = await insertUser(db, 'someone@example.com');
    const session = { id: me.id, email: me.email, name: null, role: 'CUSTOMER' as const, storeIds: [] };
    const t0 = Date.now();
    const mine = [];
    for (let i = 0; i < 12; i++) {
      mine.push((await placeOrder(oneJacket({ userId: me.id, email: me.email }), new Date(t0 + i * 1000))).order);
    }
    const theirs = (await placeOrder(oneJacket({ userId: someone.id, email: someone.email }))).order;

    const first = await listOrdersForUser(session, 1);
    expect(first).toMatchObject({ page: 1, totalPages: 2, total: 12 });
    expect(first.items.map((o) => o.number)).toEqual(
      mine
        .slice(2)
        .reverse()
        .map((o) => o.number),
    );
    expect(first.items[0]).toMatchObject({ statusLabel: 'Awaiting payment', storeName: 'Riverside', itemCount: 1, totalMinor: 4500 });
    const second = await listOrdersForUser(session, 2);
    expect(second.items.map((o) => o.number)).toEqual([mine[1]!.number, mine[0]!.number]);
    expect((await listOrdersForUser(session, 99)).page).toBe(2);

    expect((await getOrderForUser(session, mine[0]!.id)).number).toBe(mine[0]!.number);
    await expect(getOrderForUser(session, theirs.id)).rejects.toMatchObject({ code: 'order_not_found', status: 404 });
  });
});

describe('send me a new pickup code', () => {
  const codeIn = (text: string | undefined) => /Your pickup code: ([A-Z2-9]{6})/.exec(text ?? '')?.[1];

  it('replaces the code, e-mails it, and shows it on the placing device only', async () => {
    const { order, guest, pickupCode } = await guestOrder('newcode@example.com', 'paid');
    await onOrderConfirmed(order.id);
    await deliverMessages();

    const result = await guest.call(() => requestNewPickupCode(null, order.id, '10.0.0.1'));
    expect(result).toEqual({ ok: true, email: 'newcode@example.com', shownHere: true });
    await deliverMessages();
    const mail = await outboxFor('newcode@example.com');
    expect(mail.map((m) => m.subject)).toEqual([`Order ${order.number} confirmed`, `Your new pickup code for order ${order.number}`]);
    const fresh = codeIn(mail[1]?.text);
    const { pickupCodeHash } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { pickupCodeHash: true } });
    expect(pickupCodeMatches(order.id, fresh!, pickupCodeHash!)).toBe(true);
    expect(pickupCodeMatches(order.id, pickupCode!, pickupCodeHash!)).toBe(false);
    expect((await guest.call(() => getOrderPageData(order.id))).pickup?.code).toBe(fresh);

    // A device that only looked the order up gets the code by e-mail, not on screen.
    const looker = device();
    await looker.call(() => rememberReceipt({ id: order.id, code: null, placed: false }));
    expect(await looker.call(() => requestNewPickupCode(null, order.id, '10.0.0.2'))).toMatchObject({ ok: true, shownHere: false });
    const view = await looker.call(() => getOrderPageData(order.id));
    expect(view.pickup).toBeNull();
    expect(view.canRequestNewCode).toBe(true);
  });

  it('is refused to staff and strangers, and limited to 3 an hour per order', async () => {
    const { order, guest } = await guestOrder('limited@example.com', 'paid');
    const staffUser = await insertUser(db, 'staff-newcode@example.com');
    const staff = device(await staffJar(staffUser, [ids.store]));
    const staffSession = { ...staffUser, name: null, role: 'STAFF' as const, storeIds: [ids.store] };
    expect(await staff.call(() => requestNewPickupCode(staffSession, order.id, '10.0.1.1'))).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await device().call(() => requestNewPickupCode(null, order.id, '10.0.1.2'))).toEqual({ ok: false, reason: 'not_found' });

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await guest.call(() => requestNewPickupCode(null, order.id, `10.0.2.${i}`)));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false]);
    expect(answers[3]).toMatchObject({ ok: false, reason: 'rate_limited' });
    await deliverMessages();
    expect((await outboxFor('limited@example.com')).filter((m) => m.subject.startsWith('Your new pickup code'))).toHaveLength(3);
  });
});
