import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledger } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-metrics-'));
const file = join(dir, 'ledger.json');
writeFileSync(file, JSON.stringify(ledger));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'metrics', ...args], {
    encoding: 'utf8',
  });
}

describe('receivables metrics <file>', () => {
  it('prints the monthly rows as JSON, the same figures as the library', () => {
    const run = cli(file, '--from', '2026-01-01', '--to', '2026-02-28', '--json');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout);
    // January: 400 / 1000 x 31 = 12.40 (see hand.test.ts); February has no sales.
    expect(rows.map((r: { dso: unknown }) => r.dso)).toEqual([
      { value: '12.40' },
      { value: null, reason: 'no_sales' },
    ]);
  });

  it('prints a table by quarter, and fails with a message on a bad file', () => {
    const table = cli(file, '--by', 'quarter');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('2026-Q1');
    const bad = cli(join(dir, 'missing.json'));
    expect(bad.status).toBe(2); // exit 2: the file cannot be read (src/cli/io.ts)
    expect(bad.stderr).toContain('cannot read');
  });
});
