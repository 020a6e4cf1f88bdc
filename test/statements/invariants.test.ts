import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/decimal.js';
import { readCamt, readMt940 } from '../../src/statements/index.js';
import { bal, camt053, credit, mt940, ntry } from './samples.js';

const cents = fc.integer({ min: 1, max: 10_000_000 });
const amount = (c: number) => (c / 100).toFixed(2);

describe('statement invariants', () => {
  it('money is conserved: the parts of a batched entry add up to the booked amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cents, fc.boolean()), { minLength: 2, maxLength: 6 }),
        (parts) => {
          const total = parts.reduce((s, [c]) => s + c, 0);
          // Some details state their amount, some do not.
          const details = parts
            .map(([c, stated]) => credit({ amount: stated ? amount(c) : undefined }))
            .join('');
          const xml = camt053(ntry(amount(total), 'CRDT', `<NtryDtls>${details}</NtryDtls>`));
          const txs = readCamt(xml)._unsafeUnwrap().statements[0]?.transactions ?? [];
          // Details of which none states an amount are read as one transaction.
          expect(txs).toHaveLength(parts.some(([, stated]) => stated) ? parts.length : 1);
          const sum = txs.reduce((s, t) => s.plus(t.amount), new Dec(0));
          expect(sum.toFixed(2)).toBe(amount(total));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('no silent loss: every statement line becomes a transaction in the balance check', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, fc.boolean()), { maxLength: 30 }), (lines) => {
        // Opening 1000.00; the closing balance is computed by hand from the lines.
        const net = lines.reduce((s, [c, isCredit]) => s + (isCredit ? c : -c), 100_000);
        const closing = `${net < 0 ? 'D' : 'C'}240102EUR${amount(Math.abs(net)).replace('.', ',')}`;
        const body = lines
          .map(
            ([c, isCredit]) =>
              `:61:240102${isCredit ? 'C' : 'D'}${amount(c).replace('.', ',')}NTRFNONREF`,
          )
          .join('\n');
        const file = readMt940(mt940(body, 'C240101EUR1000,00', closing))._unsafeUnwrap();
        expect(file.statements[0]?.transactions).toHaveLength(lines.length);
        expect(file.statements[0]?.reconciliation?.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('same input, same output: reading twice gives equal, JSON round-trip safe results', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const body = bal('OPBD', amount(a)) + bal('CLBD', amount(a + b)) + ntry(amount(b), 'CRDT');
        const first = readCamt(camt053(body))._unsafeUnwrap();
        expect(readCamt(camt053(body))._unsafeUnwrap()).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        expect(first.statements[0]?.reconciliation?.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
