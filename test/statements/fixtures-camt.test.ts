import { describe, expect, it } from 'vitest';
import { readCamt, readStatement } from '../../src/statements/index.js';
import type { BankTransaction } from '../../src/statements/types.js';
import { filesOf, fixture, type Json, listed, sameAmount } from './fixtures.js';

const camt = filesOf('camt');

/** The parts read: details that state no amount at all make ONE transaction of the entry. */
function partsOf(e: Json): Json[] {
  const all: Json[] = e.transactions?.length ? e.transactions : [{}];
  if (all.length < 2 || all.some((p) => p.amount)) return all;
  // The one transaction carries the texts of every detail, in order.
  const texts = all.flatMap((p) => p.remittance_unstructured ?? []);
  const refs = all.flatMap((p) => p.structured_references ?? []);
  return [
    {
      ...all[0],
      ...(texts.length > 0 ? { remittance_unstructured: texts } : {}),
      ...(refs.length > 0 ? { structured_references: refs } : {}),
    },
  ];
}

function checkEntry(e: Json, txs: BankTransaction[], checks: Json[]): void {
  const parts = partsOf(e);
  expect(txs).toHaveLength(parts.length);
  const batched = parts.length > 1;
  parts.forEach((p, i) => {
    const t = txs[i] as BankTransaction;
    // A date-time booking date books on the calendar date written in it.
    if (e.booking_date) expect(t.bookingDate).toBe(String(e.booking_date).slice(0, 10));
    if (e.value_date) expect(t.valueDate).toBe(e.value_date);
    expect(t.currency).toBe(e.currency);
    expect(t.direction).toBe(e.credit_debit === 'CRDT' ? 'credit' : 'debit');
    expect(t.reversal).toBe(e.reversal);
    listed(t.status, e.status === 'BOOK' ? undefined : e.status, 'status');
    listed(t.bankTransactionCode, e.bank_transaction_code ?? e.proprietary_code, 'code');
    listed(t.proprietaryCode, e.proprietary_code, 'proprietary code');
    listed(t.entryReference, e.entry_ref, 'entry ref');
    listed(t.entryInfo, e.additional_entry_info, 'entry info');
    const ref = batched
      ? p.account_servicer_ref
      : (e.account_servicer_ref ?? p.account_servicer_ref);
    listed(t.bankReference, ref, 'bank reference');
    // The booked amount is the entry's; a batch part carries its detail's amount.
    if (batched && !p.amount) {
      // No detail amount: the first such part gets what the others leave (here all of it).
      expect(t.amountInferred).toBe(true);
      sameAmount(t.amount, i === 0 ? e.amount : '0');
    } else {
      sameAmount(t.amount, batched ? p.amount : e.amount);
    }
    if (p.amount && (p.currency !== t.currency || !sameNumber(p.amount, t.amount))) {
      expect(t.detailAmount?.currency).toBe(p.currency);
      sameAmount(t.detailAmount?.amount, p.amount);
    } else {
      expect(t.detailAmount).toBeUndefined();
    }
    if (batched) {
      expect(t.batch?.index).toBe(i + 1);
      expect(t.batch?.size).toBe(parts.length);
      listed(t.batch?.messageId, e.batch?.msg_id, 'batch message id');
      listed(t.batch?.paymentInformationId, e.batch?.pmt_inf_id, 'batch payment information');
    }
    listed(t.counterpartyName, p.counterparty, 'counterparty');
    listed(t.counterpartyAccount, p.counterparty_account, 'counterparty account');
    listed(t.debtorName, p.debtor, 'debtor');
    listed(t.creditorName, p.creditor, 'creditor');
    listed(t.endToEndId, p.end_to_end_id, 'end-to-end id');
    listed(t.instructionId, p.instruction_id, 'instruction id');
    listed(t.mandateId, p.mandate_id, 'mandate id');
    listed(t.uetr, p.uetr, 'uetr');
    listed(t.additionalInfo, p.additional_info, 'additional info');
    listed(t.remittanceText, p.remittance_unstructured?.join(' '), 'remittance text');
    const refs = t.structuredReferences ?? (t.structuredReference ? [t.structuredReference] : []);
    const expected: Json[] = p.structured_references ?? [];
    expect(refs.map((r) => r.value)).toEqual(expected.map((r) => r.ref.replace(/\s+/g, '')));
    for (const r of refs) {
      const check = checks.find((c) => c.ref.replace(/\s+/g, '') === r.value);
      const valid = check?.valid_iso11649 ?? check?.valid_qr_reference_mod10_recursive;
      expect(r.valid, `${r.value} check digits`).toBe(valid);
    }
  });
}

function sameNumber(a: string, b: string): boolean {
  return Number(a) === Number(b);
}

describe.each(camt)('camt fixture $file', (f) => {
  const read = readCamt(fixture(f.file));
  const file = read._unsafeUnwrap();
  const summary = f.summary;

  it('reads the format, version and message header', () => {
    expect(file.format).toBe(String(f.format).slice(0, 8));
    expect(file.version).toBe(f.format);
    expect(file.messageId).toBe(summary.msg_id);
    expect(readStatement(fixture(f.file))._unsafeUnwrap()).toEqual(file);
  });

  it('reads every statement with its account and balances', () => {
    expect(file.statements).toHaveLength(summary.statements.length);
    summary.statements.forEach((s: Json, i: number) => {
      const st = file.statements[i];
      expect(st?.id).toBe(s.id);
      expect(st?.account).toBe(s.account);
      listed(st?.accountOwner, s.account_owner, 'account owner');
      expect(st?.balances).toHaveLength(s.balances?.length ?? 0);
      for (const b of s.balances ?? []) {
        const mine = st?.balances.find((x) => x.code === b.type);
        expect(mine?.currency).toBe(b.currency);
        expect(mine?.date).toBe(b.date);
        sameAmount(mine?.amount, b.credit_debit === 'DBIT' ? `-${b.amount}` : b.amount);
      }
    });
  });

  it('checks opening + entries = closing and reports a mismatch as a warning', () => {
    const checked = file.statements.filter((s) => s.reconciliation);
    expect(checked).toHaveLength(f.consistency.checks);
    expect(checked.filter((s) => s.reconciliation?.ok)).toHaveLength(f.consistency.ok);
    summary.statements.forEach((s: Json, i: number) => {
      const r = file.statements[i]?.reconciliation;
      if (!s.balance_check) {
        expect(r).toBeUndefined();
        return;
      }
      expect(r?.ok).toBe(s.balance_check.ok);
      sameAmount(r?.entries, s.balance_check.sum_booked_entries);
      sameAmount(r?.closing, s.balance_check.closing_stated);
    });
    const mismatches = file.warnings.filter((w) => w.code === 'balance_mismatch');
    expect(mismatches).toHaveLength(f.consistency.checks - f.consistency.ok);
  });

  it('reads every entry, one transaction per transaction detail', () => {
    summary.statements.forEach((s: Json, i: number) => {
      const txs = [...(file.statements[i]?.transactions ?? [])];
      for (const e of s.entries) {
        const n = partsOf(e).length;
        checkEntry(e, txs.splice(0, n), f.structured_reference_checks ?? []);
      }
      expect(txs).toHaveLength(0);
    });
  });

  it('reports every reference that fails its check digits, and still reads it', () => {
    const failing = (f.structured_reference_checks ?? []).filter(
      (c: Json) => c.valid_iso11649 === false || c.valid_qr_reference_mod10_recursive === false,
    );
    const warned = file.warnings.filter((w) => w.code === 'invalid_reference_check_digits');
    expect(warned).toHaveLength(failing.length);
  });
});
