import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, formatUnits } from '../../src/invoice/fixed.js';
import {
  calculateInvoice,
  type InvoiceCalculation,
  type InvoiceInput,
} from '../../src/invoice/index.js';
import { Dec, ROUNDING_MODES, type RoundingMode } from '../../src/money/decimal.js';
import { roundDecimal } from '../../src/money/money.js';

const CURRENCIES = [
  ['EUR', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['CHF', 2],
  ['HUF', 2],
] as const;
const RATES = [
  ['S', '5'],
  ['S', '7.7'],
  ['S', '19'],
  ['S', '21'],
  ['S', '25'],
  ['Z', '0'],
  ['E', '0'],
] as const;
const SYMMETRIC: RoundingMode[] = ['half-up', 'half-even', 'half-down', 'up', 'down'];

const decimal = (maxUnits: number, scale: number, min = -maxUnits) =>
  fc.integer({ min, max: maxUnits }).map((u) => formatUnits(BigInt(u), scale));

const invoiceArb: fc.Arbitrary<InvoiceInput> = fc
  .constantFrom(...CURRENCIES)
  .chain(([currency, minor]) => {
    const amount = decimal(50_000, minor, 0);
    const group = fc.constantFrom(...RATES);
    const allowance = fc.oneof(
      amount.map((a) => ({ amount: a })),
      decimal(300, 1, 0).map((p) => ({ percent: p })),
    );
    const line = fc.record({
      g: group,
      quantity: decimal(2000, 2, -300),
      price: decimal(1_000_000, 4, 0),
      allowances: fc.array(allowance, { maxLength: 1 }),
      charges: fc.array(allowance, { maxLength: 1 }),
    });
    const documentItem = fc.record({ g: group, a: allowance });
    return fc
      .record({
        lines: fc.array(line, { minLength: 1, maxLength: 8 }),
        allowances: fc.array(documentItem, { maxLength: 2 }),
        charges: fc.array(documentItem, { maxLength: 2 }),
        inclusive: fc.boolean(),
        policy: fc.constantFrom('document' as const, 'line' as const),
        mode: fc.constantFrom(...SYMMETRIC),
        prepaid: amount,
        cash: fc.boolean(),
      })
      .map((r) => ({
        currency,
        lines: r.lines.map((l, i) => ({
          id: String(i + 1),
          quantity: l.quantity,
          unitNetPrice: l.price,
          allowances: l.allowances,
          charges: l.charges,
          vatCategory: l.g[0],
          vatRatePercent: l.g[1],
        })),
        allowances: r.allowances.map((d) => ({
          ...d.a,
          vatCategory: d.g[0],
          vatRatePercent: d.g[1],
        })),
        charges: r.charges.map((d) => ({ ...d.a, vatCategory: d.g[0], vatRatePercent: d.g[1] })),
        pricesIncludeTax: r.inclusive,
        taxRounding: r.policy,
        roundingMode: r.mode,
        prepaidAmount: r.prepaid,
        exemptionReasons: { E: { text: 'Exempt' } },
        ...(r.cash && minor > 0
          ? { cashRounding: { increment: minor === 3 ? '0.050' : '0.05' } }
          : {}),
      }));
  });

const compute = (input: InvoiceInput): InvoiceCalculation =>
  calculateInvoice(input)._unsafeUnwrap();
const total = (xs: readonly string[]) => xs.reduce((s, x) => s.plus(x), new Dec(0));
const eq = (a: Dec | string, b: Dec | string) => new Dec(a).equals(new Dec(b));

describe('invoice invariants', () => {
  it('totals equal the sum of their parts', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const { totals: t, lines, allowances, charges } = compute(input);
        expect(eq(total(lines.map((l) => l.netAmount)), t.lineExtensionAmount)).toBe(true);
        expect(eq(total(allowances.map((a) => a.amount)), t.allowanceTotalAmount)).toBe(true);
        expect(eq(total(charges.map((c) => c.amount)), t.chargeTotalAmount)).toBe(true);
        const exclusive = new Dec(t.lineExtensionAmount)
          .minus(t.allowanceTotalAmount)
          .plus(t.chargeTotalAmount);
        expect(eq(exclusive, t.taxExclusiveAmount)).toBe(true);
        expect(eq(new Dec(t.taxExclusiveAmount).plus(t.taxAmount), t.taxInclusiveAmount)).toBe(
          true,
        );
        const due = new Dec(t.taxInclusiveAmount)
          .minus(t.prepaidAmount)
          .plus(t.payableRoundingAmount);
        expect(eq(due, t.amountDue)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('breakdown tax sums to the tax total and taxable amounts to the net total', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const c = compute(input);
        expect(eq(total(c.vatBreakdown.map((g) => g.taxAmount)), c.totals.taxAmount)).toBe(true);
        const taxable = total(c.vatBreakdown.map((g) => g.taxableAmount));
        expect(eq(taxable, c.totals.taxExclusiveAmount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('net + tax = gross on every line that shows its tax', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        for (const l of compute(input).lines) {
          if (l.taxAmount === undefined) continue;
          expect(eq(new Dec(l.netAmount).plus(l.taxAmount), l.grossAmount!)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the tax-inclusive gross the customer saw', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const plain = { ...input, pricesIncludeTax: true, allowances: [], charges: [] };
        const c = compute(plain);
        expect(eq(total(c.lines.map((l) => l.grossAmount!)), c.totals.taxInclusiveAmount)).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('the result does not depend on line order', () => {
    fc.assert(
      fc.property(invoiceArb, fc.infiniteStream(fc.nat()), (input, seeds) => {
        const it = seeds[Symbol.iterator]();
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x) => ({ x, k: it.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const shuffled = {
          ...input,
          lines: shuffle(input.lines),
          allowances: shuffle(input.allowances ?? []),
          charges: shuffle(input.charges ?? []),
        };
        const a = compute(input);
        const b = compute(shuffled);
        expect(b.totals).toEqual(a.totals);
        expect(b.vatBreakdown).toEqual(a.vatBreakdown);
      }),
      { numRuns: 150 },
    );
  });

  it('a credit note for the same lines is the exact negative', () => {
    const neg = (x: string) => new Dec(x).negated().toFixed();
    const flip = <T extends { amount?: string; baseAmount?: string }>(a: T): T => ({
      ...a,
      ...(a.amount === undefined ? {} : { amount: neg(a.amount) }),
      ...(a.baseAmount === undefined ? {} : { baseAmount: neg(a.baseAmount) }),
    });
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const credit: InvoiceInput = {
          ...input,
          typeCode: '381',
          lines: input.lines.map((l) => ({
            ...l,
            quantity: neg(l.quantity!),
            allowances: (l.allowances ?? []).map(flip),
            charges: (l.charges ?? []).map(flip),
          })),
          allowances: (input.allowances ?? []).map(flip),
          charges: (input.charges ?? []).map(flip),
          prepaidAmount: neg(input.prepaidAmount ?? '0'),
        };
        const a = compute(input);
        const b = compute(credit);
        for (const [key, value] of Object.entries(a.totals)) {
          expect(eq(b.totals[key as keyof typeof a.totals], new Dec(value).negated()), key).toBe(
            true,
          );
        }
        a.lines.forEach((l, i) => {
          expect(eq(b.lines[i]!.netAmount, new Dec(l.netAmount).negated())).toBe(true);
        });
        a.vatBreakdown.forEach((g, i) => {
          expect(eq(b.vatBreakdown[i]!.taxAmount, new Dec(g.taxAmount).negated())).toBe(true);
          expect(eq(b.vatBreakdown[i]!.taxableAmount, new Dec(g.taxableAmount).negated())).toBe(
            true,
          );
        });
      }),
      { numRuns: 200 },
    );
  });

  it('rounds exactly as the money module does, in every mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const expected = roundDecimal(new Dec(n.toString()).dividedBy(d.toString()), 0, mode);
          expect(divideRounded(n, d, mode).toString()).toBe(expected.toFixed(0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
