import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { invoice, ledgerWith } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-dunning-'));
const ledgerFile = join(dir, 'ledger.json');
const policyFile = join(dir, 'policy.json');
writeFileSync(
  ledgerFile,
  JSON.stringify(
    ledgerWith({
      invoices: [
        invoice('INV-1', '1000.00', '2024-03-01', { paymentReference: 'RF18539007547034' }),
        invoice('INV-2', '50.00', '2024-04-01'),
      ],
    }),
  ),
);
writeFileSync(
  policyFile,
  JSON.stringify({
    levels: [{ daysAfterDue: 6, channel: 'email', templateId: 'reminder-1' }],
    sender: { name: 'ACME AG', email: 'ar@acme.example', iban: 'DE89370400440532013000' },
  }),
);

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dunning', ...args], {
    encoding: 'utf8',
  });
}

describe('receivables dunning <ledger>', () => {
  it('prints the plan with reasons and writes the e-mails to the outbox', async () => {
    const outbox = join(dir, 'outbox');
    const run = cli(
      ledgerFile,
      '--policy',
      policyFile,
      '--as-of',
      '2024-03-07',
      '--outbox',
      outbox,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dunning as of 2024-03-07: 1 action(s)');
    expect(run.stdout).toMatch(/INV-2 .*not_yet_due/);
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(outbox, files[0]!)));
    expect(mail.subject).toBe('Zahlungserinnerung: INV-1');
    expect(mail.text).toContain('mit dem Verwendungszweck RF18539007547034');

    const json = JSON.parse(
      cli(ledgerFile, '--policy', policyFile, '--as-of', '2024-03-07', '--json').stdout,
    );
    expect(json.plan.actions[0].items[0]).toMatchObject({ itemId: 'INV-1', openAmount: '1000.00' });
  });

  it('fails with a message on a bad policy', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ levels: [] }));
    const run = cli(ledgerFile, '--policy', join(dir, 'bad.json'), '--as-of', '2024-03-07');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('receivables dunning:');
    expect(run.stderr).toContain('levels');
  });
});
