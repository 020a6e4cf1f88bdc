import { describe, expect, it } from 'vitest';
import {
  calculateCheckedInvoice,
  calculateExactInvoice,
  calculateInvoice,
  type InvoiceInput,
  RATE_LIMIT_PERCENT,
} from '../../src/invoice/index.js';
import type { RoundingMode } from '../../src/money/decimal.js';

const line = { id: '1', vatCategory: 'S', vatRatePercent: '19' } as const;
const invoice = (rest: Partial<InvoiceInput> & Record<string, unknown>): unknown => ({
  currency: 'EUR',
  lines: [{ ...line, netAmount: '10.00' }],
  ...rest,
});
const error = (input: unknown) => calculateInvoice(input)._unsafeUnwrapErr();

describe('negating every amount gives the exact negative in the symmetric modes only', () => {
  // 1 x 0.005 at S 19 %: the line is 0.005 before rounding, its tax 0.00095 x 2 = 0.0019
  // of a rounded cent. [mode, amount due for quantity 1, for quantity -1]
  const cases: [RoundingMode, string, string][] = [
    ['half-up', '0.01', '-0.01'], // 0.005 -> 0.01, tax 0.0019 -> 0.00
    ['half-even', '0.00', '0.00'], // 0.005 -> 0.00 (even)
    ['half-down', '0.00', '0.00'],
    ['up', '0.02', '-0.02'], // 0.005 -> 0.01, tax 0.0019 -> 0.01
    ['down', '0.00', '0.00'],
    ['ceiling', '0.02', '0.00'], // -0.005 -> -0.00 towards +infinity
    ['floor', '0.00', '-0.02'], // -0.005 -> -0.01, tax -0.0019 -> -0.01
  ];
  const due = (quantity: string, roundingMode: RoundingMode) =>
    calculateInvoice({
      currency: 'EUR',
      roundingMode,
      lines: [{ ...line, quantity, unitNetPrice: '0.005' }],
    })._unsafeUnwrap().totals.amountDue;

  for (const [mode, positive, negative] of cases) {
    it(`${mode}: 1 x 0.005 is due ${positive}, -1 x 0.005 is due ${negative}`, () => {
      expect([due('1', mode), due('-1', mode)]).toEqual([positive, negative]);
    });
  }
});

describe('issue dates are calendar dates', () => {
  it('refuses 2024-13-45 and 2023-02-29, accepts 2024-02-29', () => {
    expect(error(invoice({ issueDate: '2024-13-45' }))).toMatchObject({
      code: 'invalid_input',
      path: ['issueDate'],
    });
    expect(error(invoice({ issueDate: '2023-02-29' })).code).toBe('invalid_input');
    expect(calculateInvoice(invoice({ issueDate: '2024-02-29' })).isOk()).toBe(true);
  });
});

describe('VAT rates are below 100 %', () => {
  it('refuses S at 1000 % and at 100 %, naming BT-152, on both paths', () => {
    const at = (rate: string) =>
      invoice({ lines: [{ ...line, vatRatePercent: rate, netAmount: '1' }] });
    const expected = {
      code: 'invalid_tax_rate',
      category: 'S',
      ratePercent: '1000',
      rule: 'BT-152',
      path: ['lines', 0, 'vatRatePercent'],
    };
    expect(error(at('1000'))).toMatchObject(expected);
    expect(calculateCheckedInvoice(at('1000') as InvoiceInput)._unsafeUnwrapErr()).toMatchObject(
      expected,
    );
    expect(error(at('100.00'))).toMatchObject({ ratePercent: '100', rule: 'BT-152' });
    expect(RATE_LIMIT_PERCENT).toBe(100);
  });

  it('accepts 99.99 %: 10.00 x 99.99 % = 9.999, tax 10.00', () => {
    const input = invoice({ lines: [{ ...line, vatRatePercent: '99.99', netAmount: '10.00' }] });
    expect(calculateInvoice(input)._unsafeUnwrap().totals.taxAmount).toBe('10.00');
  });

  it('refuses a document charge at 100 % and category L at 150 %', () => {
    const charge = { amount: '1.00', vatCategory: 'S', vatRatePercent: '100' } as const;
    expect(error(invoice({ charges: [charge] })).path).toEqual(['charges', 0, 'vatRatePercent']);
    const canary = invoice({
      lines: [{ ...line, vatCategory: 'L', vatRatePercent: '150', netAmount: '1' }],
    });
    expect(error(canary)).toMatchObject({ code: 'invalid_tax_rate', category: 'L' });
  });
});

describe('net and gross price together', () => {
  const priced = (prices: Record<string, string>) =>
    invoice({ lines: [{ ...line, quantity: '2', ...prices }] });

  it('refuses a net price that is not gross - discount, naming both', () => {
    const e = error(priced({ unitNetPrice: '5', unitGrossPrice: '100' }));
    expect(e.code).toBe('invalid_input');
    if (e.code !== 'invalid_input') return;
    expect(e.issues.map((i) => i.path)).toEqual([
      ['lines', 0, 'unitNetPrice'],
      ['lines', 0, 'unitGrossPrice'],
    ]);
    expect(e.issues[0]!.message).toContain('unitGrossPrice 100 - priceDiscount 0');
  });

  it('accepts both when they agree: 2 x (10 - 0.50) = 19.00', () => {
    const input = priced({ unitNetPrice: '9.5', unitGrossPrice: '10', priceDiscount: '0.50' });
    expect(calculateInvoice(input)._unsafeUnwrap().lines[0]!.netAmount).toBe('19.00');
  });

  it('leaves the prices alone when the line states its net amount (information only)', () => {
    const input = invoice({
      lines: [{ ...line, netAmount: '10.00', unitNetPrice: '5', unitGrossPrice: '100' }],
    });
    expect(calculateInvoice(input)._unsafeUnwrap().totals.lineExtensionAmount).toBe('10.00');
  });

  it('names the price discount when it is larger than the gross price (BR-27)', () => {
    const e = error(
      invoice({ lines: [{ ...line, quantity: '1', unitGrossPrice: '5', priceDiscount: '6' }] }),
    );
    expect(e).toMatchObject({
      code: 'invalid_number',
      input: '6',
      path: ['lines', 0, 'priceDiscount'],
    });
    expect(e.message).toContain('larger than the gross price 5');
    expect(e.message).toContain('BR-27');
  });

  it('names a negative net price as given', () => {
    const e = error(invoice({ lines: [{ ...line, quantity: '1', unitNetPrice: '-5.0' }] }));
    expect(e).toMatchObject({ input: '-5.0', path: ['lines', 0, 'unitNetPrice'] });
  });
});

describe('exemption reasons are keyed by VAT category only', () => {
  const json = (key: string) =>
    JSON.parse(
      `{"currency":"EUR","lines":[{"id":"1","netAmount":"10","vatCategory":"E"}],` +
        `"exemptionReasons":{"E":{"code":"VATEX-EU-132"},"${key}":{"code":"x"}}}`,
    ) as unknown;

  it('refuses "__proto__" as it refuses "constructor", at the key', () => {
    for (const key of ['__proto__', 'constructor']) {
      const e = error(json(key));
      expect(e.code).toBe('invalid_input');
      if (e.code !== 'invalid_input') continue;
      expect(e.issues).toEqual([
        { path: ['exemptionReasons', key], message: `unknown VAT category "${key}"` },
      ]);
    }
  });
});

describe('the exact reference path is public', () => {
  it('gives what calculateInvoice gives: 10.00 at 19 % is due 11.90', () => {
    const input = invoice({}) as InvoiceInput;
    expect(calculateExactInvoice(input)._unsafeUnwrap()).toEqual(
      calculateInvoice(input)._unsafeUnwrap(),
    );
    expect(calculateExactInvoice(input)._unsafeUnwrap().totals.amountDue).toBe('11.90');
  });
});
