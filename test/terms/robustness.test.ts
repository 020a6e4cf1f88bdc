import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, parseCurrencies, parseMoney } from '../../src/money/index.js';
import {
  discountFor,
  dueDate,
  earnedDiscount,
  instalmentSchedule,
  parsePaymentTerms,
  validatePaymentTerms,
} from '../../src/terms/index.js';

// Outside input of any shape: a function that takes it returns an error, never throws.
const junk = fc.oneof(
  fc.anything(),
  fc.record({ kind: fc.constantFrom('net', 'end-of-month', 'instalments'), days: fc.anything() }),
  fc.record({
    kind: fc.constant('instalments'),
    instalments: fc.array(fc.record({ percent: fc.string(), terms: fc.anything() })),
  }),
);

const options = fc.option(
  fc.record(
    {
      calendar: fc.oneof(
        fc.anything(),
        fc.record({ weekend: fc.anything(), holidays: fc.anything() }),
      ),
      convention: fc.anything(),
      issueDate: fc.anything(),
      policy: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('bad input is an error value, never an exception', () => {
  it('terms functions return Results for any terms, dates and options', () => {
    fc.assert(
      fc.property(junk, fc.anything(), options, (terms, date, options) => {
        expect(() => validatePaymentTerms(terms)).not.toThrow();
        expect(() => dueDate(date as never, terms as never, options as never)).not.toThrow();
        expect(() =>
          instalmentSchedule(money('10.00', 'EUR'), terms as never, options as never),
        ).not.toThrow();
        expect(() =>
          discountFor(
            { issueDate: date as never, terms: terms as never, grossAmount: money('1', 'EUR') },
            date as never,
          ),
        ).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('text, amounts, offers and currency lists never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (text, value) => {
        expect(parsePaymentTerms(text).isOk() || parsePaymentTerms(text).isErr()).toBe(true);
        expect(() => parseMoney(value, value)).not.toThrow();
        expect(() => parseMoney(text, 'EUR', { exact: true })).not.toThrow();
        expect(() => parseCurrencies(value)).not.toThrow();
        const offers = [{ until: text, percent: text, baseAmount: text }];
        expect(() => earnedDiscount(offers, money('1.00', 'EUR'), '2024-01-01')).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
