/**
 * `receivables demo`: the whole receivables cycle on an embedded default, with no
 * setup. It computes the bundled EN 16931 examples, then on a SQLite file (an
 * in-memory store when better-sqlite3 is not installed) issues invoices, imports a
 * real camt.053 statement, runs dunning for a later day, writes every mail as an
 * .eml file, and prints aging and DSO. Run it again and nothing is applied or sent
 * twice.
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ok } from 'neverthrow';
import { createFileOutbox } from '../../adapters/file-outbox/index.js';
import { createMemoryStore, manualClock, uuidIds } from '../../adapters/memory/index.js';
import { openSqliteStore } from '../../adapters/sqlite/index.js';
import { parseDunningPolicy } from '../../dunning/index.js';
import { createReceivables } from '../../engine/index.js';
import { referenceGenerator } from '../../matching/index.js';
import type { ReceivablesStore } from '../../ports/index.js';
import { DEMO_POLICY, DEMO_REFERENCES } from '../demo/data.js';
import { type Out, terminalOut } from '../demo/print.js';
import { printReports } from '../demo/reports.js';
import { computeExamples, importStatement, issueInvoices, runDunning } from '../demo/steps.js';

interface DemoFlags {
  readonly dir: string;
  readonly fresh?: boolean;
  readonly memory?: boolean;
}

async function openStore(out: Out, dir: string, memory: boolean): Promise<ReceivablesStore> {
  if (!memory) {
    const path = resolve(dir, 'receivables.sqlite');
    const opened = await openSqliteStore(path);
    if (opened.isOk()) {
      out.line(`Store:  ${path} (SQLite)`);
      return opened.value;
    }
    out.line(`SQLite unavailable (${opened.error.message}); using an in-memory store.`);
  }
  out.line('Store:  in memory (nothing is kept after this run)');
  return createMemoryStore();
}

/** Marks a directory as the demo's own, so that `--fresh` never deletes anything else. */
const MARKER = '.receivables-demo';

/**
 * Creates the demo directory, or with `fresh` empties one the demo created before.
 * Returns why it cannot, for a path that is a file or a directory the demo did not
 * make (it holds other files and no marker).
 */
function prepareDirectory(dir: string, fresh: boolean): string | undefined {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return `${dir} is a file, not a directory`;
    const entries = readdirSync(dir);
    const ours = entries.includes(MARKER);
    if (!ours && entries.length > 0) {
      return `${dir} is not empty and was not made by the demo; choose another --dir`;
    }
    if (fresh && ours) {
      for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
    }
  }
  mkdirSync(join(dir, 'outbox'), { recursive: true });
  writeFileSync(join(dir, MARKER), 'Created by `receivables demo`; --fresh may empty it.\n');
  return undefined;
}

async function demo(flags: DemoFlags): Promise<void> {
  const out = terminalOut();
  const dir = resolve(flags.dir);
  const problem = prepareDirectory(dir, flags.fresh === true);
  if (problem !== undefined) {
    process.stderr.write(`receivables demo: ${problem}\n`);
    process.exitCode = 2;
    return;
  }
  const outbox = resolve(dir, 'outbox');

  out.line('receivables demo: the whole cycle on bundled, real reference data');
  computeExamples(out);
  out.heading('Engine');
  const store = await openStore(out, dir, flags.memory === true);
  out.line(`Outbox: ${outbox} (one .eml file per message)`);

  const policy = parseDunningPolicy(DEMO_POLICY);
  if (policy.isErr()) throw new Error(`demo policy: ${policy.error.message}`);
  const clock = manualClock('2017-01-16T08:00:00Z');
  const rf = referenceGenerator('iso11649');
  const engine = createReceivables({
    store,
    mailer: createFileOutbox({ directory: outbox, from: 'billing@demo.example', clock }),
    clock,
    ids: uuidIds,
    policies: {
      from: 'billing@demo.example',
      sellerName: 'Receivables Demo AG',
      dunning: policy.value,
      // The Swiss invoices carry the ESR references their payers quote; the rest RF.
      paymentReference: (subject) => {
        const esr = DEMO_REFERENCES[subject.invoiceId];
        return esr === undefined ? rf(subject) : ok({ scheme: 'esr', value: esr, formatted: esr });
      },
    },
  });
  const setClock = (instant: string) => clock.set(instant);

  try {
    await issueInvoices(out, engine, setClock);
    await importStatement(out, engine, setClock);
    await runDunning(out, engine, setClock);
    await printReports(out, engine);
  } finally {
    await store.close();
  }
  out.heading('Done');
  out.line(`Mails and reminders: ${outbox}`);
  out.line('Run the demo again: every step is idempotent, nothing is applied or sent twice.');
}

/** Registers `receivables demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run the whole receivables cycle on bundled reference data')
    .option('--dir <dir>', 'where the SQLite file and the outbox go', 'receivables-demo')
    .option('--fresh', 'delete the demo directory first')
    .option('--memory', 'use the in-memory store instead of SQLite')
    .action((flags: DemoFlags) => demo(flags));
}
