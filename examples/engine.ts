/**
 * The whole receivables cycle through the engine: an embedded SQLite file, mail
 * written as .eml files, invoices issued, a bank statement applied, reminders sent
 * for what is still open, and an aging report. Run it twice: the second run finds
 * everything done and does nothing again.
 *
 * Run: npx tsx examples/engine.ts
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileOutbox } from '../src/adapters/file-outbox/index.js';
import { manualClock, uuidIds } from '../src/adapters/memory/index.js';
import { openSqliteStore } from '../src/adapters/sqlite/index.js';
import { parseDunningPolicy } from '../src/dunning/policy.js';
import { createReceivables } from '../src/engine/index.js';

const folder = join(tmpdir(), 'receivables-example');
mkdirSync(folder, { recursive: true });
const store = (await openSqliteStore(join(folder, 'receivables.db')))._unsafeUnwrap();
const clock = manualClock('2024-03-01T08:00:00Z');
const from = 'billing@seller.example';
const engine = createReceivables({
  store,
  mailer: createFileOutbox({ directory: join(folder, 'outbox'), from, clock }),
  clock,
  ids: uuidIds,
  policies: {
    from,
    sellerName: 'Seller GmbH',
    dunning: parseDunningPolicy({
      levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
    })._unsafeUnwrap(),
  },
});

for (const [id, name] of [
  ['C1', 'Acme GmbH'],
  ['C2', 'Globex AG'],
] as const) {
  await engine.saveCustomer({ id, name, email: `ap@${id.toLowerCase()}.example` });
}
const line = (netAmount: string) =>
  ({ id: '1', netAmount, vatCategory: 'S', vatRatePercent: '19' }) as const;
const issued = [];
for (const [id, customerId, net] of [
  ['A-1', 'C1', '100.00'],
  ['A-2', 'C2', '250.00'],
] as const) {
  const result = await engine.issueInvoice({
    id,
    customerId,
    issueDate: '2024-03-01',
    dueDate: '2024-03-15',
    input: { currency: 'EUR', lines: [line(net)] },
  });
  issued.push(result._unsafeUnwrap().invoice);
}
console.log(
  'issued',
  issued.map((i) => `${i.number} ${i.amount} EUR, ref ${i.paymentReference}`),
);
//=> issued [ 'INV-2024-000001 119.00 EUR, ref RF…', 'INV-2024-000002 297.50 EUR, ref RF…' ]

// Acme pays its invoice with the structured reference it was given.
const camt = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-12T18:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2024-03-12T18:00:00Z</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">119.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2024-03-12</Dt></BookgDt><ValDt><Dt>2024-03-12</Dt></ValDt><AcctSvcrRef>TX-1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>ACME GMBH</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Ref>${issued[0]?.paymentReference}</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;
const imported = (await engine.importStatement(camt, { asOf: '2024-03-12' }))._unsafeUnwrap();
console.log('statement', { applied: imported.applied, alreadyImported: imported.alreadyImported });
//=> statement { applied: 1, alreadyImported: false }   (second run: applied 0, alreadyImported true)

const dunning = (await engine.runDunning('2024-03-22'))._unsafeUnwrap();
console.log('reminders queued', dunning.queued);
//=> reminders queued 1   (Globex, 7 days after due; second run: 0)

const delivery = (await engine.deliverOutbox())._unsafeUnwrap();
console.log('mail written to', join(folder, 'outbox'), delivery);
//=> mail written to /tmp/receivables-example/outbox { sent: 3, retrying: [], dead: [] }

const aging = (await engine.aging({ asOf: '2024-03-31' }))._unsafeUnwrap();
console.log(
  'open',
  aging.rows.map((r) => `${r.customerName}: ${r.balance}`),
);
//=> open [ 'Globex AG: 297.50' ]
await store.close();
