/**
 * `receivables dunning <ledger> --policy <file> --as-of <date>`: the reminders due
 * on a day, with the reason for every item that is not reminded, as a table or JSON.
 * `--outbox <dir>` also writes each rendered e-mail as an .eml file named after its
 * idempotency key, so a second run for the same day rewrites the same files.
 *
 * @module
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
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
import {
  EXIT_HELP,
  type Failure,
  invalid,
  isFailure,
  plainOutput,
  readInputJson,
  readLedgerFile,
  report,
  usage,
  warnExceptions,
} from '../io.js';

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
): T | Failure {
  const read = readInputJson(file);
  if (isFailure(read)) return read;
  const parsed = parse(read.json);
  return parsed.isOk() ? parsed.value : invalid(`${file}: ${parsed.error.message}`);
}

const PLAIN = { style: { head: [], border: [] } };

/** Makes sure the outbox is a folder we can write to; a usage failure if not. */
function prepareOutbox(dir: string): Failure | undefined {
  try {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return usage(`--outbox ${dir} exists and is not a folder`);
    mkdirSync(dir, { recursive: true });
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return usage(`--outbox ${dir}: cannot create the folder (${reason})`);
  }
}

function actionsTable(plan: DunningPlan): string {
  const t = new Table({
    head: ['customer', 'level', 'action', 'channel', 'items', 'overdue', 'charges', 'total', 'key'],
    ...(plainOutput() ? PLAIN : {}),
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
  const t = new Table({
    head: ['customer', 'item', 'not reminded because', 'level sent'],
    ...(plainOutput() ? PLAIN : {}),
  });
  for (const r of plan.notReminded) {
    const why = r.hold ? `${r.reason} (${r.hold}${r.until ? ` until ${r.until}` : ''})` : r.reason;
    t.push([r.customerId, r.itemId, why, String(r.levelSent ?? '')]);
  }
  return t.toString();
}

/** Writes one .eml per e-mail action; returns the files written and what was not. */
function writeOutbox(plan: DunningPlan, policy: DunningPolicy, dir: string) {
  const sender = policy.sender;
  if (!sender?.email) return invalid('the policy needs sender.email to write an outbox');
  const prepared = prepareOutbox(dir);
  if (prepared) return prepared;
  const renderer = createMessageRenderer();
  const written: string[] = [];
  const skipped: { key: string; reason: string }[] = [];
  for (const action of plan.actions) {
    if (action.message.to === undefined) {
      skipped.push({ key: action.key, reason: 'the customer has no e-mail address' });
      continue;
    }
    const message = renderer.renderDunningMessage(action, { sender });
    if (message.isErr()) return invalid(message.error.message);
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
    try {
      writeFileSync(file, eml.value);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return usage(`--outbox ${dir}: cannot write ${file} (${reason})`);
    }
    written.push(file);
  }
  return { written, skipped };
}

function run(file: string, flags: DunningFlags): Failure | undefined {
  const ledger = readLedgerFile(file);
  if (isFailure(ledger)) return ledger;
  const policy = readJson(flags.policy, parseDunningPolicy);
  if (isFailure(policy)) return policy;
  const history = flags.history
    ? readJson(flags.history, parseDunningHistory)
    : EMPTY_DUNNING_HISTORY;
  if (isFailure(history)) return history;
  const planned = planDunning(ledger, history, policy, flags.asOf);
  if (planned.isErr()) return invalid(planned.error.message);
  warnExceptions('dunning', ledger, flags.asOf);
  const plan = planned.value;
  const outbox = flags.outbox ? writeOutbox(plan, policy, flags.outbox) : undefined;
  if (isFailure(outbox)) return outbox;

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
    .argument('<ledger>', 'ledger as JSON (the Ledger shape) or CSV (see receivables aging)')
    .requiredOption('--policy <file>', 'dunning policy as JSON')
    .requiredOption('--as-of <date>', 'run date (YYYY-MM-DD) or instant (ISO 8601 with Z)')
    .option('--history <file>', 'dunning history as JSON (what was already sent)')
    .option('--outbox <dir>', 'write each e-mail as an .eml file into this folder')
    .option('--json', 'print the plan as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((file: string, flags: DunningFlags) => {
      const failure = run(file, flags);
      if (failure !== undefined) report('dunning', failure);
    });
}
