import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // A bad option is a usage error: exit 2 (src/cli/io.ts).
    expect(process.exitCode).toBe(2);
  });

  it('prints many transactions as aligned lines, linear in the count', async () => {
    // 1,200 entries of 1.00: opening 0.00 + 1200 x 1.00 = closing 1200.00.
    const dir = mkdtempSync(join(tmpdir(), 'stmt-'));
    const entries = Array.from({ length: 1200 }, () => ':61:2401020102C1,00NTRFNONREF\n:86:x');
    const mt = `:20:R\n:25:DE1/2\n:28C:1/1\n:60F:C240102EUR0,\n${entries.join('\n')}\n:62F:C240102EUR1200,\n-`;
    writeFileSync(join(dir, 'big.sta'), mt);
    const started = performance.now();
    const { out } = await inProcess(join(dir, 'big.sta'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(out).toContain('mt940: 1 statement(s), 1200 transaction(s)');
    expect(out).toContain('opening 0.00 + entries 1200.00 = closing 1200.00: ok');
    expect(out.split('\n').filter((l) => l.startsWith('DE1/2/1/1/')).length).toBe(1200);
  });

  it('refuses a file above the size limit before reading it (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stmt-'));
    const path = join(dir, 'huge.sta');
    // A sparse file of 50 MiB + 1 byte: one more than DEFAULT_MAX_BYTES.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024 + 1);
    closeSync(fd);
    const { err } = await inProcess(path);
    expect(process.exitCode).toBe(2);
    expect(err).toContain('Input too large: 52428801 bytes exceeds the limit of 52428800 bytes');
  });

  it('says a mapping file holding null is not a mapping (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stmt-'));
    writeFileSync(join(dir, 'null.json'), 'null');
    writeFileSync(join(dir, 'a.csv'), 'date,amount\n2024-01-02,1.00\n');
    const { err } = await inProcess(join(dir, 'a.csv'), '--mapping', join(dir, 'null.json'));
    expect(process.exitCode).toBe(1);
    expect(err).toContain('a CSV mapping must be a JSON object');
  });

  it('reads a UTF-16 LE mapping file with a byte order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stmt-'));
    const json = JSON.stringify({
      columns: { bookingDate: 'date', amount: 'amount' },
      currency: 'EUR',
      dateFormat: 'YYYY-MM-DD',
    });
    writeFileSync(join(dir, 'm.json'), Buffer.from(`\uFEFF${json}`, 'utf16le'));
    writeFileSync(join(dir, 'a.csv'), 'date,amount\n2024-01-02,1.50\n');
    const { out, err } = await inProcess(
      join(dir, 'a.csv'),
      '--mapping',
      join(dir, 'm.json'),
      '--json',
    );
    expect(err).toBe('');
    expect(JSON.parse(out).statements[0].transactions[0].amount).toBe('1.50');
  });
});
