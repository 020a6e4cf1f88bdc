import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLedger, readLedgerCsv, readLedgerText } from '../../src/ledger/index.js';
import { creditNote, invoice, payment } from './helpers.js';

describe('parseLedger', () => {
  it('reads the example ledger and fills missing arrays', () => {
    const example = JSON.parse(readFileSync('examples/data/ledger.json', 'utf8'));
    expect(parseLedger(example).isOk()).toBe(true);
    expect(parseLedger({})._unsafeUnwrap().allocations).toEqual([]);
  });

  it('refuses amounts beyond the minor unit, bad dates and unknown currencies', () => {
    const e = parseLedger({ payments: [payment('P', '10.005')] })._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_input', path: ['payments', 0, 'amount'] });
    const jpy = parseLedger({ invoices: [invoice('I', '100.5', { currency: 'JPY' })] });
    expect(jpy._unsafeUnwrapErr().path).toEqual(['invoices', 0, 'amount']);
    const date = parseLedger({ invoices: [invoice('I', '1.00', { dueDate: '2026-02-30' })] });
    expect(date._unsafeUnwrapErr().path).toEqual(['invoices', 0, 'dueDate']);
    const ccy = parseLedger({ invoices: [invoice('I', '1.00', { currency: 'EURO' })] });
    expect(ccy._unsafeUnwrapErr().path).toEqual(['invoices', 0, 'currency']);
    const num = parseLedger({ payments: [{ ...payment('P', '1'), amount: 10 }] });
    expect(num._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('refuses duplicate ids and dangling references, with their path', () => {
    const dup = parseLedger({
      payments: [payment('X', '1.00')],
      creditNotes: [creditNote('X', '1.00')],
    });
    expect(dup._unsafeUnwrapErr()).toMatchObject({
      code: 'duplicate_id',
      kind: 'source',
      path: ['creditNotes', 0, 'id'],
    });
    const dangling = parseLedger({
      payments: [payment('P', '1.00')],
      allocations: [{ id: 'A', sourceId: 'P', itemId: 'NOPE', amount: '1.00', date: '2026-02-01' }],
    });
    expect(dangling._unsafeUnwrapErr()).toMatchObject({
      code: 'not_found',
      kind: 'item',
      id: 'NOPE',
      path: ['allocations', 0, 'itemId'],
    });
    const customer = parseLedger({
      customers: [{ id: 'C9', name: 'Other' }],
      invoices: [invoice('I', '1.00')],
    });
    expect(customer._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', kind: 'customer' });
  });

  it('refuses instalments that do not add up and allocations across currencies or to drafts', () => {
    const parts = [
      { id: 'I/1', dueDate: '2026-02-01', amount: '50.00' },
      { id: 'I/2', dueDate: '2026-03-01', amount: '49.99' },
    ];
    const bad = parseLedger({ invoices: [invoice('I', '100.00', { instalments: parts })] });
    expect(bad._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['invoices', 0, 'instalments'],
    });
    const alloc = (inv: ReturnType<typeof invoice>) =>
      parseLedger({
        invoices: [inv],
        payments: [payment('P', '1.00')],
        allocations: [{ id: 'A', sourceId: 'P', itemId: 'I', amount: '1.00', date: '2026-02-01' }],
      })._unsafeUnwrapErr().code;
    expect(alloc(invoice('I', '1.00', { currency: 'USD' }))).toBe('currency_mismatch');
    expect(alloc(invoice('I', '1.00', { customerId: 'C2' }))).toBe('customer_mismatch');
    expect(alloc(invoice('I', '1.00', { status: 'draft' }))).toBe('not_allocatable');
  });
});

describe('readLedgerCsv', () => {
  const csv = [
    'type,id,customerId,currency,date,dueDate,amount,sourceId,itemId,invoiceId,name,until',
    'customer,C1,,,,,,,,,"Acme, Inc.",',
    'invoice,INV-1,C1,EUR,2026-01-01,2026-01-31,300.00,,,,,',
    'instalment,INV-1/1,,,,2026-01-31,100.00,,,INV-1,,',
    'instalment,INV-1/2,,,,2026-02-28,200.00,,,INV-1,,',
    'dispute,,,,2026-02-01,,,,,INV-1,,2026-02-10',
    'payment,P-1,C1,EUR,2026-02-05,,150.00,,,,,',
    'allocation,A-1,,,2026-02-05,,100.00,P-1,INV-1/1,,,',
  ].join('\n');

  it('reads one record per line, instalments and disputes joined to their invoice', () => {
    const ledger = readLedgerCsv(csv)._unsafeUnwrap();
    expect(ledger.customers).toEqual([{ id: 'C1', name: 'Acme, Inc.' }]);
    expect(ledger.invoices[0]!.instalments!.map((p) => p.id)).toEqual(['INV-1/1', 'INV-1/2']);
    expect(ledger.invoices[0]!.disputes).toEqual([{ from: '2026-02-01', until: '2026-02-10' }]);
    expect(ledger.allocations[0]).toEqual({
      id: 'A-1',
      sourceId: 'P-1',
      itemId: 'INV-1/1',
      amount: '100.00',
      date: '2026-02-05',
    });
    expect(readLedgerText(csv)._unsafeUnwrap()).toEqual(ledger);
  });

  it('names the CSV line and column of a bad record', () => {
    const bad = csv.replace('150.00', '150,00');
    const e = readLedgerCsv(bad)._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
    const wrong = readLedgerCsv(
      csv.replace('2026-02-05,,150.00', '2026-02-31,,150.00'),
    )._unsafeUnwrapErr();
    expect(wrong).toMatchObject({ code: 'invalid_input', path: [7, 'date'] });
    const kind = readLedgerCsv(`${csv}\nbogus,X,,,,,,,,,,`)._unsafeUnwrapErr();
    expect(kind).toMatchObject({ code: 'parse_error', line: 9 });
  });

  it('reports broken JSON as a parse error', () => {
    expect(readLedgerText('{"invoices": [')._unsafeUnwrapErr().code).toBe('parse_error');
  });
});

describe('examples/data/ledger.csv', () => {
  it('reads as the same records as the JSON example', () => {
    const fromCsv = readLedgerText(
      readFileSync('examples/data/ledger.csv', 'utf8'),
    )._unsafeUnwrap();
    const json = JSON.parse(readFileSync('examples/data/ledger.json', 'utf8'));
    const ids = new Set(fromCsv.invoices.map((i) => i.id));
    const jsonInvoices = json.invoices.filter((i: { id: string }) => ids.has(i.id));
    const strip = (i: { disputes?: unknown }) => ({ ...i, disputes: undefined });
    expect(fromCsv.invoices.map(strip)).toEqual(jsonInvoices.map(strip));
    expect(fromCsv.invoices.find((i) => i.id === 'INV-1005')?.disputes).toEqual([
      { from: '2026-02-12', reason: 'damaged goods' },
    ]);
    expect(fromCsv.allocations).toEqual(json.allocations.slice(0, 4));
  });
});

describe('parseLedger: unknown lists', () => {
  it('refuses a misspelt list name instead of reading a ledger without it', () => {
    const input = {
      invoice: [{ id: 'INV-1', customerId: 'C1', currency: 'EUR', issueDate: '2026-01-01' }],
    };
    const error = parseLedger(input)._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('unknown field "invoice"');
    expect(error.path).toEqual(['invoice']);
  });

  it("keeps a payment's end-to-end id and payer account (cash application reads them)", () => {
    const p = { id: 'P-1', customerId: 'C1', currency: 'EUR', date: '2024-01-01' };
    const input = {
      payments: [
        { ...p, amount: '1.00', endToEndId: 'E2E-1', payerAccount: 'DE89370400440532013000' },
      ],
    };
    expect(parseLedger(input)._unsafeUnwrap().payments[0]).toMatchObject({
      endToEndId: 'E2E-1',
      payerAccount: 'DE89370400440532013000',
    });
  });
});
