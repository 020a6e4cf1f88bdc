/**
 * Invoices for the fast-path tests: mostly valid ones of the common shape, with every
 * feature the calculation has (price discounts, base quantities, percentages, both
 * policies, all rounding modes, cash rounding), plus amounts past 2^53 minor units and
 * input the calculation refuses, so that both the fallback and the errors are covered.
 */
import fc from 'fast-check';
import { formatUnits } from '../../src/invoice/fixed.js';
import type {
  DocumentAllowanceChargeInput,
  InvoiceInput,
  InvoiceLineInput,
  LineAllowanceChargeInput,
  VatCategory,
} from '../../src/invoice/index.js';
import { Dec, ROUNDING_MODES } from '../../src/money/decimal.js';

const weighted = <T>(...pairs: [fc.Arbitrary<T>, number][]) =>
  fc.oneof(...pairs.map(([arbitrary, weight]) => ({ arbitrary, weight })));

/** A decimal of `scale` decimals: at most `max` units, mostly far fewer. */
const decimalUpTo =
  (max: bigint) =>
  (scale: number, nonNegative = false) =>
    weighted(
      [fc.bigInt({ min: nonNegative ? 0n : -(10n ** 6n), max: 10n ** 6n }), 3],
      [fc.bigInt({ min: nonNegative ? 0n : -max, max }), 1],
    ).map((u) => formatUnits(u, scale));

/** Usually on the currency's minor unit; sometimes one decimal more (invalid_amount). */
type DecimalArb = ReturnType<typeof decimalUpTo>;

const amount = (minor: number, decimal: DecimalArb) =>
  weighted([decimal(minor, true), 60], [decimal(minor), 5], [decimal(minor + 1), 1]);

const GROUPS: readonly [VatCategory, string | undefined][] = [
  ['S', '19'],
  ['S', '19.00'],
  ['S', '7.7'],
  ['S', '21'],
  ['S', '2.1'],
  ['S', '0.000001'],
  ['S', '12.3456789'],
  ['Z', '0'],
  ['Z', undefined],
  ['E', '0'],
  ['AE', '0.00'],
  ['K', '0'],
];
const RARE_GROUPS: readonly [VatCategory, string | undefined][] = [
  ['S', '0'],
  ['S', '-5'],
  ['Z', '5'],
  ['O', undefined],
  ['B', '22'],
  ['L', '7'],
  ['M', '4'],
  ['L', '-1'],
];
const group = weighted([fc.constantFrom(...GROUPS), 20], [fc.constantFrom(...RARE_GROUPS), 1]);

const lineItem = (minor: number, decimal: DecimalArb): fc.Arbitrary<LineAllowanceChargeInput> =>
  fc.oneof(
    amount(minor, decimal).map((a) => ({ amount: a })),
    fc.record(
      { percent: decimal(2, true), baseAmount: amount(minor, decimal) },
      { requiredKeys: ['percent'] },
    ),
  );

const documentItem = (
  minor: number,
  decimal: DecimalArb,
): fc.Arbitrary<DocumentAllowanceChargeInput> =>
  fc
    .tuple(lineItem(minor, decimal), group, fc.option(fc.constantFrom('Discount', 'Freight')))
    .map(([item, [vatCategory, vatRatePercent], reason]) => ({
      ...item,
      vatCategory,
      ...(vatRatePercent === undefined ? {} : { vatRatePercent }),
      ...(reason === null ? {} : { reason }),
    }));

const price = (minor: number, decimal: DecimalArb) =>
  fc.oneof(
    fc.record({ unitNetPrice: decimal(minor + 2, true) }),
    fc.record(
      {
        unitGrossPrice: decimal(minor + 1, true),
        // Now and then larger than the gross price: a negative net price (BR-27).
        priceDiscount: weighted(
          [fc.bigInt({ min: 0n, max: 1000n }).map((u) => formatUnits(u, minor)), 20],
          [decimal(minor, true), 1],
        ),
      },
      { requiredKeys: ['unitGrossPrice'] },
    ),
    // Both prices: usually net = gross - discount, sometimes one unit off (refused).
    fc
      .tuple(decimal(minor + 1, true), fc.bigInt({ min: 0n, max: 1000n }), fc.boolean())
      .map(([gross, units, agree]) => {
        const priceDiscount = formatUnits(units, minor);
        const net = new Dec(gross).minus(priceDiscount).plus(agree ? 0 : 1);
        return { unitNetPrice: net.toFixed(), unitGrossPrice: gross, priceDiscount };
      }),
  );

const line = (minor: number, decimal: DecimalArb): fc.Arbitrary<Omit<InvoiceLineInput, 'id'>> =>
  fc
    .tuple(
      group,
      weighted<object>(
        [
          fc.record(
            {
              quantity: fc.constantFrom(0, 2, 3).chain((scale) => decimal(scale)),
              price: price(minor, decimal),
              priceBaseQuantity: weighted(
                [fc.constantFrom('1', '10', '0.5', '3'), 30],
                [fc.constant('0'), 1],
              ),
              allowances: fc.array(lineItem(minor, decimal), { maxLength: 2 }),
              charges: fc.array(lineItem(minor, decimal), { maxLength: 1 }),
            },
            { requiredKeys: ['quantity', 'price'] },
          ),
          4,
        ],
        [amount(minor, decimal).map((netAmount) => ({ netAmount })), 1],
      ),
    )
    .map(([[vatCategory, vatRatePercent], body]) => {
      const { price: p, ...rest } = body as { price?: object };
      return {
        ...rest,
        ...p,
        vatCategory,
        ...(vatRatePercent === undefined ? {} : { vatRatePercent }),
      } as Omit<InvoiceLineInput, 'id'>;
    });

const CURRENCIES = [
  ['EUR', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['CHF', 2],
  ['ZZZ', 2],
] as const;

/** An invoice of the common shape, now and then beyond it or invalid. */
export const invoiceArb: fc.Arbitrary<InvoiceInput> = fc
  .tuple(
    weighted([fc.constantFrom(...CURRENCIES.slice(0, 4)), 60], [fc.constant(CURRENCIES[4]), 1]),
    // Most invoices keep to everyday amounts; one in ten has some near or past 2^53 units.
    weighted([fc.constant(10n ** 6n), 9], [fc.constantFrom(10n ** 12n, 10n ** 19n), 1]),
  )
  .chain(([[currency, minor], max]) => {
    const decimal = decimalUpTo(max);
    return fc
      .record(
        {
          lines: fc.array(line(minor, decimal), { minLength: 1, maxLength: 6 }),
          allowances: fc.array(documentItem(minor, decimal), { maxLength: 2 }),
          charges: fc.array(documentItem(minor, decimal), { maxLength: 2 }),
          prepaidAmount: amount(minor, decimal),
          cashRounding: fc.record(
            {
              increment: weighted(
                [fc.constantFrom(minor === 0 ? '5' : '0.05', '1'), 20],
                [fc.constantFrom('0', '0.0001'), 1],
              ),
              mode: fc.constantFrom(...ROUNDING_MODES),
            },
            { requiredKeys: ['increment'] },
          ),
          taxRounding: fc.constantFrom('document' as const, 'line' as const),
          roundingMode: fc.constantFrom(...ROUNDING_MODES),
          pricesIncludeTax: weighted([fc.constant(false), 5], [fc.constant(true), 1]),
          typeCode: fc.constantFrom('380', '381'),
          standardReason: weighted([fc.constant(false), 20], [fc.constant(true), 1]),
        },
        { requiredKeys: ['lines', 'standardReason'] },
      )
      .map(({ lines, standardReason, ...rest }) => ({
        ...rest,
        currency,
        lines: lines.map((l, i) => ({ id: String(i + 1), ...l })),
        exemptionReasons: {
          E: { text: 'Exempt' },
          AE: { code: 'VATEX-EU-AE' },
          K: { code: 'VATEX-EU-IC' },
          O: { text: 'Outside scope', code: 'VATEX-EU-O' },
          ...(standardReason ? { S: { text: 'not allowed on S' } } : {}),
        },
      }));
  });
