import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cookiesMock, device, json, type Device } from './cart-fixtures';
import { insertCheckoutWorld, oneJacket } from './orders-fixtures';
import { demoPaymentsOnly } from '../helpers/orders';
import { deliverMessages } from '../helpers/messages';

// Order numbers are random, and finding an order by number and e-mail lets a device look, not cancel: cancelling
// from there takes a one-time code e-mailed to the order. Before, numbers counted up from NW-100001 and a lookup
// receipt could cancel.
vi.mock('next/headers', () => cookiesMock());
// The page's cache is Next's, outside a request here.
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { createTestDatabase } = await import('../helpers/db');
const { db } = await createTestDatabase();
const { placeOrder } = await import('@/lib/checkout/place-order');
const { rememberReceipt } = await import('@/lib/orders/receipts');
const { getOrderPageData } = await import('@/lib/orders/page-data');
const { cancelOrder } = await import('@/lib/orders/cancel');
const { currentOrderViewer } = await import('@/lib/orders/access');
const { lookupOrderAction, cancelOrderAction, sendCancelCodeAction } = await import('@/components/orders/actions');
const orderRoute = await import('@/app/api/v1/orders/[id]/route');
const cancelRoute = await import('@/app/api/v1/orders/[id]/cancel/route');
const cancelCodeRoute = await import('@/app/api/v1/orders/[id]/cancel-code/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');

beforeAll(async () => {
  await demoPaymentsOnly({ SMTP_URL: undefined });
  await insertCheckoutWorld(db, { jacketsAtStore: 500 });
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const getOrder = (d: Device, id: string) => d.call(() => orderRoute.GET(json('GET', `/api/v1/orders/${id}`), ctx(id)));
const cancel = (d: Device, id: string, body?: unknown) =>
  d.call(() => cancelRoute.POST(json('POST', `/api/v1/orders/${id}/cancel`, body), ctx(id)));
const askCode = (d: Device, id: string) => d.call(() => cancelCodeRoute.POST(json('POST', `/api/v1/orders/${id}/cancel-code`), ctx(id)));
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const statusOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const codesSentTo = async (to: string) => {
  await deliverMessages();
  const mail = await db.outboxMessage.findMany({
    where: { to, subject: { startsWith: 'Your code to cancel' } },
    orderBy: { createdAt: 'asc' },
  });
  return mail.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]);
};

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

// A guest's order as checkout leaves it (the placing device holds its receipt), and a second device that finds it
// by number and e-mail.
async function placedAndLookedUp(email: string) {
  const placed = await placeOrder(oneJacket({ email, paymentProvider: 'PAY_AT_PICKUP' }));
  const placing = device();
  await placing.call(() => rememberReceipt({ id: placed.order.id, code: placed.pickupCode, placed: true }));
  const looker = device();
  try {
    await looker.call(() => lookupOrderAction(undefined, form({ number: placed.order.number.toLowerCase().replace('-', ' '), email })));
    throw new Error('the lookup did not redirect');
  } catch (error) {
    expect((error as { digest?: string }).digest ?? '').toContain(`/orders/${placed.order.id}`);
  }
  return { order: placed.order, placing, looker };
}

describe('order numbers', () => {
  it('are random, short and readable, and unique', async () => {
    const numbers = [];
    for (let i = 0; i < 40; i++) numbers.push((await placeOrder(oneJacket({ email: `n${i}@example.com` }))).order.number);
    for (const n of numbers) expect(n).toMatch(/^NW-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(numbers).size).toBe(40);
    // Not a count: no two consecutive orders have neighbouring numbers, and none follows the imported NW-100605.
    expect(numbers).not.toContain('NW-100606');
    const sorted = [...numbers].sort();
    expect(sorted).not.toEqual(numbers);
  });
});

describe('a device that looked the order up', () => {
  it('sees the order but cannot cancel it without the e-mailed code; the placing device can', async () => {
    const { order, placing, looker } = await placedAndLookedUp('lookup-cancel@example.com');
    expect((await getOrder(looker, order.id)).status).toBe(200);
    const lookerView = await looker.call(() => getOrderPageData(order.id));
    expect(lookerView).toMatchObject({ cancel: 'code', pickup: null });
    expect((await placing.call(() => getOrderPageData(order.id))).cancel).toBe('direct');

    const refused = await cancel(looker, order.id);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('cancel_code_required');
    expect(await statusOf(order.id)).toBe('CONFIRMED');

    const sent = await askCode(looker, order.id);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ sentTo: 'lookup-cancel@example.com' });
    const [code] = await codesSentTo('lookup-cancel@example.com');
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await cancel(looker, order.id, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(403);
    expect(await errorCode(wrong)).toBe('cancel_code_invalid');
    expect(await statusOf(order.id)).toBe('CONFIRMED');

    const done = await cancel(looker, order.id, { code });
    expect(done.status).toBe(200);
    expect(await statusOf(order.id)).toBe('CANCELLED');
    expect(await db.orderCancelCode.count({ where: { orderId: order.id } })).toBe(0);
  });

  it('the placing device cancels at once, with no code', async () => {
    const { order, placing } = await placedAndLookedUp('placing-cancel@example.com');
    expect((await cancel(placing, order.id)).status).toBe(200);
    expect(await codesSentTo('placing-cancel@example.com')).toEqual([]);
  });

  it('a code stops working after 5 wrong tries and after 15 minutes', async () => {
    const { order, looker } = await placedAndLookedUp('guessing@example.com');
    expect((await askCode(looker, order.id)).status).toBe(202);
    const [code] = await codesSentTo('guessing@example.com');
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await cancel(looker, order.id, { code: wrong })).status).toBe(403);
    expect((await cancel(looker, order.id, { code })).status).toBe(403);
    expect(await statusOf(order.id)).toBe('CONFIRMED');

    expect((await askCode(looker, order.id)).status).toBe(202);
    const fresh = (await codesSentTo('guessing@example.com'))[1]!;
    const viewer = await looker.call(() => currentOrderViewer());
    const later = new Date(Date.now() + 16 * 60_000);
    await expect(cancelOrder(viewer, order.id, { code: fresh, now: later })).rejects.toMatchObject({
      code: 'cancel_code_invalid',
      status: 403,
    });
    expect(await statusOf(order.id)).toBe('CONFIRMED');
  });

  it('codes are sent at most 3 times an hour per order, and only to a device that can see the order', async () => {
    const { order, looker } = await placedAndLookedUp('limits@example.com');
    expect((await askCode(device(), order.id)).status).toBe(404);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await askCode(looker, order.id)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(await codesSentTo('limits@example.com')).toHaveLength(3);
  });

  it('cancels through the page’s actions: a code e-mailed, then typed in', async () => {
    const { order, looker } = await placedAndLookedUp('page-cancel@example.com');
    const without = await looker.call(() => cancelOrderAction(undefined, form({ orderId: order.id, code: '' })));
    expect(without).toMatchObject({ ok: false, message: 'To cancel, enter the code we e-mail to page-cancel@example.com.' });
    expect(await looker.call(() => sendCancelCodeAction(undefined, form({ orderId: order.id })))).toMatchObject({ ok: true });
    const [code] = await codesSentTo('page-cancel@example.com');
    const kept = await db.message.findMany({ where: { email: 'page-cancel@example.com', kind: 'cancel_code' }, select: { orderId: true } });
    expect(kept).toEqual([{ orderId: order.id }]);
    expect(await looker.call(() => cancelOrderAction(undefined, form({ orderId: order.id, code: code! })))).toMatchObject({ ok: true });
    expect(await statusOf(order.id)).toBe('CANCELLED');
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await (await openApiRoute.GET(json('GET', '/api/v1/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/api/v1/orders/{id}/cancel-code']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['202', '404', '429']),
    );
    expect(JSON.stringify(doc.paths['/api/v1/orders/{id}/cancel']?.post)).toContain('cancel_code_required');
  });
});
