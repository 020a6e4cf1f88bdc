import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerAgingCommand } from '../../src/cli/commands/aging.js';

describe('receivables aging <file>', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('ages the example ledger as of 2026-03-31, as JSON', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'aging',
        'examples/data/ledger.json',
        '--as-of',
        '2026-03-31',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    // By hand, days past due on 2026-03-31:
    // ACME INV-1002 2380.00 - 238.00 credit - 1000.00 paid = 1142.00, due 01-14: 76 -> 61-90;
    //      INV-1003 595.00, due 03-22: 9 -> 1-30.
    // BETA INV-1004/2 1586.67 - 1453.77 = 132.90, due 2025-11-30: 121 -> over 120;
    //      INV-1004/3 1586.66, due 2025-12-31: 90 -> 61-90; INV-1005 833.00, due 02-09: 50 -> 31-60.
    // CAFE INV-1007 178.50, due 03-16: 15 -> 1-30; PAY-305 300.00 - 164.00 = 136.00 unapplied
    //      of 03-25: 6 days -> 1-30 as -136.00; row 42.50.
    // DUNE (USD) INV-1008 5000.00 - 2000.00 = 3000.00 (PAY-307 was reversed on 03-04, so its
    //      500.00 no longer holds), due 2025-12-31: 90 -> 61-90; INV-1009 1250.00 not due yet.
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        amounts: ['0.00', '637.50', '833.00', '2728.66', '0.00', '132.90'],
        openAmount: '4468.06',
        unappliedCash: '136.00',
        unappliedCredit: '0.00',
        balance: '4332.06',
        // 637.50 / 4332.06 = 14.7159 %, 833 -> 19.2287, 2728.66 -> 62.9876, 132.90 -> 3.0678:
        // floors add up to 99.97; the 3 hundredths go to the largest remainders (.87, .78, .76).
        percentages: ['0.00', '14.71', '19.23', '62.99', '0.00', '3.07'],
        customers: 3,
      },
      {
        currency: 'USD',
        amounts: ['1250.00', '0.00', '0.00', '3000.00', '0.00', '0.00'],
        openAmount: '4250.00',
        unappliedCash: '0.00',
        unappliedCredit: '0.00',
        balance: '4250.00',
        percentages: ['29.41', '0.00', '0.00', '70.59', '0.00', '0.00'],
        customers: 1,
      },
    ]);
  });

  it('exits non-zero with a clear message on bad input', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    const program = new Command().exitOverride();
    registerAgingCommand(program);
    await program.parseAsync(['node', 'receivables', 'aging', 'no/such/file.json']);
    expect(process.exitCode).toBe(2); // exit 2: the file cannot be read (src/cli/io.ts)
    expect(errors.join('')).toContain('cannot read no/such/file.json');
    await program.parseAsync([
      'node',
      'receivables',
      'aging',
      'examples/data/ledger.json',
      '--basis',
      'weekly',
    ]);
    expect(errors.join('')).toContain('unknown aging basis weekly');
  });
});

describe('receivables aging and dunning on a ledger with records that count only in part', () => {
  it('prints the report and names each such record on stderr', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const ledger = JSON.parse(readFileSync('examples/data/ledger.json', 'utf8'));
    // AL-1 pays INV-1001 (1190.00) in full; ask for 2000.00 instead.
    ledger.allocations[0].amount = '2000.00';
    const file = join(mkdtempSync(join(tmpdir(), 'aging-')), 'over.json');
    writeFileSync(file, JSON.stringify(ledger));
    const warning = 'warning: allocation AL-1 counts for 1190.00 of 2000.00 (capped)';
    const policy = ['--policy', 'examples/data/dunning-policy.json'];
    for (const args of [['aging'], ['dunning', ...policy]]) {
      const [command, ...rest] = args;
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', command!, file, ...rest, '--as-of', '2026-03-31'],
        { encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`receivables ${command}: ${warning}`);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });
});
