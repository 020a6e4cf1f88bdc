import { describe, expect, it } from 'vitest';
import { readMt940 } from '../../src/statements/index.js';
import { mt940 } from './samples.js';

const txsOf = (text: string) => readMt940(text)._unsafeUnwrap().statements[0]?.transactions ?? [];

describe('readMt940 :61: statement lines', () => {
  it('books an entry dated 0102 after a 31 December value date in the next year', () => {
    const [t] = txsOf(mt940(':61:2312310102C100,00NTRFNONREF'));
    expect(t?.valueDate).toBe('2023-12-31');
    expect(t?.bookingDate).toBe('2024-01-02');
  });

  it('books an entry dated 1231 before a 2 January value date in the year before', () => {
    const [t] = txsOf(
      mt940(':61:2401021231D5,NTRFNONREF', 'C231229EUR1000,00', 'C240102EUR995,00'),
    );
    expect(t?.bookingDate).toBe('2023-12-31');
  });

  it('reads RC and RD as reversals: RC takes money out, RD brings it in', () => {
    // 1000.00 - 20.00 (RC) + 5.00 (RD) = 985.00
    const text = mt940(
      ':61:240102RC20,00NTRFNONREF\n:61:240102RD5,00NTRFNONREF',
      undefined,
      'C240102EUR985,00',
    );
    const file = readMt940(text)._unsafeUnwrap();
    const txs = file.statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.direction, t.reversal, t.amount])).toEqual([
      ['debit', true, '20.00'],
      ['credit', true, '5.00'],
    ]);
    expect(file.statements[0]?.reconciliation?.ok).toBe(true);
  });

  it('reads the funds code, the decimal comma, the references and the supplementary line', () => {
    const [t] = txsOf(mt940(':61:2401020102CR1234,5NTRFINV-17//BANK-9\nSALARY JAN'));
    expect(t).toMatchObject({
      amount: '1234.50',
      fundsType: 'R',
      customerReference: 'INV-17',
      bankReference: 'BANK-9',
      id: 'BANK-9',
      entryInfo: 'SALARY JAN',
    });
  });
});

describe('readMt940 :86: information', () => {
  it('splits German ?-sub-fields and SEPA keywords across line breaks', () => {
    const info =
      ':86:166?00GUTSCHRIFT?100399?20EREF+E2E-4711?21SVWZ+RF18 5390 0754 7034\n' +
      '?22?30COBADEFFXXX?31DE89370400440532013000?32Acme Han\n?33del GmbH';
    const [t] = txsOf(mt940(`:61:240102C10,00NTRFNONREF\n${info}`, undefined, 'C240102EUR1010,00'));
    expect(t).toMatchObject({
      bankTransactionCode: '166',
      endToEndId: 'E2E-4711',
      remittanceText: 'RF18 5390 0754 7034',
      counterpartyName: 'Acme Handel GmbH',
      counterpartyAccount: 'DE89370400440532013000',
      counterpartyBic: 'COBADEFFXXX',
      structuredReference: { value: 'RF18539007547034', scheme: 'iso11649', valid: true },
    });
  });

  it('reads Dutch /TAG/ fields (ABN AMRO / ING SEPA layout)', () => {
    const info =
      ':86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A' +
      '/NAME/J. JANSEN/REMI/FACTUUR 2024\n-0117/EREF/NOTPROVIDED';
    const [t] = txsOf(mt940(`:61:240102C10,00N541NONREF\n${info}`, undefined, 'C240102EUR1010,00'));
    expect(t).toMatchObject({
      counterpartyName: 'J. JANSEN',
      counterpartyAccount: 'NL91ABNA0417164300',
      counterpartyBic: 'ABNANL2A',
      remittanceText: 'FACTUUR 2024-0117',
    });
    expect(t?.endToEndId).toBeUndefined();
  });

  it('reads a structured Dutch REMI (STRD/CUR) as a structured reference', () => {
    const info = ':86:/NAME/ACME/REMI/STRD/CUR/RF18539007547034/';
    const [t] = txsOf(mt940(`:61:240102C10,00N541NONREF\n${info}`, undefined, 'C240102EUR1010,00'));
    expect(t?.structuredReference?.value).toBe('RF18539007547034');
  });
});

describe('readMt940 files', () => {
  it('reads messages inside the SWIFT envelope', () => {
    const envelope = '{1:F01BANKDEFFAXXX0000000000}{2:O9400000240102BANKDEFFAXXX0000N}{4:\n';
    const body = mt940(':61:240102C1,00NTRFNONREF', undefined, 'C240102EUR1001,00');
    const text = `${envelope}${body.replace(/-$/, '-}')}`;
    const file = readMt940(text)._unsafeUnwrap();
    expect(file.statements[0]?.transactions).toHaveLength(1);
    expect(file.statements[0]?.reconciliation?.ok).toBe(true);
  });

  it('names the line of a wrong amount format', () => {
    const e = readMt940(mt940(':61:240102C12.50NTRFNONREF'))._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'parse_error', line: 5 });
    expect(e.message).toContain('wrong amount format');
  });

  it('refuses a truncated statement without its closing balance', () => {
    const text = mt940(':61:240102C1,00NTRFNONREF');
    const e = readMt940(text.slice(0, text.indexOf(':62F:')))._unsafeUnwrapErr();
    expect(e.message).toContain('no closing balance');
    expect(e).toMatchObject({ line: 1 });
  });

  it('refuses text that is not MT940', () => {
    expect(readMt940('hello\nworld')._unsafeUnwrapErr().message).toContain('no :20: field');
  });
});
