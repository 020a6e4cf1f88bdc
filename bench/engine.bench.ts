/**
 * The engine on SQLite: what the ports cost on top of the pure core.
 *
 * On a SQLite file in the OS temp folder (WAL, synchronous NORMAL):
 * 1. issue 100,000 invoices (one per customer, two lines each) with their outbox
 *    messages: a tenth one unit of work each (`issueInvoice`), the rest as a billing
 *    run of 500 per unit of work (`issueInvoices`); beside `calculateInvoice` alone;
 * 2. deliver the 100,000 queued mails to a mailer that only counts;
 * 3. import a camt.053 statement of 10,000 payments (exact RF references) against
 *    them; beside `readStatement` + `matchPayments` + `applyMatches` on the same ledger;
 * 4. run dunning for the 100,000 customers (level 1 for every unpaid invoice), with
 *    history and outbox written in one unit of work; beside `planDunning` + rendering.
 * The overhead per operation is (engine - pure) / count.
 *
 * `BENCH_SCALE=0.1` runs a tenth of every size.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from 'neverthrow';
import { counterIds, manualClock } from '../src/adapters/memory/index.js';
import { openSqliteStore } from '../src/adapters/sqlite/index.js';
import { EMPTY_DUNNING_HISTORY } from '../src/dunning/history.js';
import { createMessageRenderer } from '../src/dunning/messages/render.js';
import { planDunning } from '../src/dunning/planner.js';
import { parseDunningPolicy } from '../src/dunning/policy.js';
import { createReceivables } from '../src/engine/index.js';
import { calculateInvoice } from '../src/invoice/index.js';
import type { InvoiceInput } from '../src/invoice/types.js';
import { balancesAsOf } from '../src/ledger/balances.js';
import { applyMatches } from '../src/matching/apply.js';
import { matchPayments } from '../src/matching/match.js';
import type { Mailer } from '../src/ports/mailer.js';
import { readStatement } from '../src/statements/index.js';
import { peakRssMiB, prng } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const INVOICES = Math.round(100_000 * scale);
const PAYMENTS = Math.round(10_000 * scale);
const path = join(tmpdir(), `receivables-engine-bench-${process.pid}.db`);
const cleanup = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
const syncTimed = <T>(fn: () => T) => {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

const random = prng(7);
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const inputs: InvoiceInput[] = Array.from({ length: INVOICES }, () => ({
  currency: 'EUR',
  lines: [
    {
      id: '1',
      quantity: String(1 + Math.floor(random() * 9)),
      unitNetPrice: cents(100 + Math.floor(random() * 50_000)),
      vatCategory: 'S',
      vatRatePercent: '19',
    },
    {
      id: '2',
      netAmount: cents(100 + Math.floor(random() * 20_000)),
      vatCategory: 'S',
      vatRatePercent: '7',
    },
  ],
}));

let sent = 0;
const countingMailer: Mailer = {
  send: async () => {
    sent += 1;
    return ok({ messageId: `m${sent}` });
  },
};
const policy = parseDunningPolicy({
  levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
})._unsafeUnwrap();

cleanup();
const store = (await openSqliteStore(path))._unsafeUnwrap();
const clock = manualClock('2024-02-01T09:00:00Z');
const engine = createReceivables({
  store,
  mailer: countingMailer,
  clock,
  ids: counterIds(),
  policies: { from: 'billing@seller.example', dunning: policy },
});
const rows: { step: string; count: number; engineMs: number; pureMs: number; rss: number }[] = [];

for (let i = 0; i < INVOICES; i++) {
  await engine.saveCustomer({
    id: `C${i}`,
    name: `Customer ${i} GmbH`,
    email: `ap${i}@customer.example`,
  });
}
// One unit of work per invoice, as an API call issuing one invoice would do.
const SINGLE = Math.round(INVOICES / 10);
const single = await timed(async () => {
  for (let i = 0; i < SINGLE; i++) {
    const r = await engine.issueInvoice({
      id: `I${i}`,
      customerId: `C${i}`,
      issueDate: '2024-02-01',
      dueDate: '2024-03-02',
      input: inputs[i]!,
    });
    if (r.isErr()) throw new Error(r.error.message);
  }
});
const pureSingle = syncTimed(() => inputs.slice(0, SINGLE).map((input) => calculateInvoice(input)));
rows.push({
  step: 'issue invoices one by one',
  count: SINGLE,
  engineMs: single.ms,
  pureMs: pureSingle.ms,
  rss: peakRssMiB(),
});
// The rest as a billing run, 500 per unit of work.
const requests = inputs.slice(SINGLE).map((input, k) => {
  const i = SINGLE + k;
  return {
    id: `I${i}`,
    customerId: `C${i}`,
    issueDate: '2024-02-01',
    dueDate: '2024-03-02',
    input,
  };
});
const batch = await timed(() => engine.issueInvoices(requests));
batch.result._unsafeUnwrap();
const pureBatch = syncTimed(() => requests.map((r) => calculateInvoice(r.input)));
rows.push({
  step: 'issue invoices in a billing run',
  count: requests.length,
  engineMs: batch.ms,
  pureMs: pureBatch.ms,
  rss: peakRssMiB(),
});

const deliver = await timed(() => engine.deliverOutbox({ batchSize: 200 }));
rows.push({
  step: 'deliver outbox',
  count: sent,
  engineMs: deliver.ms,
  pureMs: 0,
  rss: peakRssMiB(),
});

const ledger = (await engine.ledger())._unsafeUnwrap();
const entries = ledger.invoices
  .slice(0, PAYMENTS)
  .map(
    (inv, i) =>
      `<Ntry><Amt Ccy="EUR">${inv.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-01</Dt></ValDt><AcctSvcrRef>TX${i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Customer ${inv.customerId.slice(1)} GmbH</Nm></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Ref>${inv.paymentReference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>`,
  );
const camt = `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-03-01T18:00:00Z</CreDtTm></GrpHdr><Stmt><Id>S1</Id><CreDtTm>2024-03-01T18:00:00Z</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
const pureImport = syncTimed(() => {
  const file = readStatement(camt)._unsafeUnwrap();
  const open = balancesAsOf(ledger, '2024-03-01').items;
  const txs = file.statements.flatMap((s) => s.transactions);
  const result = matchPayments(txs, open, ledger.customers)._unsafeUnwrap();
  return applyMatches(ledger, result, '2024-03-01');
});
const imported = await timed(() => engine.importStatement(camt, { asOf: '2024-03-01' }));
const report = imported.result._unsafeUnwrap();
rows.push({
  step: `import statement (${report.applied} applied)`,
  count: PAYMENTS,
  engineMs: imported.ms,
  pureMs: pureImport.ms,
  rss: peakRssMiB(),
});

const afterImport = (await engine.ledger())._unsafeUnwrap();
const renderer = createMessageRenderer();
const pureDunning = syncTimed(() => {
  const plan = planDunning(
    afterImport,
    EMPTY_DUNNING_HISTORY,
    policy,
    '2024-03-09',
  )._unsafeUnwrap();
  for (const action of plan.actions) renderer.renderDunningMessage(action);
  return plan.actions.length;
});
const dunning = await timed(() => engine.runDunning('2024-03-09'));
const run = dunning.result._unsafeUnwrap();
rows.push({
  step: `run dunning (${run.queued} reminders)`,
  count: INVOICES,
  engineMs: dunning.ms,
  pureMs: pureDunning.ms,
  rss: peakRssMiB(),
});
await store.close();
cleanup();

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`Engine on SQLite (scale ${scale}); peak RSS ${peakRssMiB()} MiB\n`);
console.log('| step | count | engine ms | pure core ms | engine overhead per op | peak RSS MiB |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const overhead = r.pureMs > 0 ? `${((r.engineMs - r.pureMs) / r.count).toFixed(3)} ms` : '-';
  console.log(
    `| ${r.step} | ${fmt(r.count)} | ${fmt(r.engineMs)} | ${r.pureMs > 0 ? fmt(r.pureMs) : '-'} | ${overhead} | ${r.rss} |`,
  );
}
