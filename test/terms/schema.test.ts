import { describe, expect, it } from 'vitest';
import { paymentTermsSchema, validatePaymentTerms } from '../../src/terms/index.js';

const issuesOf = (input: unknown) => {
  const error = validatePaymentTerms(input, ['terms'])._unsafeUnwrapErr();
  return error.code === 'invalid_input' ? error.issues : [];
};

describe('paymentTermsSchema', () => {
  it('accepts every kind', () => {
    const kinds = [
      { kind: 'due-on-receipt' },
      { kind: 'net', days: 30 },
      { kind: 'days-end-of-month', days: 45 },
      { kind: 'end-of-month', months: 1 },
      { kind: 'end-of-month', months: 0, days: 30 },
      { kind: 'days-end-of-month-day', days: 30, day: 10 },
      { kind: 'day-of-month', day: 15 },
      { kind: 'day-of-month', day: 15, months: 1 },
      {
        kind: 'instalments',
        instalments: [
          { percent: '40', terms: { kind: 'due-on-receipt' } },
          { percent: '60', terms: { kind: 'net', days: 60 } },
        ],
      },
      { kind: 'instalments', instalments: [{ amount: '100.00', terms: { kind: 'net', days: 1 } }] },
    ];
    for (const terms of kinds) expect(paymentTermsSchema.safeParse(terms).success).toBe(true);
  });

  it('needs an explicit discount base and ordered tiers', () => {
    const tiers = [{ days: 10, percent: '2' }];
    expect(issuesOf({ kind: 'net', days: 30, discount: { tiers } })[0]?.path).toEqual([
      'terms',
      'discount',
      'base',
    ]);
    const unordered = { base: 'gross', tiers: [...tiers, { days: 5, percent: '1' }] };
    expect(issuesOf({ kind: 'net', days: 30, discount: unordered })[0]?.path).toEqual([
      'terms',
      'discount',
      'tiers',
      1,
      'days',
    ]);
    const zero = { base: 'gross', tiers: [{ days: 10, percent: '0' }] };
    expect(issuesOf({ kind: 'net', days: 30, discount: zero })).toHaveLength(1);
  });

  it('refuses misspelt fields instead of ignoring them', () => {
    expect(issuesOf({ kind: 'net', days: 30, discunt: {} })).toHaveLength(1);
  });

  it('checks instalment shares', () => {
    const part = (share: object) => ({ ...share, terms: { kind: 'net', days: 30 } });
    const notHundred = { kind: 'instalments', instalments: [part({ percent: '50' })] };
    expect(issuesOf(notHundred)[0]?.message).toBe('instalment percentages add up to 50, not 100');
    const mixed = {
      kind: 'instalments',
      instalments: [part({ percent: '50' }), part({ amount: '10.00' })],
    };
    expect(issuesOf(mixed)[0]?.message).toMatch(/all by percent or all by amount/);
    const netBase = {
      kind: 'instalments',
      instalments: [
        {
          percent: '100',
          terms: {
            kind: 'net',
            days: 30,
            discount: { base: 'net', tiers: [{ days: 10, percent: '2' }] },
          },
        },
      ],
    };
    expect(issuesOf(netBase)[0]?.path).toEqual([
      'terms',
      'instalments',
      0,
      'terms',
      'discount',
      'base',
    ]);
    const nested = {
      kind: 'instalments',
      instalments: [{ percent: '100', terms: { kind: 'instalments', instalments: [] } }],
    };
    expect(issuesOf(nested).length).toBeGreaterThan(0);
    expect(issuesOf({ kind: 'instalments', instalments: [] }).length).toBeGreaterThan(0);
  });
});
