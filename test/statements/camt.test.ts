import { describe, expect, it } from 'vitest';
import { readCamt } from '../../src/statements/index.js';
import { bal, camt053, credit, ntry } from './samples.js';

const entryOf = (xml: string) => readCamt(xml)._unsafeUnwrap().statements[0]?.transactions ?? [];

describe('readCamt', () => {
  it('reads versions 02, 04 and 08 from the namespace, parties flat or under Pty', () => {
    for (const [version, pty] of [
      ['02', false],
      ['04', false],
      ['08', true],
    ] as const) {
      const xml = camt053(
        ntry('10.00', 'CRDT', `<NtryDtls>${credit({ pty })}</NtryDtls>`),
        version,
      );
      const file = readCamt(xml)._unsafeUnwrap();
      expect(file.version).toBe(`camt.053.001.${version}`);
      expect(file.statements[0]?.transactions[0]?.counterpartyName).toBe('Acme GmbH');
    }
  });

  it('ignores the NOTPROVIDED end-to-end id and joins Ustrd lines with a space', () => {
    const details = credit({ endToEnd: 'NOTPROVIDED', ustrd: ['Invoice 2024-17', 'and 2024-18'] });
    const [t] = entryOf(camt053(ntry('10.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`)));
    expect(t?.endToEndId).toBeUndefined();
    expect(t?.remittanceText).toBe('Invoice 2024-17 and 2024-18');
    expect(t?.counterpartyAccount).toBe('FR1420041010050500013M02606');
  });

  it('reads an ISO 11649 reference and a Swiss QR reference with their check digits', () => {
    // RF18539007547034 is the example of ISO 11649; 21000000000313947143000901|7 of the
    // Swiss QR-bill implementation guidelines (recursive mod 10 gives 7).
    const rf = credit({ ref: { code: 'SCOR', value: 'RF18 5390 0754 7034' } });
    const qr = credit({ ref: { prtry: 'QRR', value: '210000000003139471430009017' } });
    const body =
      ntry('10.00', 'CRDT', `<NtryDtls>${rf}</NtryDtls>`) +
      ntry('5.00', 'CRDT', `<NtryDtls>${qr}</NtryDtls>`);
    const file = readCamt(camt053(body))._unsafeUnwrap();
    const [a, b] = file.statements[0]?.transactions ?? [];
    expect(a?.structuredReference).toEqual({
      value: 'RF18539007547034',
      scheme: 'iso11649',
      valid: true,
    });
    expect(b?.structuredReference).toEqual({
      value: '210000000003139471430009017',
      scheme: 'qr',
      valid: true,
    });
    expect(file.warnings).toEqual([]);
  });

  it('reads a reference that fails its check digits and reports it', () => {
    const bad = credit({ ref: { code: 'SCOR', value: 'RF18539007547035' } });
    const file = readCamt(
      camt053(ntry('10.00', 'CRDT', `<NtryDtls>${bad}</NtryDtls>`)),
    )._unsafeUnwrap();
    expect(file.statements[0]?.transactions[0]?.structuredReference?.valid).toBe(false);
    expect(file.warnings.map((w) => w.code)).toEqual(['invalid_reference_check_digits']);
  });

  it('splits a batched entry into one transaction per detail, amounts adding up', () => {
    const details = credit({ amount: '60.00', name: 'A' }) + credit({ amount: '40.00', name: 'B' });
    const txs = entryOf(camt053(ntry('100.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`)));
    expect(txs.map((t) => [t.amount, t.counterpartyName, t.id])).toEqual([
      ['60.00', 'A', 'STMT-1/1.1'],
      ['40.00', 'B', 'STMT-1/1.2'],
    ]);
  });

  it('warns when the details of a batch do not add up to the booked amount', () => {
    const details = credit({ amount: '60.00' }) + credit({ amount: '30.00' });
    const file = readCamt(
      camt053(ntry('100.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`)),
    )._unsafeUnwrap();
    expect(file.warnings.map((w) => w.code)).toEqual(['batch_amount_mismatch']);
  });

  it('keeps the reversal flag and uses AcctSvcrRef as the id where it is unique', () => {
    const extra = '<RvslInd>true</RvslInd>';
    const body =
      ntry('10.00', 'DBIT', '<AcctSvcrRef>BANK-1</AcctSvcrRef>', extra) +
      ntry('11.00', 'CRDT', '<AcctSvcrRef>BANK-2</AcctSvcrRef>') +
      ntry('12.00', 'CRDT', '<AcctSvcrRef>BANK-2</AcctSvcrRef>');
    const txs = entryOf(camt053(body));
    expect(txs.map((t) => [t.id, t.reversal, t.direction])).toEqual([
      ['BANK-1', true, 'debit'],
      ['STMT-1/2', false, 'credit'],
      ['STMT-1/3', false, 'credit'],
    ]);
  });

  it('reconciles opening (PRCD when no OPBD) + booked entries = closing', () => {
    // 100.00 + 25.50 - 5.50 = 120.00; the pending 999.00 does not count.
    const pending = ntry('999.00', 'CRDT').replace('<Sts>BOOK</Sts>', '<Sts><Cd>PDNG</Cd></Sts>');
    const body =
      bal('PRCD', '100.00') +
      bal('CLBD', '120.00') +
      ntry('25.50', 'CRDT') +
      ntry('5.50', 'DBIT') +
      pending;
    const file = readCamt(camt053(body))._unsafeUnwrap();
    expect(file.statements[0]?.reconciliation).toEqual({
      ok: true,
      opening: '100.00',
      entries: '20.00',
      closing: '120.00',
      difference: '0.00',
    });
    expect(file.statements[0]?.transactions[2]?.status).toBe('PDNG');
  });

  it('reports a mismatch as a warning with the difference', () => {
    // 100.00 + 25.50 = 125.50, closing says 125.00: difference -0.50.
    const body = bal('OPBD', '100.00') + bal('CLBD', '125.00') + ntry('25.50', 'CRDT');
    const file = readCamt(camt053(body))._unsafeUnwrap();
    expect(file.statements[0]?.reconciliation?.difference).toBe('-0.50');
    expect(file.warnings[0]?.code).toBe('balance_mismatch');
  });
});

describe('readCamt on bad input', () => {
  it('names the element and line of a missing mandatory element', () => {
    const xml = camt053(ntry('10.00', 'CRDT').replace('<CdtDbtInd>CRDT</CdtDbtInd>', ''));
    const e = readCamt(xml)._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
    expect(e.path).toEqual(['Document', 'BkToCstmrStmt', 'Stmt', 'Ntry', 'CdtDbtInd']);
    expect(e).toMatchObject({ line: 9 });
    expect(e.message).toContain('missing mandatory element CdtDbtInd');
  });

  it('refuses a wrong amount format (decimal comma) naming the element', () => {
    const e = readCamt(camt053(ntry('10,00', 'CRDT')))._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
    expect(e.message).toContain('wrong amount format "10,00"');
    expect(e.path).toEqual(['Document', 'BkToCstmrStmt', 'Stmt', 'Ntry', 'Amt']);
  });

  it('names the line where a truncated file breaks off', () => {
    const xml = camt053(ntry('10.00', 'CRDT'));
    const e = readCamt(xml.slice(0, xml.indexOf('<Sts>')))._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
    expect(e.message).toMatch(/malformed XML/);
    expect(e).toHaveProperty('line');
  });

  it('refuses a namespace that contradicts the message', () => {
    const xml = camt053('').replace('camt.053.001.02', 'camt.054.001.02');
    expect(readCamt(xml)._unsafeUnwrapErr().message).toContain('namespace says camt.054');
  });
});
