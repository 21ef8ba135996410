export type CsvRecord = { line: number; fields: string[] };

export type CsvIssue = { line: number; message: string };

export type RetailRow = {
  line: number;
  invoiceNo: string;
  stockCode: string;
  description: string;
  quantity: number;
  unitPrice: number;
  customerId: string | null;
  country: string;
  /** Raw `InvoiceDate` when the file has that column (the full data set does). */
  invoiceDate: string | null;
};

export type RetailInvoice = {
  invoiceNo: string;
  customerId: string | null;
  /** Distinct stock codes in file order. */
  items: string[];
  /** Kept lines in file order (cancellations and Quantity <= 0 removed). */
  lines: RetailRow[];
};

const REQUIRED_COLUMNS = ['InvoiceNo', 'StockCode', 'Quantity', 'CustomerID'] as const;

/**
 * RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
 * `line` is the 1-based physical line on which the record starts.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; issues: CsvIssue[] } {
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') inQuotes = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
    i++;
  }
  if (inQuotes) issues.push({ line: recordLine, message: 'unterminated quoted field' });
  else if (field !== '' || fields.length > 0) endRecord();
  return { records, issues };
}

/** Parses the Online Retail export. Bad rows are reported with their line and left out. */
export function parseRetailCsv(text: string): { rows: RetailRow[]; issues: CsvIssue[] } {
  const { records, issues } = parseCsvRecords(text);
  const rows: RetailRow[] = [];
  const [header, ...body] = records;
  if (!header) return { rows, issues: [...issues, { line: 1, message: 'empty file' }] };

  const names = header.fields.map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    issues.push({ line: header.line, message: `missing column(s): ${missing.join(', ')}` });
    return { rows, issues };
  }
  const column = (name: string) => names.indexOf(name);
  const at = (fields: string[], name: string) => {
    const index = column(name);
    return index < 0 ? '' : (fields[index] ?? '').trim();
  };

  for (const { line, fields } of body) {
    if (fields.length !== names.length) {
      issues.push({ line, message: `expected ${names.length} fields, found ${fields.length}` });
      continue;
    }
    const invoiceNo = at(fields, 'InvoiceNo');
    const stockCode = at(fields, 'StockCode');
    const quantityText = at(fields, 'Quantity');
    const priceText = at(fields, 'UnitPrice');
    const quantity = Number(quantityText);
    const unitPrice = priceText === '' ? 0 : Number(priceText);
    if (invoiceNo === '' || stockCode === '') {
      issues.push({ line, message: 'empty InvoiceNo or StockCode' });
    } else if (quantityText === '' || !Number.isInteger(quantity)) {
      issues.push({ line, message: `Quantity is not a whole number: "${quantityText}"` });
    } else if (!Number.isFinite(unitPrice)) {
      issues.push({ line, message: `UnitPrice is not a number: "${priceText}"` });
    } else {
      const customerId = at(fields, 'CustomerID');
      const date = at(fields, 'InvoiceDate');
      rows.push({
        line,
        invoiceNo,
        stockCode,
        description: at(fields, 'Description'),
        quantity,
        unitPrice,
        customerId: customerId === '' ? null : customerId,
        country: at(fields, 'Country'),
        invoiceDate: date === '' ? null : date,
      });
    }
  }
  return { rows, issues };
}

function isKeptLine(row: RetailRow): boolean {
  return !row.invoiceNo.startsWith('C') && row.quantity > 0;
}

/** Groups kept lines into invoices, in order of each invoice's first kept line. */
export function groupInvoices(rows: readonly RetailRow[]): RetailInvoice[] {
  const byNo = new Map<string, RetailInvoice>();
  for (const row of rows) {
    if (!isKeptLine(row)) continue;
    let invoice = byNo.get(row.invoiceNo);
    if (!invoice) {
      invoice = { invoiceNo: row.invoiceNo, customerId: row.customerId, items: [], lines: [] };
      byNo.set(row.invoiceNo, invoice);
    }
    invoice.lines.push(row);
    if (!invoice.items.includes(row.stockCode)) invoice.items.push(row.stockCode);
    if (invoice.customerId === null) invoice.customerId = row.customerId;
  }
  return [...byNo.values()];
}
