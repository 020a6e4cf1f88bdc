import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'receivables-demo-test-'));
const demo = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', ...args], {
    encoding: 'utf8',
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('receivables demo', () => {
  it('runs the whole cycle on SQLite, then a second time changes nothing', () => {
    const target = join(dir, 'run');
    const first = demo('--dir', target);
    expect(first.status, first.stderr).toBe(0);
    // 8 official examples reproduced, both payments of the camt.053 file applied,
    // five reminders (ACME three levels, BCV and NORD one each) with one 5.00 fee.
    expect(first.stdout.match(/all stated totals reproduced/g)).toHaveLength(8);
    expect(first.stdout).toContain('2 transactions: 2 applied, 0 suggested, 0 unmatched');
    expect(first.stdout).toContain('5 reminder(s) queued, 1 fee(s) posted');
    // 6 invoice mails + 5 reminders.
    expect(readdirSync(join(target, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(11);

    const second = demo('--dir', target);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.match(/already issued/g)).toHaveLength(6);
    expect(second.stdout).toContain('Invoice mails delivered to the outbox: 0 new.');
    expect(second.stdout).toContain('imported before: nothing applied again');
    expect(second.stdout).toContain('0 reminder(s) queued, 0 fee(s) posted');
    expect(readdirSync(join(target, 'outbox'))).toHaveLength(11);
  });

  it('refuses to --fresh a directory it did not make, and deletes nothing in it', () => {
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'keep me');
    const run = demo('--dir', foreign, '--fresh');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('was not made by the demo');
    expect(readdirSync(foreign)).toEqual(['keep.txt']);
  });
});
