/**
 * E-invoice reading at the limits: the slowest documents readEInvoice still accepts
 * at its default limits (8 MiB, 20,000 lines, one tag per 16 characters, 100,000
 * characters per text or tag), beside the largest official example (3.3 MB with a PDF)
 * and what a document 4x the old default took to refuse. `BENCH_ROUNDS` (3) rounds,
 * best counts.
 */
import { readFileSync } from 'node:fs';
import { readEInvoice } from '../src/einvoice/index.js';
import { peakRssMiB, time } from './util.js';

const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? '3'));
const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const head =
  `<Invoice xmlns="${UBL}" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:` +
  'CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:' +
  'CommonBasicComponents-2"><cbc:ID>1</cbc:ID><cbc:IssueDate>2025-01-01</cbc:IssueDate>' +
  '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>';
/** A line with the elements EN 16931 requires, and nothing more: 461 characters. */
const line = (i: number) =>
  `<cac:InvoiceLine><cbc:ID>${i}</cbc:ID><cbc:InvoicedQuantity unitCode="C62">1` +
  '</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">1.00' +
  '</cbc:LineExtensionAmount><cac:Item><cbc:Name>x</cbc:Name><cac:ClassifiedTaxCategory>' +
  '<cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID>' +
  '</cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount ' +
  'currencyID="EUR">1.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>';
const doc = (body: string) => `${head}${body}${line(1)}</Invoice>`;
const attachment = (base64: string) =>
  '<cac:AdditionalDocumentReference><cbc:ID>a</cbc:ID><cac:Attachment>' +
  '<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="a.pdf">' +
  `${base64}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`;

const italian = new URL(
  '../test/fixtures/en16931/ubl/FT_G2G_TD01_con_Allegato,_Bonifico_e_Split_Payment.xml',
  import.meta.url,
);
const cases: [string, string][] = [
  [
    '18,000 minimal lines (most that fit 8 MiB)',
    doc(Array.from({ length: 17_999 }, (_, i) => line(i + 2)).join('')),
  ],
  ['262,000 one-letter notes (near the tag limit)', doc('<cbc:Note>x</cbc:Note>'.repeat(262_000))],
  ['83 notes of 100,000 characters', doc(`<cbc:Note>${'x'.repeat(100_000)}</cbc:Note>`.repeat(83))],
  [
    '83 attributes of 100,000 characters',
    doc(`<cbc:Note a="${'x'.repeat(99_980)}">x</cbc:Note>`.repeat(83)),
  ],
  ['an 8 MB attachment', doc(attachment('QUJD'.repeat(2_000_000)))],
  ['official example with a 3.3 MB PDF', readFileSync(italian, 'utf8')],
  [
    '100,000 short lines, 5.5 MB (refused)',
    doc('<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>'.repeat(100_000)),
  ],
];

console.log('| document | MiB | result | best ms |');
console.log('|---|---:|---|---:|');
for (const [name, xml] of cases) {
  let best = Number.POSITIVE_INFINITY;
  let outcome = '';
  for (let r = 0; r < rounds; r += 1) {
    const { ms, result } = time(() => readEInvoice(xml));
    best = Math.min(best, ms);
    outcome = result.isOk() ? 'read' : result.error.code;
  }
  const mib = (xml.length / 1024 / 1024).toFixed(2);
  console.log(`| ${name} | ${mib} | ${outcome} | ${best.toFixed(0)} |`);
}
console.log(`\npeak RSS ${peakRssMiB()} MiB`);
