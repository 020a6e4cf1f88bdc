import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The statements module's copy of a public camt.053 test file (see test/fixtures/bank):
// one batched entry of two CHF credits, 2187.00 (ESR reference with a bad check digit)
// and 1296.00 (ESR reference 302388292000022222222222222, valid), both from
// "Banque Cantonale Vaudoise", value date 2017-03-23.
const STATEMENT = 'test/fixtures/bank/camt053_oca_test-camt053-txdtls.xml';

const ledger = {
  customers: [
    { id: 'C-BCV', name: 'Banque Cantonale Vaudoise SA', accounts: ['CH3333000000123456789'] },
  ],
  invoices: [
    {
      id: 'INV-21',
      customerId: 'C-BCV',
      currency: 'CHF',
      issueDate: '2017-02-01',
      dueDate: '2017-03-03',
      amount: '2187.00',
    },
    {
      id: 'INV-22',
      customerId: 'C-BCV',
      currency: 'CHF',
      issueDate: '2017-02-10',
      dueDate: '2017-03-12',
      amount: '1296.00',
      paymentReference: '302388292000022222222222222',
    },
  ],
};

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'match', ...args], {
    encoding: 'utf8',
  });
}

describe('receivables match <statement> <ledger> (spawned CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receivables-match-'));
  const ledgerPath = join(dir, 'ledger.json');
  writeFileSync(ledgerPath, JSON.stringify(ledger));

  it('decides every transaction, explains why, and writes the applied ledger', () => {
    const out = join(dir, 'applied.json');
    const run = cli(STATEMENT, ledgerPath, '--json', '--output', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const summary = result.decisions.map(
      (d: { status: string; allocations: { itemId: string }[] }) => [
        d.status,
        d.allocations.map((a) => a.itemId),
      ],
    );
    // 1296.00 carries INV-22's reference; 2187.00 comes from the customer's name and is
    // the only open amount of theirs that fits.
    expect(summary).toEqual([
      ['auto', ['INV-21']],
      ['auto', ['INV-22']],
    ]);
    expect(result.decisions[1].signals[0].code).toBe('reference_exact');
    const applied = JSON.parse(readFileSync(out, 'utf8'));
    expect(applied.payments.map((p: { transactionId: string }) => p.transactionId)).toEqual([
      '20170323123456789012345/1.1',
      '20170323123456789012345/1.2',
    ]);
  });

  it('prints a table with reasons', () => {
    const run = cli(STATEMENT, ledgerPath);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'reference 302388292000022222222222222 is the payment reference of INV-22',
    );
    expect(run.stdout).toContain('2 auto, 0 to review, 0 unmatched, 0 ignored');
  });

  it('exits non-zero with a clear message on a bad ledger or date', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"invoices": [{"id": 1}]}');
    const run = cli(STATEMENT, bad);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^receivables match: .*bad\.json/);
    const date = cli(STATEMENT, ledgerPath, '--as-of', '2017-02-30');
    expect(date.status).toBe(1);
    expect(date.stderr).toContain('--as-of must be a date');
  });

  it('ignores an entry the bank has not booked (camt PDNG)', () => {
    const pending = join(dir, 'pending.xml');
    const xml = readFileSync(STATEMENT, 'utf8').replace(
      '<Sts>BOOK</Sts>',
      '<Sts><Cd>PDNG</Cd></Sts>',
    );
    writeFileSync(pending, xml);
    const run = cli(pending, ledgerPath, '--json');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    // Both parts of the one (pending) entry: never applied, never suggested.
    expect(
      result.decisions.map((d: { status: string; reason: string }) => [d.status, d.reason]),
    ).toEqual([
      ['ignored', 'not booked (PDNG)'],
      ['ignored', 'not booked (PDNG)'],
    ]);
  });

  it('reports transactions of its own --output ledger as already applied', () => {
    const out = join(dir, 'once.json');
    expect(cli(STATEMENT, ledgerPath, '--output', out).status).toBe(0);
    const again = cli(STATEMENT, out, '--json');
    expect(again.status).toBe(0);
    const result = JSON.parse(again.stdout);
    expect(
      result.decisions.map((d: { status: string; reason: string }) => [d.status, d.reason]),
    ).toEqual([
      ['ignored', 'already applied as PAY-20170323123456789012345/1.1'],
      ['ignored', 'already applied as PAY-20170323123456789012345/1.2'],
    ]);
  });

  it('reads a CSV statement with --mapping', () => {
    // One credit of 1296.00 CHF quoting INV-22's reference, from the customer's account.
    const csv = join(dir, 'bank.csv');
    writeFileSync(
      csv,
      'Date;Amount;Currency;Account;Reference\n23.03.2017;1296,00;CHF;CH3333000000123456789;' +
        '302388292000022222222222222\n',
    );
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        delimiter: ';',
        decimalSeparator: ',',
        dateFormat: 'DD.MM.YYYY',
        columns: {
          bookingDate: 'Date',
          amount: 'Amount',
          currency: 'Currency',
          counterpartyAccount: 'Account',
          remittanceText: 'Reference',
        },
      }),
    );
    const run = cli(csv, ledgerPath, '--mapping', mapping, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const d = JSON.parse(run.stdout).decisions;
    expect(
      d.map((x: { status: string; allocations: { itemId: string }[] }) => [
        x.status,
        x.allocations.map((a) => a.itemId),
      ]),
    ).toEqual([['auto', ['INV-22']]]);
    const missing = cli(csv, ledgerPath, '--mapping', join(dir, 'none.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^receivables match: .*none\.json/);
  });
});
