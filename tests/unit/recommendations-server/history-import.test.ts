import { describe, expect, it } from 'vitest';
import { parseInvoiceDate, planHistoryImport } from '@/lib/recommendations/history-import';

const header = 'InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country';

describe('planning an order history import', () => {
  it('keeps invoices in file order with prices in pence, and skips cancellations and returns', () => {
    const plan = planHistoryImport(
      [
        header,
        '1,A,"MUG, ENAMEL",2,1.255,10,UK',
        '1,B,TOWEL,1,3,10,UK',
        '1,A,"MUG, ENAMEL",1,1.255,10,UK',
        'C2,A,MUG,-1,1.25,10,UK',
        '3,B,TOWEL,0,3,,UK',
        '4,C,,1,0.5,,UK',
      ].join('\n'),
    );
    expect(plan.invoices.map((i) => [i.invoiceNo, i.items, i.subtotalMinor])).toEqual([
      ['1', ['A', 'B'], 3 * 126 + 300],
      ['4', ['C'], 50],
    ]);
    expect(plan.products).toEqual([
      { stockCode: 'A', name: 'MUG, ENAMEL', priceMinor: 126 },
      { stockCode: 'B', name: 'TOWEL', priceMinor: 300 },
      { stockCode: 'C', name: 'Stock item C', priceMinor: 50 },
    ]);
    expect(plan.customerIds).toEqual(['10']);
    expect(plan.ignoredLines).toBe(2);
    expect(plan.badRows).toEqual([]);
  });

  it('leaves out a whole invoice when one of its rows is bad, naming the line', () => {
    const plan = planHistoryImport([header, '1,A,MUG,1,1,10,UK', '1,B,TOWEL,x,1,10,UK', '2,A,MUG,1,1,11,UK'].join('\n'));
    expect(plan.invoices.map((i) => i.invoiceNo)).toEqual(['2']);
    expect(plan.skippedInvoices).toEqual([{ invoiceNo: '1', lines: [3] }]);
    expect(plan.badRows).toEqual([{ line: 3, message: expect.stringContaining('Quantity') }]);
  });

  it('reads InvoiceDate as London time', () => {
    expect(parseInvoiceDate('12/1/2010 8:26')?.toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(parseInvoiceDate('2011-06-01 09:00')?.toISOString()).toBe('2011-06-01T08:00:00.000Z');
    expect(parseInvoiceDate('2/30/2011 10:00')).toBeNull();
    expect(parseInvoiceDate('yesterday')).toBeNull();
  });
});
