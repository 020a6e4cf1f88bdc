/**
 * `receivables dunning <ledger> --policy <file> --as-of <date>`: the reminders due
 * on a day, with the reason for every item that is not reminded, as a table or JSON.
 * `--outbox <dir>` also writes each rendered e-mail as an .eml file named after its
 * idempotency key, so a second run for the same day rewrites the same files.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import type { Result } from 'neverthrow';
import {
  buildEml,
  createMessageRenderer,
  type DunningPlan,
  type DunningPolicy,
  EMPTY_DUNNING_HISTORY,
  parseDunningHistory,
  parseDunningPolicy,
  planDunning,
} from '../../dunning/index.js';
import type { ReceivablesError } from '../../errors/index.js';
import { parseLedger } from '../../ledger/index.js';

interface DunningFlags {
  readonly policy: string;
  readonly asOf: string;
  readonly history?: string;
  readonly outbox?: string;
  readonly json?: boolean;
}

function readJson<T>(
  file: string,
  parse: (input: unknown) => Result<T, ReceivablesError>,
): T | string {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `cannot read ${file}: ${(error as Error).message}`;
  }
  const parsed = parse(json);
  return parsed.isOk() ? parsed.value : `${file}: ${parsed.error.message}`;
}

function actionsTable(plan: DunningPlan): string {
  const t = new Table({
    head: ['customer', 'level', 'action', 'channel', 'items', 'overdue', 'charges', 'total', 'key'],
  });
  for (const a of plan.actions) {
    t.push([
      a.customerId,
      String(a.level),
      a.kind,
      a.message.channel,
      a.items.map((i) => i.itemId).join(', '),
      `${a.overdueAmount} ${a.currency}`,
      a.charges.map((c) => `${c.kind} ${c.amount}`).join(', '),
      `${a.totalDue} ${a.currency}`,
      a.key,
    ]);
  }
  return t.toString();
}

function reasonsTable(plan: DunningPlan): string {
  const t = new Table({ head: ['customer', 'item', 'not reminded because', 'level sent'] });
  for (const r of plan.notReminded) {
    const why = r.hold ? `${r.reason} (${r.hold}${r.until ? ` until ${r.until}` : ''})` : r.reason;
    t.push([r.customerId, r.itemId, why, String(r.levelSent ?? '')]);
  }
  return t.toString();
}

/** Writes one .eml per e-mail action; returns the files written and what was not. */
function writeOutbox(plan: DunningPlan, policy: DunningPolicy, dir: string) {
  const sender = policy.sender;
  if (!sender?.email) return 'the policy needs sender.email to write an outbox';
  mkdirSync(dir, { recursive: true });
  const renderer = createMessageRenderer();
  const written: string[] = [];
  const skipped: { key: string; reason: string }[] = [];
  for (const action of plan.actions) {
    if (action.message.to === undefined) {
      skipped.push({ key: action.key, reason: 'the customer has no e-mail address' });
      continue;
    }
    const message = renderer.renderDunningMessage(action, { sender });
    if (message.isErr()) return message.error.message;
    const eml = buildEml({
      from: { address: sender.email, name: sender.name },
      to: { address: action.message.to, name: action.message.customerName },
      subject: message.value.subject,
      text: message.value.text,
      html: message.value.html,
      date: action.date,
      key: action.key,
    });
    if (eml.isErr()) {
      skipped.push({ key: action.key, reason: eml.error.message });
      continue;
    }
    const file = join(dir, `${action.key.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
    writeFileSync(file, eml.value);
    written.push(file);
  }
  return { written, skipped };
}

function run(file: string, flags: DunningFlags): string | undefined {
  const ledger = readJson(file, parseLedger);
  if (typeof ledger === 'string') return ledger;
  const policy = readJson(flags.policy, parseDunningPolicy);
  if (typeof policy === 'string') return policy;
  const history = flags.history
    ? readJson(flags.history, parseDunningHistory)
    : EMPTY_DUNNING_HISTORY;
  if (typeof history === 'string') return history;
  const planned = planDunning(ledger, history, policy, flags.asOf);
  if (planned.isErr()) return planned.error.message;
  const plan = planned.value;
  const outbox = flags.outbox ? writeOutbox(plan, policy, flags.outbox) : undefined;
  if (typeof outbox === 'string') return outbox;

  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ plan, outbox }, null, 2)}\n`);
    return undefined;
  }
  const out = process.stdout;
  out.write(`Dunning as of ${plan.asOf}: ${plan.actions.length} action(s)\n`);
  if (plan.actions.length > 0) out.write(`${actionsTable(plan)}\n`);
  if (plan.notReminded.length > 0) out.write(`Not reminded:\n${reasonsTable(plan)}\n`);
  if (outbox) {
    out.write(`Wrote ${outbox.written.length} message(s) to ${flags.outbox}\n`);
    for (const s of outbox.skipped) out.write(`Not written: ${s.key}: ${s.reason}\n`);
  }
  return undefined;
}

/**
 * Registers `receivables dunning <ledger>`.
 *
 * @example
 * registerDunningCommand(new Command()).name()
 * //=> 'dunning'
 */
export function registerDunningCommand(program: Command): Command {
  return program
    .command('dunning')
    .description('Reminders due on a day, with the reason for every item not reminded')
    .argument('<ledger>', 'ledger as JSON (the Ledger shape)')
    .requiredOption('--policy <file>', 'dunning policy as JSON')
    .requiredOption('--as-of <date>', 'run date (YYYY-MM-DD) or instant (ISO 8601 with Z)')
    .option('--history <file>', 'dunning history as JSON (what was already sent)')
    .option('--outbox <dir>', 'write each e-mail as an .eml file into this folder')
    .option('--json', 'print the plan as JSON')
    .action((file: string, flags: DunningFlags) => {
      const failure = run(file, flags);
      if (failure !== undefined) {
        process.stderr.write(`receivables dunning: ${failure}\n`);
        process.exitCode = 1;
      }
    });
}
