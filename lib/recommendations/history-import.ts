// Pure planning for `npm run orders:import`: what an Online Retail CSV asks the database to hold.
// Every check happens here, before anything is written, so an invoice is imported whole or not at all.
import { groupInvoices, parseCsvRecords, parseRetailCsv, type CsvIssue } from './csv';

type PlannedLine = { stockCode: string; name: string; unitPriceMinor: number; quantity: number };

export type PlannedInvoice = {
  invoiceNo: string;
  customerId: string | null;
  lines: PlannedLine[];
  /** Distinct stock codes, in file order. */
  items: string[];
  subtotalMinor: number;
  /** From InvoiceDate when the file has it; otherwise the importer spaces invoices in file order. */
  placedAt: Date | null;
};

type PlannedProduct = { stockCode: string; name: string; priceMinor: number };

export type SkippedInvoice = { invoiceNo: string; lines: number[] };

export type ImportPlan = {
  invoices: PlannedInvoice[];
  products: PlannedProduct[];
  customerIds: string[];
  /** Rows that could not be read or fail a check, by physical line number. */
  badRows: CsvIssue[];
  /** Invoices left out because one of their rows is bad (never half-imported). */
  skippedInvoices: SkippedInvoice[];
  /** Cancellations and lines with Quantity <= 0. */
  ignoredLines: number;
};

const MAX_INT = 2_147_483_647;
// Pence from a price in pounds read as a decimal: 1.255 → 126 (plain Math.round(1.255 * 100) gives 125).
const toMinor = (pounds: number) => Math.round(Number((pounds * 100).toFixed(6)));

export function planHistoryImport(text: string): ImportPlan {
  const { rows, issues } = parseRetailCsv(text);
  const badRows: CsvIssue[] = [...issues];
  const tainted = new Map<string, number[]>();
  const taint = (invoiceNo: string, line: number) => tainted.set(invoiceNo, [...(tainted.get(invoiceNo) ?? []), line]);

  if (issues.length > 0) {
    // The parser leaves bad rows out; find the invoice each belonged to, so that invoice is skipped whole.
    const { records } = parseCsvRecords(text);
    const column = records[0]?.fields.map((f) => f.trim()).indexOf('InvoiceNo') ?? -1;
    const byLine = new Map(records.map((r) => [r.line, r.fields]));
    for (const issue of issues) {
      const invoiceNo = column >= 0 ? byLine.get(issue.line)?.[column]?.trim() : undefined;
      if (invoiceNo) taint(invoiceNo, issue.line);
    }
  }

  let ignoredLines = 0;
  for (const row of rows) {
    if (row.invoiceNo.startsWith('C') || row.quantity <= 0) {
      ignoredLines++;
      continue;
    }
    const problem =
      row.unitPrice < 0
        ? `UnitPrice is negative: ${row.unitPrice}`
        : toMinor(row.unitPrice) > MAX_INT || row.quantity > 1_000_000
          ? 'Quantity or UnitPrice is out of range'
          : row.invoiceDate !== null && parseInvoiceDate(row.invoiceDate) === null
            ? `InvoiceDate is not a date: "${row.invoiceDate}"`
            : null;
    if (problem) {
      badRows.push({ line: row.line, message: problem });
      taint(row.invoiceNo, row.line);
    }
  }

  const invoices: PlannedInvoice[] = [];
  const products = new Map<string, PlannedProduct>();
  const customerIds = new Set<string>();
  for (const invoice of groupInvoices(rows)) {
    if (tainted.has(invoice.invoiceNo)) continue;
    const lines = invoice.lines.map((row) => ({
      stockCode: row.stockCode,
      name: row.description || `Stock item ${row.stockCode}`,
      unitPriceMinor: toMinor(row.unitPrice),
      quantity: row.quantity,
    }));
    const subtotalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
    if (subtotalMinor > MAX_INT) {
      const first = invoice.lines[0]?.line ?? 0;
      badRows.push({ line: first, message: `invoice ${invoice.invoiceNo} totals more than the largest amount an order can hold` });
      taint(invoice.invoiceNo, first);
      continue;
    }
    const firstDate = invoice.lines[0]?.invoiceDate;
    invoices.push({
      invoiceNo: invoice.invoiceNo,
      customerId: invoice.customerId,
      lines,
      items: invoice.items,
      subtotalMinor,
      placedAt: firstDate ? parseInvoiceDate(firstDate) : null,
    });
    if (invoice.customerId) customerIds.add(invoice.customerId);
    for (const line of lines) {
      if (!products.has(line.stockCode))
        products.set(line.stockCode, { stockCode: line.stockCode, name: line.name, priceMinor: line.unitPriceMinor });
    }
  }

  badRows.sort((a, b) => a.line - b.line);
  const skippedInvoices = [...tainted].filter(([no]) => !no.startsWith('C')).map(([invoiceNo, lines]) => ({ invoiceNo, lines }));
  return { invoices, products: [...products.values()], customerIds: [...customerIds], badRows, skippedInvoices, ignoredLines };
}

/** "12/1/2010 8:26" (the UCI export, month first) or ISO "2010-12-01 08:26[:00]", as London wall-clock time. */
export function parseInvoiceDate(text: string): Date | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const parts = us ? [us[3], us[1], us[2], us[4], us[5], us[6]] : iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : null;
  if (!parts) return null;
  const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCDate() !== d) return null;
  return new Date(wall - londonOffsetMs(wall));
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// London's offset from UTC at about that moment (0 in winter, one hour in summer).
function londonOffsetMs(utcGuess: number): number {
  const p = Object.fromEntries(londonParts.formatToParts(new Date(utcGuess)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - utcGuess;
}
