/**
 * Money and payment-terms throughput: the primitives every invoice, allocation and
 * due date goes through. `BENCH_SIZE` (default 200,000) sets the number of operations
 * per row; each row runs once to warm up, then once timed. Figures are operations
 * per second and peak resident memory.
 */
import { add, allocate, money, parseMoney, round } from '../src/money/index.js';
import { dueDate, instalmentSchedule, type PaymentTerms } from '../src/terms/index.js';
import { peakRssMiB, prng, time } from './util.js';

const size = Number(process.env.BENCH_SIZE ?? 200_000);
const random = prng(42);
const amounts = Array.from({ length: size }, () =>
  (Math.floor(random() * 10_000_000) / 100).toFixed(2),
);
const eur = amounts.map((a) => money(a, 'EUR'));

const thirds: PaymentTerms = {
  kind: 'instalments',
  instalments: ['33.34', '33.33', '33.33'].map((percent) => ({
    percent,
    terms: { kind: 'end-of-month', months: 1 },
  })),
};
const net30: PaymentTerms = { kind: 'net', days: 30 };
const calendar = { holidays: ['2024-12-25', '2024-12-26'] };

const rows: [string, number, () => unknown][] = [
  ['parseMoney', size, () => amounts.map((a) => parseMoney(a, 'EUR'))],
  ['add', size, () => eur.reduce((s, m) => add(s, m)._unsafeUnwrap(), money('0', 'EUR'))],
  ['round to 0.05 (half-up)', size, () => eur.map((m) => round(m, { increment: '0.05' }))],
  ['allocate 1:2:3', size, () => eur.map((m) => allocate(m, [1, 2, 3]))],
  [
    'dueDate net 30 + calendar',
    size,
    () => eur.map(() => dueDate('2024-11-26', net30, { calendar })),
  ],
  [
    'instalmentSchedule thirds',
    size / 4,
    () =>
      eur.slice(0, size / 4).map((m) => instalmentSchedule(m, thirds, { issueDate: '2024-01-15' })),
  ],
];

console.log('| operation | count | ms | per second |');
console.log('|---|---:|---:|---:|');
for (const [name, count, fn] of rows) {
  fn(); // warm-up, so the figure is the JIT-compiled steady state
  const { ms } = time(fn);
  const perSecond = Math.round((count / ms) * 1000).toLocaleString('en-US');
  console.log(`| ${name} | ${count.toLocaleString('en-US')} | ${ms.toFixed(0)} | ${perSecond} |`);
}
console.log(`\npeak RSS: ${peakRssMiB()} MiB`);
