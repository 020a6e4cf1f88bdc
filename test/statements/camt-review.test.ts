import { describe, expect, it } from 'vitest';
import { readCamt } from '../../src/statements/index.js';
import { camt053, credit, ntry } from './samples.js';

describe('readCamt batch whose details state no amount', () => {
  it('reads one transaction of the booked 100.00 with every text, not 100.00 + 0.00', () => {
    const details = credit({ ustrd: ['INV 1'] }) + credit({ ustrd: ['INV 2'] });
    const xml = camt053(ntry('100.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`));
    const file = readCamt(xml)._unsafeUnwrap();
    const txs = file.statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.amount, t.remittanceText, t.batch])).toEqual([
      ['100.00', 'INV 1 INV 2', undefined],
    ]);
    expect(file.warnings.map((w) => w.code)).toContain('inferred_value');
    expect(file.warnings.map((w) => w.message).join()).toContain(
      'none of 2 details states an amount in EUR; read as one transaction',
    );
  });

  it('still splits when some details state amounts: 100.00 = 60.00 + inferred 40.00', () => {
    const details = credit({ amount: '60.00' }) + credit({});
    const xml = camt053(ntry('100.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`));
    const txs = readCamt(xml)._unsafeUnwrap().statements[0]?.transactions ?? [];
    expect(txs.map((t) => t.amount)).toEqual(['60.00', '40.00']);
  });
});
