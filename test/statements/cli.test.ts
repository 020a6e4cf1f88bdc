import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerStatementCommand } from '../../src/cli/commands/statement.js';

async function inProcess(...args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  const program = new Command().exitOverride();
  registerStatementCommand(program);
  await program.parseAsync(['node', 'receivables', 'statement', ...args]);
  vi.restoreAllMocks();
  return { out, err };
}

describe('receivables statement <file>', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('prints the transactions of a real camt.053 file as JSON (spawned CLI)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'statement',
        'test/fixtures/bank/camt053_oca_test-camt053-txdtls.xml',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = JSON.parse(run.stdout);
    // index.json: one batched credit of 3483.00 CHF = 2187.00 + 1296.00, balances reconcile.
    const amounts = file.statements[0].transactions.map((t: { amount: string }) => t.amount);
    expect(amounts).toEqual(['2187.00', '1296.00']);
    expect(file.statements[0].reconciliation.ok).toBe(true);
  });

  it('prints statements, the balance check and warnings as tables', async () => {
    const { out } = await inProcess('test/fixtures/bank/mt940_jejik_postfinance.sta');
    expect(out).toContain('mt940: 2 statement(s), 4 transaction(s)');
    // 229.20 - 79.90 + 10.10 = 159.40, the file says 159.60.
    expect(out).toContain('(difference 0.20)');
    expect(out).toContain('warning: Statement 123456789/999/2');
  });

  it('exits non-zero naming the file and the problem', async () => {
    const { err } = await inProcess('test/fixtures/bank/index.json');
    expect(process.exitCode).toBe(1);
    expect(err).toContain(
      'receivables statement: test/fixtures/bank/index.json: Unsupported format',
    );
    await inProcess('test/fixtures/bank/mt940_cmxl_mt940.sta', '--format', 'xml');
    expect(process.exitCode).toBe(1);
  });
});
