/**
 * Reading bank statements with `receivables`: a camt.053 file with a batched
 * credit, an MT940 file with a German structured :86: field, and a bank CSV export
 * through a column mapping. Run with `npx tsx examples/statement.ts`. It prints:
 *
 *     camt.053.001.08 STMT-7: 2 transactions, balance check ok
 *       STMT-7/1.1 credit 600.00 EUR from Acme GmbH, RF18539007547034 (valid)
 *       STMT-7/1.2 credit 400.00 EUR from Beta BV, "INV-2024-0118"
 *     mt940 10020030/1234567/1/1: opening 1000.00 + 250.00 != closing 1200.00 (off by -50.00)
 *       B-77 credit 250.00 EUR from Richter Renate, E2E 4711, "RE 2024-0117"
 *     csv: 2024-01-02 credit 1234.50 EUR, 2024-01-05 debit 89.00 EUR
 *     bad file: Cannot read camt (line 5): malformed XML: the file ends inside <Cd> (truncated?)
 *       at Document.BkToCstmrStmt.Stmt.Bal.Tp.CdOrPrtry.Cd
 */
import { readStatement } from '../src/statements/index.js';
import type { BankTransaction, StatementFile } from '../src/statements/types.js';

const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>MSG-7</MsgId><CreDtTm>2024-03-01T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>STMT-7</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-01</Dt></ValDt><NtryDtls>
<TxDtls><Amt Ccy="EUR">600.00</Amt><RltdPties><Dbtr><Pty><Nm>Acme GmbH</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
<Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
<TxDtls><Amt Ccy="EUR">400.00</Amt><RltdPties><Dbtr><Pty><Nm>Beta BV</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>INV-2024-0118</Ustrd></RmtInf></TxDtls>
</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`;

const mt940 = `:20:STARTUMS
:25:10020030/1234567
:28C:1/1
:60F:C240301EUR1000,00
:61:2403010301C250,00NTRFNONREF//B-77
:86:166?00GUTSCHRIFT?100399?20EREF+4711?21SVWZ+RE 2024-0117?32Richter Renate
:62F:C240301EUR1200,00
-`;

const csv = `Buchungstag;Betrag;S/H
02.01.2024;1.234,50;H
05.01.2024;89,00;S`;

function describeTx(t: BankTransaction): string {
  const ref = t.structuredReference;
  const text = ref
    ? `${ref.value} (${ref.valid ? 'valid' : 'check digits fail'})`
    : `"${t.remittanceText}"`;
  const e2e = t.endToEndId ? `, E2E ${t.endToEndId}` : '';
  const amount = `${t.direction} ${t.amount} ${t.currency}`;
  return `  ${t.id} ${amount} from ${t.counterpartyName}${e2e}, ${text}`;
}

function show(file: StatementFile): void {
  for (const s of file.statements) {
    const r = s.reconciliation;
    const check = r?.ok
      ? 'balance check ok'
      : `opening ${r?.opening} + ${r?.entries} != closing ${r?.closing} (off by ${r?.difference})`;
    const head =
      file.format === 'mt940'
        ? `mt940 ${s.id}:`
        : `${file.version} ${s.id}: ${s.transactions.length} transactions,`;
    console.log(`${head} ${check}`);
    for (const t of s.transactions) console.log(describeTx(t));
  }
}

show(readStatement(camt)._unsafeUnwrap());
show(readStatement(mt940)._unsafeUnwrap());

const mapping = {
  delimiter: ';',
  decimalSeparator: ',' as const,
  thousandsSeparator: '.' as const,
  dateFormat: 'DD.MM.YYYY' as const,
  currency: 'EUR',
  columns: { bookingDate: 'Buchungstag', amount: 'Betrag', direction: 'S/H' },
};
const rows = readStatement(csv, { csv: mapping })._unsafeUnwrap().statements[0]?.transactions ?? [];
console.log(
  `csv: ${rows.map((t) => `${t.bookingDate} ${t.direction} ${t.amount} ${t.currency}`).join(', ')}`,
);

const broken = readStatement(camt.slice(0, 300));
if (broken.isErr()) console.log(`bad file: ${broken.error.message.replace(' at ', '\n  at ')}`);
