import { describe, expect, it } from 'vitest';
import { readBai2, readStatement } from '../../src/statements/index.js';
import { filesOf, fixture, type Json, listed, sameAmount, sameText } from './fixtures.js';

const bai2 = filesOf('BAI2');

describe.each(bai2)('BAI2 fixture $file', (f) => {
  const file = readBai2(fixture(f.file))._unsafeUnwrap();
  const accounts: Json[] = f.summary.groups.flatMap((g: Json) =>
    g.accounts.map((a: Json) => ({ ...a, asOf: g.as_of_date })),
  );

  it('reads one statement per account with balances and summaries', () => {
    expect(file.format).toBe('bai2');
    expect(file.messageId).toBe(f.summary.file_header.file_id);
    expect(readStatement(fixture(f.file))._unsafeUnwrap()).toEqual(file);
    expect(file.statements).toHaveLength(accounts.length);
    accounts.forEach((a, i) => {
      const st = file.statements[i];
      expect(st?.account).toBe(a.account);
      expect(st?.currency).toBe(a.currency);
      for (const s of a.summaries) {
        // Codes below 100 are status codes (balances); 100-699 are summaries.
        if (Number(s.type_code) < 100) {
          const b = st?.balances.find((x) => x.code === s.type_code);
          expect(b?.date).toBe(a.asOf);
          sameAmount(b?.amount, s.amount);
        } else {
          const summary = st?.summaries?.find((x) => x.code === s.type_code);
          sameAmount(summary?.amount, s.amount);
          listed(summary?.count, s.count === null ? undefined : Number(s.count), 'item count');
        }
      }
    });
  });

  it('checks the trailer control totals and record counts', () => {
    expect(f.consistency.ok).toBe(f.consistency.checks);
    expect(file.warnings.filter((w) => w.code === 'control_total_mismatch')).toEqual([]);
  });

  it('reads every detail record with its text and funds type', () => {
    accounts.forEach((a, i) => {
      const txs = file.statements[i]?.transactions ?? [];
      expect(txs).toHaveLength(a.transactions.length);
      a.transactions.forEach((e: Json, n: number) => {
        const t = txs[n];
        expect(t?.bookingDate).toBe(e.booking_date_as_of);
        // Funds type V carries the value date; otherwise the as-of date is the value date.
        expect(t?.valueDate).toBe(e.value_date ?? e.booking_date_as_of);
        expect(t?.direction).toBe(e.direction);
        expect(t?.bankTransactionCode).toBe(e.type_code);
        sameAmount(t?.amount, e.amount);
        listed(t?.fundsType, e.funds_type, 'funds type');
        listed(t?.bankReference, e.bank_ref, 'bank reference');
        listed(t?.customerReference, e.customer_ref, 'customer reference');
        sameText(t?.remittanceText, e.text);
      });
    });
  });
});

describe('BAI2 balance check', () => {
  it('reports the Citi sample, whose closing ledger ignores its 0.01 credit', () => {
    // 100.00 opening + 0.01 credit = 100.01, but 015 closing ledger says 100.00.
    const file = readBai2(fixture('bai2_moj_citi_example.bai'))._unsafeUnwrap();
    expect(file.statements[0]?.reconciliation).toEqual({
      ok: false,
      opening: '100.00',
      entries: '0.01',
      closing: '100.00',
      difference: '-0.01',
    });
    expect(file.warnings.map((w) => w.code)).toEqual(['balance_mismatch']);
  });
});
