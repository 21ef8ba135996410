// Online Retail order history into the shop's tables (`npm run orders:import -- <file.csv>`, scripts/cli.ts).
// Idempotent (everything is keyed by externalRef and inserted with ON CONFLICT DO NOTHING), and each
// batch of whole invoices is one transaction, so an invoice is never half-imported.
// No 'server-only': the command-line tool runs it outside Next.
import { insertRows as insert } from '../db/bulk-insert';
import { newRowId } from '../db/ids';
import type { PrismaClient } from '../generated/prisma/client';
import { addCoPurchases } from './co-purchases';
import type { CsvIssue } from './csv';
import { planHistoryImport, type ImportPlan, type PlannedInvoice, type SkippedInvoice } from './history-import';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type ImportSummary = {
  invoicesInFile: number;
  ordersImported: number;
  ordersSkippedAsDuplicates: number;
  productsCreated: number;
  customersCreated: number;
  ignoredLines: number;
  badRows: CsvIssue[];
  skippedInvoices: SkippedInvoice[];
  seconds: number;
};

const IMPORTED_CATEGORY = { slug: 'imported', name: 'Imported', description: 'Products from imported order history.' };
const BATCH = 400;
const MINUTE = 60_000;
const newId = () => newRowId('c');
const slugPart = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export function formatImportSummary(file: string, s: ImportSummary): string {
  const out = [
    `Imported ${file} in ${s.seconds.toFixed(1)} s:`,
    `  ${s.ordersImported} orders imported, ${s.ordersSkippedAsDuplicates} skipped as already imported (of ${s.invoicesInFile} invoices)`,
    `  ${s.productsCreated} products and ${s.customersCreated} customers created`,
    `  ${s.ignoredLines} cancellation or zero-quantity lines ignored`,
  ];
  if (s.badRows.length > 0) {
    out.push(`  ${s.badRows.length} bad row(s) skipped:`);
    for (const row of s.badRows.slice(0, 50)) out.push(`    line ${row.line}: ${row.message}`);
    if (s.badRows.length > 50) out.push(`    … and ${s.badRows.length - 50} more`);
  }
  if (s.skippedInvoices.length > 0) {
    out.push(
      `  ${s.skippedInvoices.length} invoice(s) not imported because of a bad row: ${s.skippedInvoices.map((i) => `${i.invoiceNo} (line ${i.lines.join(', ')})`).join('; ')}`,
    );
  }
  return out.join('\n');
}

export async function importOrderHistory(db: PrismaClient, text: string, options: { now?: Date } = {}): Promise<ImportSummary> {
  const started = Date.now();
  const plan = planHistoryImport(text);
  const summary: ImportSummary = {
    invoicesInFile: plan.invoices.length + plan.skippedInvoices.length,
    ordersImported: 0,
    ordersSkippedAsDuplicates: 0,
    productsCreated: 0,
    customersCreated: 0,
    ignoredLines: plan.ignoredLines,
    badRows: plan.badRows,
    skippedInvoices: plan.skippedInvoices,
    seconds: 0,
  };

  const existing = await db.order.findMany({
    where: { externalRef: { in: plan.invoices.map((i) => i.invoiceNo) } },
    select: { externalRef: true },
  });
  const done = new Set(existing.map((o) => o.externalRef));
  const fresh = plan.invoices.filter((i) => !done.has(i.invoiceNo));
  summary.ordersSkippedAsDuplicates = plan.invoices.length - fresh.length;
  if (fresh.length === 0) return { ...summary, seconds: (Date.now() - started) / 1000 };

  const now = (options.now ?? new Date()).getTime();
  const categoryId = await ensureImportedCategory(db);
  const placedAt = await undatedSchedule(db, fresh, now);
  const products = new Map<string, string>();
  const customers = new Map<string, { id: string; email: string }>();

  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    const counts = await db.$transaction(
      async (tx) => {
        const productsCreated = await ensureProducts(tx, plan, batch, products, categoryId, now);
        const customersCreated = await ensureCustomers(tx, batch, customers, now);
        const ordersImported = await insertOrders(tx, batch, products, customers, placedAt, now);
        return { productsCreated, customersCreated, ordersImported };
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
    summary.productsCreated += counts.productsCreated;
    summary.customersCreated += counts.customersCreated;
    summary.ordersImported += counts.ordersImported;
  }
  summary.ordersSkippedAsDuplicates = plan.invoices.length - summary.ordersImported;
  await db.$executeRawUnsafe('ANALYZE "Order", "OrderLine", "CoPurchase", "Product", "Variant", "User"');
  return { ...summary, seconds: (Date.now() - started) / 1000 };
}

// New rows only; RETURNING tells which rows are new.
const insertRows = <T>(tx: Tx, table: string, rows: object[], returning: string) =>
  insert<T>(tx, table, rows, { skipExisting: true, returning });

async function ensureImportedCategory(db: PrismaClient): Promise<string> {
  const { slug, name, description } = IMPORTED_CATEGORY;
  const category = await db.category.upsert({ where: { slug }, create: { slug, name, description, position: 99 }, update: {} });
  return category.id;
}

// Files without InvoiceDate: one minute apart in file order, ending now, and after any earlier undated import.
async function undatedSchedule(db: PrismaClient, invoices: PlannedInvoice[], now: number): Promise<Map<string, Date>> {
  const undated = invoices.filter((i) => i.placedAt === null);
  const schedule = new Map<string, Date>();
  if (undated.length === 0) return schedule;
  const latest = await db.order.aggregate({ where: { channel: 'IMPORT', externalRef: { not: null } }, _max: { placedAt: true } });
  const after = (latest._max.placedAt?.getTime() ?? 0) + MINUTE;
  const start = Math.max(now - (undated.length - 1) * MINUTE, Math.min(after, now));
  undated.forEach((invoice, n) => schedule.set(invoice.invoiceNo, new Date(start + n * MINUTE)));
  return schedule;
}

async function ensureProducts(
  tx: Tx,
  plan: ImportPlan,
  batch: PlannedInvoice[],
  products: Map<string, string>,
  categoryId: string,
  now: number,
) {
  const codes = [...new Set(batch.flatMap((i) => i.items))].filter((code) => !products.has(code));
  if (codes.length === 0) return 0;
  const known = await tx.product.findMany({ where: { externalRef: { in: codes } }, select: { id: true, externalRef: true } });
  for (const p of known) products.set(p.externalRef!, p.id);
  // A variant already sold under that SKU stands for the stock code.
  const bySku = await tx.variant.findMany({
    where: { sku: { in: codes.filter((c) => !products.has(c)) } },
    select: { sku: true, productId: true },
  });
  for (const v of bySku) products.set(v.sku, v.productId);
  const missing = plan.products.filter((p) => codes.includes(p.stockCode) && !products.has(p.stockCode));
  if (missing.length === 0) return 0;

  const candidates = missing.map((p) => `${slugPart(p.name) || 'item'}-${slugPart(p.stockCode)}`);
  const taken = new Set((await tx.product.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((p) => p.slug));
  const at = new Date(now).toISOString();
  const rows = missing.map((p, n) => {
    let slug = candidates[n]!;
    for (let k = 2; taken.has(slug); k++) slug = `${candidates[n]}-${k}`;
    taken.add(slug);
    return {
      id: newId(),
      slug,
      name: p.name,
      description: `${p.name} (stock code ${p.stockCode}).`,
      categoryId,
      tags: [],
      externalRef: p.stockCode,
      createdAt: at,
      updatedAt: at,
    };
  });
  const created = await insertRows<{ id: string; externalRef: string }>(tx, 'Product', rows, '"id", "externalRef"');
  const price = new Map(missing.map((p) => [p.stockCode, p.priceMinor]));
  await insertRows(
    tx,
    'Variant',
    created.map((p) => ({ id: newId(), productId: p.id, sku: p.externalRef, priceMinor: price.get(p.externalRef) ?? 0 })),
    '"id"',
  );
  const all = await tx.product.findMany({
    where: { externalRef: { in: missing.map((p) => p.stockCode) } },
    select: { id: true, externalRef: true },
  });
  for (const p of all) products.set(p.externalRef!, p.id);
  return created.length;
}

async function ensureCustomers(tx: Tx, batch: PlannedInvoice[], customers: Map<string, { id: string; email: string }>, now: number) {
  const ids = [...new Set(batch.map((i) => i.customerId).filter((c): c is string => c !== null && !customers.has(c)))];
  if (ids.length === 0) return 0;
  const at = new Date(now).toISOString();
  const rows = ids.map((ref) => ({
    id: newId(),
    email: `customer-${slugPart(ref)}@import.invalid`,
    role: 'CUSTOMER',
    externalRef: ref,
    emailConsent: false,
    createdAt: at,
    updatedAt: at,
  }));
  const created = await insertRows(tx, 'User', rows, '"id"');
  const all = await tx.user.findMany({ where: { externalRef: { in: ids } }, select: { id: true, email: true, externalRef: true } });
  for (const u of all) customers.set(u.externalRef!, { id: u.id, email: u.email });
  return created.length;
}

async function insertOrders(
  tx: Tx,
  batch: PlannedInvoice[],
  products: Map<string, string>,
  customers: Map<string, { id: string; email: string }>,
  schedule: Map<string, Date>,
  now: number,
) {
  const at = new Date(now).toISOString();
  const orders = batch.map((invoice) => {
    const customer = invoice.customerId ? customers.get(invoice.customerId) : undefined;
    const placed = (invoice.placedAt ?? schedule.get(invoice.invoiceNo) ?? new Date(now)).toISOString();
    return {
      id: newId(),
      number: `IMP-${invoice.invoiceNo}`,
      userId: customer?.id ?? null,
      email: customer?.email ?? 'guest@import.invalid',
      status: 'COMPLETED',
      channel: 'IMPORT',
      fulfilment: 'DELIVERY',
      currency: 'GBP',
      subtotalMinor: invoice.subtotalMinor,
      totalMinor: invoice.subtotalMinor,
      externalRef: invoice.invoiceNo,
      placedAt: placed,
      paidAt: placed,
      createdAt: at,
      updatedAt: at,
    };
  });
  const inserted = await insertRows<{ id: string; externalRef: string }>(tx, 'Order', orders, '"id", "externalRef"');
  if (inserted.length === 0) return 0;
  const byInvoice = new Map(batch.map((i) => [i.invoiceNo, i]));
  const lines = inserted.flatMap((order) =>
    (byInvoice.get(order.externalRef)?.lines ?? []).map((line, position) => {
      const productId = products.get(line.stockCode);
      if (!productId) throw new Error(`No product for stock code ${line.stockCode}`);
      return {
        id: newId(),
        orderId: order.id,
        productId,
        name: line.name,
        sku: line.stockCode,
        unitPriceMinor: line.unitPriceMinor,
        quantity: line.quantity,
        position,
      };
    }),
  );
  await insertRows(tx, 'OrderLine', lines, '"id"');
  const basketOf = (invoice: PlannedInvoice | undefined) => (invoice?.items ?? []).map((code) => products.get(code) ?? '');
  await addCoPurchases(
    tx,
    inserted.map((o) => basketOf(byInvoice.get(o.externalRef))),
  );
  return inserted.length;
}
