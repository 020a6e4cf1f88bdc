/**
 * Invoice calculation throughput: 100,000 invoices of 10 lines (mixed VAT rates,
 * line and document allowances, EUR and JPY), computed exactly by calculateInvoice
 * (hand-written input check + safe-integer fast path), beside the previous way (zod +
 * exact bigint arithmetic, still the fallback) and a floor doing the same arithmetic
 * with plain JavaScript numbers in integer minor units, unchecked and with no output.
 * `BENCH_SCALE=0.1` runs a tenth of the work; `BENCH_ROUNDS` (3) rounds, best counts;
 * `BENCH_ONLY=calculateInvoice` runs only the runs whose name starts so (for profiling).
 */
import { calculateExactInvoice } from '../src/invoice/calculate.js';
import {
  calculateCheckedInvoice,
  calculateInvoice,
  type InvoiceInput,
  invoiceInputSchema,
} from '../src/invoice/index.js';
import { heapUsedMiB, peakRssMiB, prng, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? '3'));
/** Only the runs whose name starts with this (for profiling one of them). */
const only = process.env.BENCH_ONLY ?? '';
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

const { inputs, plain } = makeData();
const lineCount = invoiceCount * LINES;
const heapBefore = heapUsedMiB();

let failures = 0;
let sink = 0;
const runs: Record<string, () => void> = {
  'calculateInvoice (fast check + safe-integer path)': () => {
    for (const input of inputs) if (calculateInvoice(input).isErr()) failures += 1;
  },
  'calculateCheckedInvoice (pre-validated)': () => {
    for (const input of inputs) if (calculateCheckedInvoice(input).isErr()) failures += 1;
  },
  'before: zod + exact bigint (previous calculateInvoice)': () => {
    for (const input of inputs) {
      const parsed = invoiceInputSchema.safeParse(input);
      if (!parsed.success || calculateExactInvoice(parsed.data).isErr()) failures += 1;
    }
  },
  'before: exact bigint, pre-validated': () => {
    for (const input of inputs) if (calculateExactInvoice(input).isErr()) failures += 1;
  },
  'floor: JS numbers in minor units': () => {
    for (const inv of plain) sink += plainTotals(inv);
  },
};

// Warm the JIT on a slice first, so that the rounds measure steady state. The machine
// is shared: every run goes once per round, in turn, and the fastest round counts.
const warm = inputs.slice(0, 2000);
for (const input of warm) calculateInvoice(input);
for (const input of warm) calculateExactInvoice(input);
const best = new Map<string, number>();
for (let round = 0; round < rounds; round += 1) {
  for (const [name, run] of Object.entries(runs)) {
    if (!name.startsWith(only)) continue;
    const { ms } = time(run);
    best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
  }
}
if (failures > 0) throw new Error(`${failures} invoices failed`);

const floorMs = best.get('floor: JS numbers in minor units') ?? Number.NaN;
const perSecond = (ms: number) => Math.round(lineCount / (ms / 1000)).toLocaleString('en-US');
const perMillion = (ms: number) => ((ms / lineCount) * 1000).toFixed(2);
console.log(
  `${invoiceCount.toLocaleString('en-US')} invoices x ${LINES} lines (EUR + JPY), ` +
    `best of ${rounds} rounds\n`,
);
console.log('| run | ms | lines/s | s per 1M lines | x floor |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, ms] of best) {
  const ratio = (ms / floorMs).toFixed(1);
  console.log(`| ${name} | ${ms.toFixed(0)} | ${perSecond(ms)} | ${perMillion(ms)} | ${ratio} |`);
}
console.log(
  `\npeak RSS ${peakRssMiB()} MiB; heap after building the inputs ${heapBefore} MiB ` +
    `(sink ${sink % 10})`,
);
