/**
 * The steps of `receivables demo`, each printing what it did. The first step is
 * pure (the EN 16931 examples); the rest run the engine against a store, a file
 * outbox and a clock that the demo moves from one business day to the next.
 *
 * @module
 */

import { checkStatedTotals, readEInvoice } from '../../einvoice/index.js';
import type { Receivables } from '../../engine/index.js';
import type { ReceivablesError } from '../../errors/index.js';
import { calculateInvoice } from '../../invoice/index.js';
import { DEMO_CUSTOMERS, DEMO_DATES, DEMO_INVOICES } from './data.js';
import { DEMO_INVOICE_FILES, DEMO_STATEMENT_FILE } from './files.generated.js';
import { type Out, progress, table } from './print.js';

/** A step failed: the demo stops and says why. */
export class DemoError extends Error {
  constructor(step: string, error: ReceivablesError) {
    super(`${step}: ${error.message}`);
  }
}

function unwrap<T>(step: string, r: { isErr(): boolean; value?: T; error?: unknown }): T {
  if (r.isErr()) throw new DemoError(step, r.error as ReceivablesError);
  return r.value as T;
}

/** Step 1: every bundled EN 16931 example, computed from its lines and checked. */
export function computeExamples(out: Out): void {
  out.heading('1. EN 16931 example invoices, computed from their lines');
  const rows: string[][] = [];
  for (const file of DEMO_INVOICE_FILES) {
    const doc = unwrap(`reading ${file.name}`, readEInvoice(file.content));
    const calc = unwrap(`computing ${file.name}`, calculateInvoice(doc.input));
    const findings = checkStatedTotals(calc, doc.stated).filter((f) => !f.tolerated);
    const t = calc.totals;
    const verdict =
      findings.length === 0
        ? 'all stated totals reproduced'
        : `${findings.length} rule(s) broken: ${findings.map((f) => f.rule).join(', ')}`;
    rows.push([
      file.name,
      doc.input.currency,
      t.taxExclusiveAmount,
      t.taxAmount,
      t.amountDue,
      verdict,
    ]);
  }
  out.print(table(['file', 'ccy', 'net', 'VAT', 'due', 'verdict'], rows, [2, 3, 4]));
}

/** Step 2: customers and invoices, issued on their own dates. */
export async function issueInvoices(
  out: Out,
  engine: Receivables,
  setClock: (instant: string) => void,
): Promise<void> {
  out.heading('2. Customers and invoices');
  for (const c of DEMO_CUSTOMERS) unwrap(`saving customer ${c.id}`, await engine.saveCustomer(c));
  const rows: string[][] = [];
  const bar = progress(out, 'issuing invoices', DEMO_INVOICES.length);
  let sent = 0;
  for (const request of DEMO_INVOICES) {
    setClock(`${request.issueDate}T08:00:00Z`);
    const issued = unwrap(`issuing ${request.id}`, await engine.issueInvoice(request));
    const inv = issued.invoice;
    rows.push([
      inv.number ?? inv.id,
      inv.customerId,
      inv.issueDate,
      inv.dueDate,
      `${inv.amount} ${inv.currency}`,
      inv.paymentReference ?? '',
      issued.created ? 'issued, mail queued' : 'already issued',
    ]);
    // Each invoice is mailed on its own issue day, as a daily job would.
    sent += unwrap('sending mail', await engine.deliverOutbox()).sent;
    bar.tick();
  }
  bar.stop();
  out.print(table(['number', 'customer', 'issued', 'due', 'amount', 'reference', ''], rows, [4]));
  out.line(`Invoice mails delivered to the outbox: ${sent} new.`);
}

/** Step 3: the real camt.053 statement, matched and applied. */
export async function importStatement(
  out: Out,
  engine: Receivables,
  setClock: (instant: string) => void,
): Promise<void> {
  out.heading(`3. Bank statement ${DEMO_STATEMENT_FILE.name} (camt.053, real test file)`);
  setClock(DEMO_DATES.statementImport);
  const report = unwrap(
    'importing the statement',
    await engine.importStatement(DEMO_STATEMENT_FILE.content),
  );
  if (report.alreadyImported) {
    out.line('This statement was imported before: nothing applied again.');
    return;
  }
  const ledger = unwrap('reading the ledger', await engine.ledger());
  const numbers = new Map(ledger.invoices.map((i) => [i.id, i.number ?? i.id]));
  const rows = report.decisions.map((d) => [
    d.transactionId.slice(-18),
    `${d.transaction.amount} ${d.transaction.currency}`,
    d.status,
    d.confidence.toFixed(2),
    d.allocations
      .map((a) => `${a.itemId ? (numbers.get(a.itemId) ?? a.itemId) : a.kind} ${a.amount}`)
      .join(', '),
    d.signals.map((s) => s.detail).join('; '),
  ]);
  out.print(table(['transaction', 'amount', 'decision', 'conf.', 'applied to', 'why'], rows, []));
  out.line(
    `${report.transactions} transactions: ${report.applied} applied, ${report.suggested} ` +
      `suggested, ${report.unmatched} unmatched, ${report.ignored} ignored.`,
  );
}

/** Step 4: dunning runs on later days, reminders written as .eml files. */
export async function runDunning(
  out: Out,
  engine: Receivables,
  setClock: (instant: string) => void,
): Promise<void> {
  out.heading(`4. Dunning runs on ${DEMO_DATES.dunningRuns.join(', ')}`);
  const rows: string[][] = [];
  let queued = 0;
  let fees = 0;
  let delivered = 0;
  let skipped: string[] = [];
  const ledger = unwrap('reading the ledger', await engine.ledger());
  const numbers = new Map(ledger.invoices.map((i) => [i.id, i.number ?? i.id]));
  for (const day of DEMO_DATES.dunningRuns) {
    setClock(`${day}T07:00:00Z`);
    const run = unwrap(`running dunning for ${day}`, await engine.runDunning(day));
    for (const a of run.plan.actions) {
      rows.push([
        day,
        a.customerId,
        `${a.level}${a.kind === 'escalate' ? ' (final)' : ''}`,
        a.items.map((i) => `${i.number ?? i.itemId} (${i.daysOverdue} d)`).join(', '),
        `${a.overdueAmount} ${a.currency}`,
        a.chargesAmount,
        `${a.totalDue} ${a.currency}`,
      ]);
    }
    queued += run.queued;
    fees += run.chargesPosted;
    skipped = run.plan.notReminded
      .filter((n) => n.reason !== 'charge')
      .map((n) => `${numbers.get(n.itemId) ?? n.itemId} ${n.reason.replaceAll('_', ' ')}`);
    delivered += unwrap('sending reminders', await engine.deliverOutbox()).sent;
  }
  if (rows.length === 0)
    out.line('Nothing to send: every reminder due was sent by an earlier run.');
  else {
    const head = ['run', 'customer', 'level', 'items', 'overdue', 'fees due', 'total due'];
    out.print(table(head, rows, [4, 5, 6]));
  }
  if (skipped.length > 0) out.line(`Not reminded on the last run: ${skipped.join('; ')}.`);
  out.line(
    `${queued} reminder(s) queued, ${fees} fee(s) posted,` +
      ` ${delivered} mail(s) delivered to the outbox.`,
  );
}
