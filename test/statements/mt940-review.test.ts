import { describe, expect, it } from 'vitest';
import { readMt940 } from '../../src/statements/index.js';

const HEAD = '{1:F01BANKDEFFAXXX0000000000}{2:O9400000000000BANKDEFFXXXX00000000000000000000N}{4:';
const body = (n: string, open: string, entry: string, close: string) =>
  `:20:REF\n:25:DE1/2\n:28C:${n}\n:60F:C240102EUR${open}\n${entry}\n:62F:C240102EUR${close}`;

describe('readMt940 SWIFT envelope wherever its parts sit', () => {
  it('reads two messages whose trailer {5:} is on the -} line, or the next header is', () => {
    // Message 1: 100.00 + 10.00 = 110.00; message 2: 110.00 - 5.00 = 105.00.
    const one = body('1/1', '100,00', ':61:2401020102C10,00NTRFNONREF', '110,00');
    const two = body('2/1', '110,00', ':61:2401020102D5,00NTRFNONREF', '105,00');
    for (const text of [
      `${HEAD}\n${one}\n-}{5:{CHK:123}}\n${HEAD}\n${two}\n-}{5:{CHK:ABC}{TNG:}}`,
      `${HEAD}\n${one}\n-}${HEAD}\n${two}\n-}`,
      `${HEAD}\n${one}\n-}\n{5:{CHK:1}}${HEAD}\n${two}\n-}{5:{CHK:2}}\n`,
    ]) {
      const file = readMt940(text)._unsafeUnwrap();
      expect(file.statements.map((s) => s.transactions.map((t) => t.amount))).toEqual([
        ['10.00'],
        ['5.00'],
      ]);
      expect(file.statements.map((s) => s.reconciliation?.ok)).toEqual([true, true]);
    }
  });
});

describe('readMt940 free-text :86: continuation lines', () => {
  const info = (lines: string) =>
    readMt940(body('1/1', '0,', `:61:2401020102C1,00NTRFNONREF\n${lines}`, '1,00'))._unsafeUnwrap()
      .statements[0]?.transactions[0]?.remittanceText;

  it('joins a line shorter than the 65-character wrap with a space', () => {
    // ':86:INVOICE 17 OF' is 16 characters: the writer broke the line, not the wrap.
    expect(info(':86:INVOICE 17 OF\n20-05-2011INCL. VAT')).toBe(
      'INVOICE 17 OF 20-05-2011INCL. VAT',
    );
  });

  it('joins a line of exactly 65 characters without a space (SWIFT cut a word)', () => {
    // ':86:' + 61 characters = 65: the wrap cut 'INVOICE' into 'INVO' + 'ICE'.
    const first = `${'A'.repeat(56)} INVO`;
    expect(`:86:${first}`.length).toBe(65);
    expect(info(`:86:${first}\nICE 17`)).toBe(`${'A'.repeat(56)} INVOICE 17`);
  });
});

describe('statement bytes in UTF-16 with a byte order mark', () => {
  it('reads UTF-16 LE and BE MT940 bytes like the UTF-8 text', () => {
    // 100.00 + 10.00 = 110.00
    const text = `\uFEFF${body('1/1', '100,00', ':61:2401020102C10,00NTRFNONREF', '110,00')}\n-`;
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2)
      [be[i], be[i + 1]] = [le[i + 1] as number, le[i] as number];
    for (const bytes of [le, be]) {
      const file = readMt940(bytes)._unsafeUnwrap();
      expect(file.statements[0]?.transactions.map((t) => t.amount)).toEqual(['10.00']);
    }
  });
});

describe('statement bytes in UTF-16 without a byte order mark', () => {
  it('says what the bytes look like instead of a misleading format error', () => {
    const bytes = new Uint8Array(Buffer.from(':20:REF\n:25:DE1/2\n', 'utf16le'));
    const e = readMt940(bytes)._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain('UTF-16 without a byte order mark');
  });
});
