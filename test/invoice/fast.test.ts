import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateExactInvoice } from '../../src/invoice/calculate.js';
import { calculateFast } from '../../src/invoice/fast.js';
import { divideRounded, formatUnits } from '../../src/invoice/fixed.js';
import { calculateCheckedInvoice, type InvoiceInput } from '../../src/invoice/index.js';
import { DecimalScan, divideRoundedNumber, formatMinor } from '../../src/invoice/safe.js';
import { ISO_CURRENCIES } from '../../src/money/currency.js';
import { Dec, ROUNDING_MODES } from '../../src/money/decimal.js';
import { invoiceArb } from './fast-arbitraries.js';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 });
const plainDecimal = fc
  .tuple(fc.constantFrom('', '-', '+'), digits, fc.option(digits, { nil: undefined }))
  .map(
    ([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
  );

describe('safe-integer arithmetic agrees with the exact one', () => {
  it('fast parse = Dec parse, for every plain decimal that fits a safe integer', () => {
    const scan = new DecimalScan();
    fc.assert(
      fc.property(plainDecimal, (text) => {
        const units = BigInt(text.replace('.', ''));
        const fits = (units < 0n ? -units : units) <= SAFE;
        expect(scan.read(text)).toBe(fits);
        if (!fits) return;
        const read = new Dec(scan.units).dividedBy(new Dec(10).pow(scan.scale));
        expect(read.equals(new Dec(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('fast parse refuses what the schema refuses', () => {
    const scan = new DecimalScan();
    const format = /^[+-]?\d+(\.\d+)?$/;
    const text = fc.string({ unit: fc.constantFrom(...'0123456789.+-e, ٣'), maxLength: 8 });
    fc.assert(
      fc.property(text, (s) => {
        if (!format.test(s)) expect(scan.read(s)).toBe(false);
        else expect(scan.read(s)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds as divideRounded does, in every mode', () => {
    const safe = fc.bigInt({ min: -SAFE, max: SAFE });
    const divisor = fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: SAFE }));
    fc.assert(
      fc.property(
        safe,
        divisor,
        fc.boolean(),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, neg, m) => {
          const denominator = neg ? -d : d;
          const expected = divideRounded(n, denominator, m);
          expect(divideRoundedNumber(Number(n), Number(denominator), m)).toBe(Number(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats as formatUnits does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -SAFE, max: SAFE }), fc.integer({ min: 0, max: 8 }), (u, s) => {
        expect(formatMinor(Number(u), s)).toBe(formatUnits(u, s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the fast path agrees with the exact path', () => {
  it('gives the exact result or none, and calculateCheckedInvoice always the exact one', () => {
    let fastCount = 0;
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const exact = calculateExactInvoice(input);
        const currency = ISO_CURRENCIES.get(input.currency);
        const fast = currency === undefined ? undefined : calculateFast(input, currency);
        if (fast !== undefined) {
          fastCount += 1;
          expect(exact.isOk()).toBe(true);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(exact._unsafeUnwrap()));
        }
        expect(calculateCheckedInvoice(input)).toEqual(exact);
      }),
      { numRuns: 400 },
    );
    // The generator is built so that most invoices take the fast path.
    expect(fastCount).toBeGreaterThan(100);
  });

  it('takes the exact path past 2^53 minor units, and stays exact', () => {
    // 1,000,000,000 x 9,999,999.99 = 9,999,999,990,000,000.00 EUR, i.e. about 10^18
    // cents; 19 % of it is 1,899,999,998,100,000.00 (both far past 2^53 cents).
    const input: InvoiceInput = {
      currency: 'EUR',
      lines: [
        {
          id: '1',
          quantity: '1000000000',
          unitNetPrice: '9999999.99',
          vatCategory: 'S',
          vatRatePercent: '19',
        },
      ],
    };
    expect(calculateFast(input, ISO_CURRENCIES.get('EUR')!)).toBeUndefined();
    const totals = calculateCheckedInvoice(input)._unsafeUnwrap().totals;
    expect(totals.lineExtensionAmount).toBe('9999999990000000.00');
    expect(totals.taxAmount).toBe('1899999998100000.00');
    expect(totals.amountDue).toBe('11899999988100000.00');
  });

  it('takes the exact path for tax-inclusive prices', () => {
    const input: InvoiceInput = {
      currency: 'EUR',
      pricesIncludeTax: true,
      lines: [{ id: '1', netAmount: '379.00', vatCategory: 'S', vatRatePercent: '21' }],
    };
    expect(calculateFast(input, ISO_CURRENCIES.get('EUR')!)).toBeUndefined();
    // 379.00 / 1.21 = 313.2231... -> net 313.22, VAT 65.78 (hand calculation).
    expect(calculateCheckedInvoice(input)._unsafeUnwrap().totals.taxAmount).toBe('65.78');
  });
});
