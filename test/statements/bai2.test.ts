import { describe, expect, it } from 'vitest';
import { readBai2 } from '../../src/statements/index.js';

function bai(account: string, details: string[], total: string, records: number): string {
  return [
    '01,BANK,ME,240102,0800,7,,,2/',
    '02,ME,BANK,1,240102,,USD,2/',
    account,
    ...details,
    `49,${total},${records}/`,
    `98,${total},1,${records + 2}/`,
    `99,${total},1,${records + 4}/`,
  ].join('\n');
}

describe('readBai2', () => {
  it('puts the implied decimals of the currency: JPY has none, USD two', () => {
    // 03 JPY: opening 5000, closing 6250; detail credit 1250 (no decimals in JPY).
    const jpy = bai('03,123,JPY,010,5000,,,015,6250,,/', ['16,195,1250,0,REF1,,WIRE/'], '12500', 3);
    const file = readBai2(jpy)._unsafeUnwrap();
    expect(file.statements[0]?.transactions[0]?.amount).toBe('1250');
    expect(file.statements[0]?.reconciliation?.ok).toBe(true);
    const usd = bai('03,123,USD,010,5000,,/', ['16,195,1250,0,REF1,,WIRE/'], '6250', 3);
    expect(readBai2(usd)._unsafeUnwrap().statements[0]?.transactions[0]?.amount).toBe('12.50');
  });

  it('skips the extra fields of funds types S and D before the references', () => {
    const details = [
      '16,301,1000,S,500,300,200,BANKREF1,CUST1,DEPOSIT/',
      '16,301,2000,D,2,1,1500,2,500,BANKREF2,CUST2,LOCKBOX, BATCH 7/',
    ];
    const file = readBai2(bai('03,123,USD,,,/', details, '3000', 4))._unsafeUnwrap();
    const txs = file.statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.bankReference, t.customerReference, t.remittanceText])).toEqual([
      ['BANKREF1', 'CUST1', 'DEPOSIT'],
      ['BANKREF2', 'CUST2', 'LOCKBOX, BATCH 7'],
    ]);
  });

  it('joins 88 continuation text and reads 88 summary continuations', () => {
    const file = readBai2(
      bai(
        '03,123,USD,010,100,,/\n88,015,200,,/',
        ['16,142,100,,R1,,ACME/', '88,INVOICE 17'],
        '400',
        5,
      ),
    )._unsafeUnwrap();
    expect(file.statements[0]?.transactions[0]?.remittanceText).toBe('ACME INVOICE 17');
    expect(file.statements[0]?.reconciliation?.ok).toBe(true);
  });

  it('needs the host to say the direction of custom type codes', () => {
    const text = bai('03,123,USD,,/', ['16,901,100,,R1,,X/'], '100', 3);
    expect(readBai2(text)._unsafeUnwrapErr()).toMatchObject({ code: 'parse_error', line: 4 });
    const file = readBai2(text, { typeCodes: { '901': 'credit' } })._unsafeUnwrap();
    expect(file.statements[0]?.transactions[0]?.direction).toBe('credit');
  });

  it('warns when a trailer control total does not match the records', () => {
    const text = bai('03,123,USD,,/', ['16,142,100,,R1,,X/'], '999', 3);
    const codes = readBai2(text)
      ._unsafeUnwrap()
      .warnings.map((w) => w.code);
    expect(codes[0]).toBe('control_total_mismatch');
  });

  it('refuses a truncated file and a wrong amount, naming the line', () => {
    const text = bai('03,123,USD,,/', ['16,142,100,,R1,,X/'], '100', 3);
    expect(readBai2(text.slice(0, text.indexOf('98,')))._unsafeUnwrapErr().message).toContain(
      'truncated',
    );
    const bad = text.replace('16,142,100', '16,142,1.00');
    expect(readBai2(bad)._unsafeUnwrapErr()).toMatchObject({ line: 4 });
  });
});
