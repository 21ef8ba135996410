import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { importOrderHistory } from '@/lib/recommendations/order-import';
import { createTestDatabase } from '../helpers/db';

const { db } = await createTestDatabase();

// The first 1,500 lines of the real training file: cancellations, guests and repeat customers included.
const sample = readFileSync(new URL('../../../shared/data/online-retail/train.csv', import.meta.url), 'utf8')
  .split('\n')
  .slice(0, 1500)
  .join('\n');

const counts = async (client: Db) => ({
  orders: await client.order.count(),
  lines: await client.orderLine.count(),
  products: await client.product.count(),
  variants: await client.variant.count(),
  users: await client.user.count(),
  coPurchaseTotal: (await client.coPurchase.aggregate({ _sum: { count: true } }))._sum.count ?? 0,
});

describe('npm run orders:import', () => {
  it('imports orders, products and customers, and a second run changes nothing', async () => {
    const first = await importOrderHistory(db, sample);
    expect(first.ordersImported).toBeGreaterThan(50);
    expect(first.badRows).toEqual([]);
    const after = await counts(db);
    expect(after.orders).toBe(first.ordersImported);
    expect(after.products).toBe(first.productsCreated);
    const order = await db.order.findUniqueOrThrow({ where: { externalRef: '536365' }, include: { lines: true, user: true } });
    expect(order).toMatchObject({
      status: 'COMPLETED',
      channel: 'IMPORT',
      fulfilment: 'DELIVERY',
      subtotalMinor: 13912,
      totalMinor: 13912,
    });
    expect(order.user?.externalRef).toBe('17850');
    expect(order.lines).toHaveLength(7);
    const heart = await db.product.findUniqueOrThrow({ where: { externalRef: '85123A' }, include: { variants: true, category: true } });
    expect(heart).toMatchObject({ name: 'WHITE HANGING HEART T-LIGHT HOLDER', category: { slug: 'imported' } });
    expect(heart.variants).toEqual([expect.objectContaining({ sku: '85123A', priceMinor: 255 })]);
    expect(await db.order.count({ where: { externalRef: { startsWith: 'C' } } })).toBe(0);

    const second = await importOrderHistory(db, sample);
    expect(second).toMatchObject({
      ordersImported: 0,
      ordersSkippedAsDuplicates: first.ordersImported,
      productsCreated: 0,
      customersCreated: 0,
    });
    expect(await counts(db)).toEqual(after);
  });

  it('reports bad rows by line number and imports no part of their invoice', async () => {
    const csv = [
      'InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country',
      '900001,BAD1,GOOD ITEM ONE,2,1.50,99001,United Kingdom',
      '900001,BAD2,GOOD ITEM TWO,1,2.00,99001,United Kingdom',
      '900002,BAD1,GOOD ITEM ONE,1,1.50,99002,United Kingdom',
      '900002,BAD3,"BROKEN, QUANTITY",two,2.00,99002,United Kingdom',
      '900003,BAD4,TOO FEW FIELDS,1',
      '900004,BAD5,NEGATIVE PRICE,1,-3,99003,United Kingdom',
      'C900005,BAD1,CANCELLED,-1,1.50,99001,United Kingdom',
      '900006,BAD2,GUEST ORDER,3,2.00,,United Kingdom',
    ].join('\n');
    const before = await counts(db);
    const summary = await importOrderHistory(db, csv);
    expect(summary.badRows.map((r) => r.line)).toEqual([5, 6, 7]);
    expect(summary.badRows[0]!.message).toMatch(/Quantity/);
    expect(summary.skippedInvoices.map((i) => i.invoiceNo).sort()).toEqual(['900002', '900003', '900004']);
    expect(summary).toMatchObject({ ordersImported: 2, ignoredLines: 1 });
    expect(
      (await db.order.findMany({ where: { externalRef: { startsWith: '9000' } }, select: { externalRef: true } }))
        .map((o) => o.externalRef)
        .sort(),
    ).toEqual(['900001', '900006']);
    // Invoice 900002's good line (line 4) was not imported on its own.
    expect(await db.orderLine.count({ where: { order: { externalRef: '900002' } } })).toBe(0);
    const guest = await db.order.findUniqueOrThrow({ where: { externalRef: '900006' } });
    expect(guest).toMatchObject({ userId: null, subtotalMinor: 600 });
    const after = await counts(db);
    expect(after.orders - before.orders).toBe(2);
    // BAD1 + BAD2 bought together once.
    expect(after.coPurchaseTotal - before.coPurchaseTotal).toBe(1);
  });

  it('rejects a file without the required columns, writing nothing', async () => {
    const before = await counts(db);
    const summary = await importOrderHistory(db, 'Invoice,Code\n1,2\n');
    expect(summary.badRows).toEqual([{ line: 1, message: expect.stringMatching(/missing column/) }]);
    expect(summary.ordersImported).toBe(0);
    expect(await counts(db)).toEqual(before);
  });
});
