import { describe, expect, it } from 'vitest';
import { readMt940, readStatement } from '../../src/statements/index.js';
import type { BankTransaction, StatementBalance } from '../../src/statements/types.js';
import { filesOf, fixture, type Json, listed, sameAmount, sameText } from './fixtures.js';

const mt940 = filesOf('MT940');
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

function sameBalance(mine: StatementBalance | undefined, b: Json): void {
  expect(mine?.code).toBe(b.tag);
  expect(mine?.date).toBe(b.date);
  expect(mine?.currency).toBe(b.currency);
  sameAmount(mine?.amount, b.signed);
}

/**
 * index.json's reader took the bytes as Latin-1; the Polish sample is UTF-8
 * ("kwotą"), which the readers decode as UTF-8. Undo that mis-decoding.
 */
function utf8(text: string): string {
  return /[ÃÄÅ]/.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text;
}

function checkEntry(e: Json, t: BankTransaction): void {
  const mark: string = e.credit_debit_mark;
  expect(t.valueDate).toBe(e.value_date);
  // Without an entry date the entry books on its value date.
  expect(t.bookingDate).toBe(e.entry_date ?? e.value_date);
  sameAmount(t.amount, e.amount);
  // C and RD (reversal of a debit) bring money in; D and RC take it out.
  expect(t.direction).toBe(mark === 'C' || mark === 'RD' ? 'credit' : 'debit');
  // RC/RD marks are reversals; GVC 159 is a returned transfer (booking text RETOURE).
  expect(t.reversal).toBe(mark.startsWith('R') || e.structured_gvc === '159');
  expect(t.proprietaryCode).toBe(e.transaction_type);
  listed(t.bankReference, e.bank_ref === 'NONREF' ? undefined : e.bank_ref, 'bank reference');
  listed(t.entryInfo, e.supplementary, 'supplementary details');
  expect(t.customerReference).toBe(e.customer_ref === 'NONREF' ? undefined : e.customer_ref);
  sameText(t.additionalInfo, utf8(e.description_86));
  if (e.structured_gvc) {
    expect(t.bankTransactionCode).toBe(e.structured_gvc);
    listed(t.remittanceText, e.structured_svwz ?? e.structured_purpose, 'remittance text');
    listed(t.endToEndId, e.structured_eref, 'end-to-end id');
    listed(t.counterpartyName, e.structured_counterparty_name, 'counterparty');
    listed(t.counterpartyAccount, e.structured_counterparty_account, 'counterparty account');
    listed(t.returnReason, e.structured_return_code, 'return code');
    const bank = e.structured_counterparty_bank;
    listed(t.counterpartyBic, bank && BIC.test(bank) ? bank : undefined, 'counterparty BIC');
  } else if (/^\d{3}\?/.test(String(e.description_86))) {
    // index.json left this :86: unsplit (its "?" and sub-field number fall on two
    // lines); after joining the lines it is a German ?-structured field.
    expect(t.bankTransactionCode).toBe(String(e.description_86).slice(0, 3));
  } else {
    expect(t.bankTransactionCode).toBe(e.transaction_type);
    sameText(t.remittanceText, utf8(e.description_86));
  }
}

describe.each(mt940)('MT940 fixture $file', (f) => {
  const file = readMt940(fixture(f.file))._unsafeUnwrap();
  const summary = f.summary;

  it('reads every statement with its account, number and balances', () => {
    expect(file.format).toBe('mt940');
    expect(readStatement(fixture(f.file))._unsafeUnwrap()).toEqual(file);
    expect(file.statements).toHaveLength(summary.statements.length);
    summary.statements.forEach((s: Json, i: number) => {
      const st = file.statements[i];
      expect(st?.account).toBe(s.account_25);
      expect(st?.sequenceNumber).toBe(s.statement_no_28);
      sameBalance(
        st?.balances.find((b) => b.type === 'opening'),
        s.opening_60,
      );
      sameBalance(
        st?.balances.find((b) => b.type === 'closing'),
        s.closing_62,
      );
      if (s.closing_available_64) {
        sameBalance(
          st?.balances.find((b) => b.type === 'available'),
          s.closing_available_64,
        );
      }
    });
  });

  it('checks opening + entries = closing per statement', () => {
    const ok = file.statements.filter((s) => s.reconciliation?.ok);
    expect(ok).toHaveLength(f.consistency.ok);
    summary.statements.forEach((s: Json, i: number) => {
      const r = file.statements[i]?.reconciliation;
      expect(r?.ok).toBe(s.balance_check.ok);
      sameAmount(r?.entries, s.balance_check.sum_entries);
    });
    const warned = file.warnings.filter((w) => w.code === 'balance_mismatch');
    expect(warned).toHaveLength(f.consistency.checks - f.consistency.ok);
  });

  it('reads every entry with its :86: information', () => {
    summary.statements.forEach((s: Json, i: number) => {
      const txs = file.statements[i]?.transactions ?? [];
      expect(txs).toHaveLength(s.entries?.length ?? 0);
      for (const [n, e] of (s.entries ?? []).entries()) checkEntry(e, txs[n] as BankTransaction);
    });
  });

  it('gives every transaction a distinct id, the same on every read', () => {
    const ids = file.statements.flatMap((s) => s.transactions.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    const again = readMt940(fixture(f.file))._unsafeUnwrap();
    expect(again.statements.flatMap((s) => s.transactions.map((t) => t.id))).toEqual(ids);
  });
});
