import { describe, expect, it } from 'vitest';
import { groupInvoices, parseCsvRecords, parseRetailCsv } from '../../../lib/recommendations/csv';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country';

describe('parseCsvRecords', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,b\r\n1,"x, ""y"""\r\n2,"multi\nline"\r\n3,z\r\n';
    const { records, issues } = parseCsvRecords(text);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x, "y"'] },
      { line: 3, fields: ['2', 'multi\nline'] },
      { line: 5, fields: ['3', 'z'] },
    ]);
  });

  it('reports an unterminated quote at the line where its record starts', () => {
    const { records, issues } = parseCsvRecords('a,b\n1,"open\n2,x\n');
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(issues).toEqual([{ line: 2, message: 'unterminated quoted field' }]);
  });
});

describe('parseRetailCsv', () => {
  it('parses rows with quoted descriptions, guests and 1-based line numbers', () => {
    const text = [
      HEADER,
      '536381,82567,"AIRLINE LOUNGE,METAL SIGN",2,2.1,15311,United Kingdom',
      '536477,22041,"RECORD FRAME 7"" SINGLE SIZE ",48,2.1,,United Kingdom',
    ].join('\r\n');
    const { rows, issues } = parseRetailCsv(text);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        invoiceNo: '536381',
        stockCode: '82567',
        description: 'AIRLINE LOUNGE,METAL SIGN',
        quantity: 2,
        unitPrice: 2.1,
        customerId: '15311',
        country: 'United Kingdom',
        invoiceDate: null,
      },
      expect.objectContaining({ line: 3, description: 'RECORD FRAME 7" SINGLE SIZE', customerId: null }),
    ]);
  });

  it('reports bad rows with their line numbers and keeps the good ones', () => {
    const text = [
      HEADER,
      '1,A,ok,1,1.0,7,UK',
      '1,B,too,few',
      '1,C,bad quantity,two,1.0,7,UK',
      '1,,no code,1,1.0,7,UK',
      '1,D,bad price,1,abc,7,UK',
      '2,E,ok,3,1.0,,UK',
    ].join('\n');
    const { rows, issues } = parseRetailCsv(text);
    expect(rows.map((row) => [row.line, row.stockCode])).toEqual([
      [2, 'A'],
      [7, 'E'],
    ]);
    expect(issues.map((issue) => issue.line)).toEqual([3, 4, 5, 6]);
    expect(issues[0]?.message).toBe('expected 7 fields, found 4');
  });

  it('refuses a file without the required columns', () => {
    const { rows, issues } = parseRetailCsv('InvoiceNo,Description\n1,x\n');
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ line: 1, message: 'missing column(s): StockCode, Quantity, CustomerID' }]);
  });

  it('finds columns by name, whatever their order', () => {
    const { rows } = parseRetailCsv('CustomerID,Quantity,StockCode,InvoiceNo\n9,2,X,100\n');
    expect(rows[0]).toMatchObject({ invoiceNo: '100', stockCode: 'X', quantity: 2, customerId: '9' });
  });
});

describe('groupInvoices', () => {
  it('skips cancellations and non-positive quantities and keeps distinct codes in file order', () => {
    const text = [
      HEADER,
      '10,B,x,1,1,5,UK',
      '10,A,x,2,1,5,UK',
      '10,B,x,1,1,5,UK',
      '10,Z,x,0,1,5,UK',
      'C11,A,x,-1,1,5,UK',
      '12,Q,x,-3,1,,UK',
      '13,C,x,1,1,,UK',
    ].join('\n');
    const invoices = groupInvoices(parseRetailCsv(text).rows);
    expect(invoices.map(({ invoiceNo, customerId, items }) => ({ invoiceNo, customerId, items }))).toEqual([
      { invoiceNo: '10', customerId: '5', items: ['B', 'A'] },
      { invoiceNo: '13', customerId: null, items: ['C'] },
    ]);
    expect(invoices[0]?.lines.map((line) => line.line)).toEqual([2, 3, 4]);
  });
});
