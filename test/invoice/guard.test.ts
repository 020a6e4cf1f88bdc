import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvoiceInput, isPlainDecimal } from '../../src/invoice/guard.js';
import { calculateInvoice, invoiceInputSchema } from '../../src/invoice/index.js';
import { invoiceArb } from './fast-arbitraries.js';

type Json = { [key: string]: unknown } | unknown[];

/** Every place in a value: the container and the key of each property and element. */
function places(value: unknown, out: [Json, string | number][] = []): [Json, string | number][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([value, i]);
      places(v, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Json, k]);
      places(v, out);
    }
  }
  return out;
}

const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  12.5,
  Number.NaN,
  '',
  '1e3',
  '12,50',
  ' 1',
  '1.',
  '.5',
  '+',
  '١٢',
  '2024-1-01',
  '2024-02-30',
  '38',
  'X',
  'AE',
  'line',
  'half-even',
  true,
  {},
  [],
  [{}],
  { text: '' },
  { code: 'VATEX' },
];

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.constantFrom(...BAD_VALUES),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    at: fc.nat(),
    key: fc.constantFrom('X', 'S', 'note', 'constructor', '__proto__'),
  }),
);

function mutate(input: unknown, changes: readonly Mutation[]): unknown {
  const copy = structuredClone(input);
  for (const change of changes) {
    const all = places(copy);
    if (all.length === 0) break;
    const [container, key] = all[change.at % all.length]!;
    const target = container as Record<string | number, unknown>;
    if (change.kind === 'set') target[key] = change.value;
    else if (change.kind === 'delete') delete target[key];
    else if (typeof target[key] === 'object' && target[key] !== null) {
      // An own "__proto__" key, as JSON.parse makes it (an assignment would set the prototype).
      Object.defineProperty(target[key], change.key, {
        value: { text: 'extra' },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}

describe('the hand-written input check', () => {
  it('accepts exactly what the schema accepts, on generated and mutated invoices', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(invoiceArb, fc.array(mutation, { maxLength: 3 }), (input, changes) => {
        const value = mutate(input, changes);
        const schema = invoiceInputSchema.safeParse(value).success;
        expect(isInvoiceInput(value)).toBe(schema);
        if (schema) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 400 },
    );
    // Both answers must be well represented for the agreement to mean something.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('accepts a plain decimal exactly when the schema pattern does', () => {
    const format = /^[+-]?\d+(\.\d+)?$/;
    const text = fc.string({ unit: fc.constantFrom(...'0123456789.+-e, ٣\n'), maxLength: 8 });
    fc.assert(
      fc.property(text, (s) => {
        expect(isPlainDecimal(s)).toBe(format.test(s));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the rare shapes it refuses to the schema, with the same result', () => {
    // Object.create gives a record a prototype of its own: the schema still accepts it.
    const reasons = Object.assign(Object.create({ inherited: true }), { E: { text: 'Exempt' } });
    const input = {
      currency: 'EUR',
      lines: [{ id: '1', netAmount: '10.00', vatCategory: 'E' }],
      exemptionReasons: reasons,
    };
    expect(isInvoiceInput(input)).toBe(false);
    expect(invoiceInputSchema.safeParse(input).success).toBe(true);
    expect(
      calculateInvoice(input)
        .map((c) => c.totals.amountDue)
        ._unsafeUnwrap(),
    ).toBe('10.00');
  });

  it('still reports bad input through the schema, with the path', () => {
    const input = {
      currency: 'EUR',
      lines: [
        { id: '1', quantity: 2, unitNetPrice: '1.00', vatCategory: 'S', vatRatePercent: '19' },
      ],
    };
    const error = calculateInvoice(input)._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['lines', 0, 'quantity']);
  });
});
