import { describe, expect, it } from 'vitest';
import { matchPayments } from '../../src/matching/index.js';
import { ACME, ACME_IBAN, BETA, credit, invoice } from './helpers.js';

const customers = [ACME, BETA];
const fromAcme = (amount: string) => credit('t1', amount, { counterpartyAccount: ACME_IBAN });
const one = (...args: Parameters<typeof matchPayments>) =>
  matchPayments(...args)._unsafeUnwrap().decisions[0]!;
const ids = (allocations: readonly { itemId?: string }[]) => allocations.map((a) => a.itemId);

describe('combined payments without remittance text', () => {
  // Oldest first by due date. A-1 + A-2 + A-3 = 100.00 + 200.00 + 300.00 = 600.00, and
  // so is A-4 + A-5 + A-6 = 150.00 + 170.00 + 280.00 (and A-2 + A-4 + A-7 = 200 + 150 + 250).
  const items = [
    invoice('A-1', 'C-88', '100.00', '2024-02-01'),
    invoice('A-2', 'C-88', '200.00', '2024-02-05'),
    invoice('A-3', 'C-88', '300.00', '2024-02-10'),
    invoice('A-4', 'C-88', '150.00', '2024-02-15'),
    invoice('A-5', 'C-88', '170.00', '2024-02-20'),
    invoice('A-6', 'C-88', '280.00', '2024-02-25'),
    invoice('A-7', 'C-88', '250.00', '2024-03-01'),
  ];

  it('applies the oldest open items when they add up, however many other sets also do', () => {
    // Known account 0.35 + exact 0.35 + oldest 0.15 = 0.85. A-4..A-6 is a run too:
    // 0.35 + 0.35 + 0.05 (no gap) = 0.75. A lead of 0.10 is below the margin of 0.15:
    // the oldest items come first, for a person to confirm.
    const d = one([fromAcme('600.00')], items, customers);
    expect(ids(d.allocations)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(d.signals.map((s) => s.code)).toContain('combination_oldest');
    expect(d.signals.find((s) => s.code === 'combination_oldest')?.detail).toBe(
      "they are the customer's 3 oldest open items, all those due up to 2024-02-10",
    );
    expect(d.status).toBe('suggest');
    expect(d.candidates[1]!.signals.map((s) => s.code)).toContain('combination_consecutive');
  });

  it('applies the oldest open items automatically when no other run adds up', () => {
    // Without A-6, the only sets of 600.00 are A-1..A-3 (oldest, 0.85) and A-2 + A-4 + A-7
    // (0.35 + 0.35 = 0.70): a lead of 0.15.
    const d = one(
      [fromAcme('600.00')],
      items.filter((i) => i.id !== 'A-6'),
      customers,
    );
    expect(d.status).toBe('auto');
    expect(ids(d.allocations)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(d.candidates[1]!.allocations.map((a) => a.itemId)).toEqual(['A-2', 'A-4', 'A-7']);
  });

  it('ranks a run without a gap above a scattered set of the same sum', () => {
    // 150.00 + 170.00 + 280.00 (A-4..A-6) = 600.00 = 200.00 + 150.00 + 250.00 (A-2, A-4,
    // A-7); the oldest items are not open here, so neither is the oldest run.
    const open = items.filter((i) => !['A-1', 'A-3'].includes(i.id));
    const d = one([fromAcme('600.00')], open, customers);
    expect(ids(d.allocations)).toEqual(['A-4', 'A-5', 'A-6']);
    expect(d.status).toBe('suggest');
  });

  it('among sets of as many items, ranks first the one whose items were all due', () => {
    // Paid 2024-03-08. C-1 + C-4 = 100.00 + 200.00 = 300.00 = C-2 + C-3 = 120.00 + 180.00;
    // C-4 falls due only on 2024-04-01. Neither pair is a run without a gap; by age
    // alone C-1 + C-4 would come first.
    const due = [
      invoice('C-1', 'C-88', '100.00', '2024-02-01'),
      invoice('C-2', 'C-88', '120.00', '2024-02-10'),
      invoice('C-9', 'C-88', '900.00', '2024-02-20'),
      invoice('C-3', 'C-88', '180.00', '2024-03-01'),
      invoice('C-4', 'C-88', '200.00', '2024-04-01'),
    ];
    const d = one([fromAcme('300.00')], due, customers);
    expect(ids(d.allocations)).toEqual(['C-2', 'C-3']);
    expect(d.signals.map((s) => s.code)).toContain('combination_due');
    expect(d.candidates[1]!.signals.map((s) => s.code)).not.toContain('combination_due');
  });

  it('finds all the items due up to a date, even more of them than the search would combine', () => {
    // The oldest six add up to 100 + 200 + 300 + 150 + 170 + 280 = 1200.00; the policy
    // combines at most 5 items by search (which finds 300 + 280 + 250 + 200 + 170), the
    // run has no such limit, and being the oldest ranks it first.
    const many = [100, 200, 300, 150, 170, 280, 250].map((a, i) =>
      invoice(`B-${i + 1}`, 'C-88', `${a}.00`, `2024-02-${String(i + 10).padStart(2, '0')}`),
    );
    const d = one([fromAcme('1200.00')], many, customers);
    expect(ids(d.allocations)).toEqual(['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6']);
    expect(d.signals.map((s) => s.code)).toContain('combination_oldest');
  });
});
