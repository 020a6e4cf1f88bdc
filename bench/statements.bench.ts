/**
 * Parse throughput of the bank statement readers: a generated camt.053 and a
 * generated MT940 file of about 10,000 transactions each (`STATEMENTS_BENCH_N`
 * changes the count), read by `readStatement` with format detection, after one
 * warm-up read. Prints wall and CPU time (CPU time is steadier on a busy machine),
 * MB/s, transactions/s and the process's peak memory.
 */
import { readStatement } from '../src/statements/index.js';
import { peakRssMiB, prng, time } from './util.js';

const n = Number(process.env.STATEMENTS_BENCH_N ?? 10_000);
const random = prng(4711);
const cents = () => 100 + Math.floor(random() * 1_000_000);
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const names = ['Acme GmbH', 'Beta BV', 'Cafe Dune SARL', 'Delta AG', 'Echo Ltd'];

function camt053(count: number): { text: string; net: number } {
  let net = 0;
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = cents();
    const credit = random() < 0.8;
    net += credit ? c : -c;
    const ind = credit ? 'CRDT' : 'DBIT';
    const code = '<Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>';
    const party = `<Dbtr><Nm>${names[i % 5]}</Nm></Dbtr>`;
    const account = '<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>';
    const text = `Invoice INV-2024-${String(i).padStart(5, '0')}`;
    entries.push(
      [
        `<Ntry><Amt Ccy="EUR">${money(c)}</Amt><CdtDbtInd>${ind}</CdtDbtInd>`,
        '<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt>',
        `<ValDt><Dt>2024-03-01</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef>`,
        `<BkTxCd>${code}</BkTxCd><NtryDtls><TxDtls>`,
        `<Refs><EndToEndId>E2E-${i}</EndToEndId></Refs><RltdPties>${party}${account}</RltdPties>`,
        `<RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
      ].join('\n'),
    );
  }
  const opening = 100_000_000;
  const bal = (code: string, c: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${money(c)}</Amt>\n` +
    '<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>';
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-03-01T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
${bal('OPBD', opening)}${bal('CLBD', opening + net)}
${entries.join('\n')}</Stmt></BkToCstmrStmt></Document>`;
  return { text, net };
}

function mt940(count: number): string {
  const lines: string[] = [];
  let balance = 100_000_000;
  const swift = (c: number) => money(c).replace('.', ',');
  lines.push(':20:BENCH', ':25:10020030/1234567', ':28C:1/1', `:60F:C240301EUR${swift(balance)}`);
  for (let i = 0; i < count; i++) {
    const c = cents();
    const credit = random() < 0.8;
    balance += credit ? c : -c;
    lines.push(`:61:2403010301${credit ? 'C' : 'D'}${swift(c)}NTRFNONREF//B${i}`);
    lines.push(
      `:86:166?00GUTSCHRIFT?100399?20EREF+E2E-${i}?21SVWZ+Invoice INV-2024-${i}?30COBADEFFXXX`,
      `?31DE89370400440532013000?32${names[i % 5]}`,
    );
  }
  lines.push(`:62F:C240301EUR${swift(balance)}`, '-');
  return lines.join('\n');
}

function measure(label: string, text: string): string[] {
  readStatement(text);
  const before = process.cpuUsage();
  const run = time(() => readStatement(text));
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  const file = run.result._unsafeUnwrap();
  const count = file.statements.reduce((s, st) => s + st.transactions.length, 0);
  if (!file.statements.every((s) => s.reconciliation?.ok))
    throw new Error(`${label} does not reconcile`);
  const mb = text.length / 1024 / 1024;
  return [
    label,
    count.toLocaleString('en'),
    mb.toFixed(1),
    run.ms.toFixed(0),
    cpuMs.toFixed(0),
    (mb / (run.ms / 1000)).toFixed(1),
    Math.round(count / (run.ms / 1000)).toLocaleString('en'),
  ];
}

const rows = [measure('camt.053.001.08', camt053(n).text), measure('MT940', mt940(n))];
console.log(
  '| file | transactions | MB | wall ms | CPU ms | MB/s (wall) | transactions/s (wall) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nPeak RSS ${peakRssMiB()} MiB`);
