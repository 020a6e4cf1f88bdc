import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', 'invoice', ...args], { encoding: 'utf8' });

describe('receivables invoice', () => {
  it('computes an official UBL example and finds nothing wrong with it (--json)', () => {
    const r = run('test/fixtures/en16931/ubl/ubl-tc434-example4.xml', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    // 1500.00 x 25 % = 375.00, 2500.00 x 12 % = 300.00; 4000.00 + 675.00 = 4675.00.
    expect(out.source).toBe('UBL');
    expect(out.totals.taxAmount).toBe('675.00');
    expect(out.totals.amountDue).toBe('4675.00');
    expect(out.findings).toEqual([]);
  });

  it('prints the breakdown of our JSON input as a table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'receivables-invoice-'));
    const file = join(dir, 'invoice.json');
    const line = { quantity: '1', unitNetPrice: '379.00', vatCategory: 'S', vatRatePercent: '21' };
    const lines = [
      { id: '1', ...line },
      { id: '2', ...line },
    ];
    writeFileSync(file, JSON.stringify({ currency: 'EUR', pricesIncludeTax: true, lines }));
    const r = run(file);
    expect(r.status).toBe(0);
    // 758.00 x 21/121 = 131.55 tax, 626.45 net.
    expect(r.stdout).toMatch(/│ S +│ +21 │ +626\.45 │ +131\.55 │/);
    expect(r.stdout).toMatch(/BT-112 │ Total with VAT +│ +758\.00 │/);
  });
});
