import { describe, expect, it } from 'vitest';
import { parseDunningHistory, parseDunningPolicy } from '../../src/dunning/index.js';
import { parseLedger, readLedgerCsv } from '../../src/ledger/index.js';
import { invoice, payment } from './helpers.js';

// A misspelt optional field used to be dropped without a word: a disputed or draft
// invoice then read as one to remind, a reversed payment as one that counts.
describe('misspelt fields are refused, not dropped', () => {
  it('in a ledger record, with the path of the field', () => {
    const disputed = { ...invoice('I1', '10.00'), dispute: [{ from: '2026-01-05' }] };
    const e = parseLedger({ invoices: [disputed] })._unsafeUnwrapErr();
    expect(e.path).toEqual(['invoices', 0, 'dispute']);
    expect(e.message).toContain('unknown field "dispute"');
    const reversed = { ...payment('P1', '5.00'), reversedon: '2026-02-03' };
    expect(parseLedger({ payments: [reversed] })._unsafeUnwrapErr().path).toEqual([
      'payments',
      0,
      'reversedon',
    ]);
  });

  it('in a ledger CSV: a column no line reads, and a value on a line that does not read it', () => {
    const header = 'type,id,customerId,currency,date,dueDate,amount';
    const row = 'invoice,I1,C1,EUR,2026-01-01,2026-01-31,10.00';
    const unknown = readLedgerCsv(`${header},Status\n${row},draft\n`)._unsafeUnwrapErr();
    expect(unknown.message).toContain('unknown column "Status"');
    expect(unknown.path).toEqual([1]);
    const misplaced = readLedgerCsv(`${header},reversedOn\n${row},2026-02-01\n`);
    expect(misplaced._unsafeUnwrapErr().message).toContain(
      'column "reversedOn" is not read on "invoice" lines',
    );
  });

  it('in a dunning policy and a dunning history', () => {
    const level = { daysAfterDue: 7, channel: 'email', templateId: 'r1' };
    const policy = parseDunningPolicy({ levels: [level], minimumOverdu: { EUR: '10.00' } });
    expect(policy._unsafeUnwrapErr().message).toContain('unknown field "minimumOverdu"');
    const fees = parseDunningPolicy({ levels: [{ ...level, fees: { type: 'fixed' } }] });
    expect(fees._unsafeUnwrapErr().path).toEqual(['levels', 0, 'fees']);
    expect(parseDunningHistory({ action: [] })._unsafeUnwrapErr().path).toEqual(['action']);
  });
});
