/**
 * Invoice calculation throughput: 100,000 invoices of 10 lines (mixed VAT rates,
 * line and document allowances, EUR and JPY), computed exactly by calculateInvoice,
 * against a floor doing the same arithmetic with plain JavaScript numbers in integer
 * minor units (not exact in general: it is what the exact engine is measured against).
 * `BENCH_SCALE=0.1` runs a tenth of the work.
 */
import { Decimal } from 'decimal.js';
import {
  calculateCheckedInvoice,
  calculateInvoice,
  type InvoiceInput,
} from '../src/invoice/index.js';
import { heapUsedMiB, peakRssMiB, prng, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const invoiceCount = Math.max(1, Math.round(100_000 * scale));
const LINES = 10;
const RATES = ['0', '7', '19', '21'];

interface Plain {
  minor: number;
  lines: { qty: number; priceUnits: number; rate: number; allowance: number }[];
  allowance: number;
}

function makeData(): { inputs: InvoiceInput[]; plain: Plain[] } {
  const random = prng(42);
  const inputs: InvoiceInput[] = [];
  const plain: Plain[] = [];
  for (let n = 0; n < invoiceCount; n += 1) {
    const jpy = n % 2 === 1;
    const minor = jpy ? 0 : 2;
    const lines: InvoiceInput['lines'][number][] = [];
    const plainLines: Plain['lines'] = [];
    for (let i = 0; i < LINES; i += 1) {
      const qty = 1 + Math.floor(random() * 20);
      const priceUnits = 100 + Math.floor(random() * 100_000);
      const rate = RATES[i % RATES.length]!;
      const allowance = i % 3 === 0 ? Math.floor(random() * 50) : 0;
      const price = (priceUnits / 10 ** minor).toFixed(minor);
      lines.push({
        id: String(i + 1),
        quantity: String(qty),
        unitNetPrice: price,
        vatCategory: rate === '0' ? 'Z' : 'S',
        vatRatePercent: rate,
        ...(allowance > 0
          ? { allowances: [{ amount: (allowance / 10 ** minor).toFixed(minor) }] }
          : {}),
      });
      plainLines.push({ qty, priceUnits, rate: Number(rate), allowance });
    }
    const docAllowance = 500;
    inputs.push({
      currency: jpy ? 'JPY' : 'EUR',
      lines,
      allowances: [
        {
          amount: (docAllowance / 10 ** minor).toFixed(minor),
          vatCategory: 'S',
          vatRatePercent: '19',
        },
      ],
    });
    plain.push({ minor, lines: plainLines, allowance: docAllowance });
  }
  return { inputs, plain };
}

/** The same work with JS numbers in minor units: line nets, groups, tax per group, totals. */
function plainTotals(inv: Plain): number {
  const groups = new Map<number, number>();
  let lineTotal = 0;
  for (const l of inv.lines) {
    const net = l.qty * l.priceUnits - l.allowance;
    lineTotal += net;
    groups.set(l.rate, (groups.get(l.rate) ?? 0) + net);
  }
  groups.set(19, (groups.get(19) ?? 0) - inv.allowance);
  let tax = 0;
  for (const [rate, taxable] of groups) tax += Math.round((taxable * rate) / 100);
  return lineTotal - inv.allowance + tax;
}

/** The line and group arithmetic alone with decimal.js, to show why the engine uses bigint. */
function decimalTotals(input: InvoiceInput): string {
  const groups = new Map<string, Decimal>();
  for (const l of input.lines) {
    const net = new Decimal(l.quantity!).times(l.unitNetPrice!).toDecimalPlaces(2);
    const key = l.vatRatePercent!;
    groups.set(key, (groups.get(key) ?? new Decimal(0)).plus(net));
  }
  let tax = new Decimal(0);
  for (const [rate, taxable] of groups)
    tax = tax.plus(taxable.times(rate).div(100).toDecimalPlaces(2));
  return tax.toFixed(2);
}

const { inputs, plain } = makeData();
const lineCount = invoiceCount * LINES;
const heapBefore = heapUsedMiB();

let failures = 0;
// Warm the JIT on a slice first, so that the runs below measure steady state.
for (const input of inputs.slice(0, 2000)) calculateInvoice(input);
const full = time(() => {
  for (const input of inputs) if (calculateInvoice(input).isErr()) failures += 1;
});
const checked = time(() => {
  for (const input of inputs) if (calculateCheckedInvoice(input).isErr()) failures += 1;
});
let sink = 0;
const floor = time(() => {
  for (const inv of plain) sink += plainTotals(inv);
});
const dec = time(() => {
  for (const input of inputs) sink += decimalTotals(input).length;
});
if (failures > 0) throw new Error(`${failures} invoices failed`);

const perSecond = (ms: number) => Math.round(lineCount / (ms / 1000)).toLocaleString('en-US');
const row = (name: string, ms: number) =>
  `| ${name} | ${ms.toFixed(0)} | ${perSecond(ms)} | ${(ms / floor.ms).toFixed(1)} |`;
console.log(`${invoiceCount.toLocaleString('en-US')} invoices x ${LINES} lines (EUR + JPY)\n`);
console.log('| run | ms | lines/s | x floor |');
console.log('|---|---|---|---|');
console.log(row('calculateInvoice (zod + exact bigint)', full.ms));
console.log(row('calculateCheckedInvoice (pre-validated)', checked.ms));
console.log(row('decimal.js line + group arithmetic only', dec.ms));
console.log(row('floor: JS numbers in minor units', floor.ms));
console.log(
  `\npeak RSS ${peakRssMiB()} MiB; heap before runs ${heapBefore} MiB (sink ${sink % 10})`,
);
