/**
 * Cash application: quality and speed of `matchPayments` on a seeded book (see
 * matching-book.ts for the mix of payments and how the truth is set).
 *
 * Quality, per category and overall: share auto-applied, precision of automatic
 * decisions (exactly the true allocations), top-1 accuracy of suggestions, share
 * unmatched, and a confusion table. Speed: 10,000 transactions against 100,000
 * open items of 20,000 customers, then each count doubled. `BENCH_SCALE` (default
 * 1) scales every count.
 */
import { matchPayments } from '../src/matching/index.js';
import type { MatchDecision, ProposedAllocation } from '../src/matching/types.js';
import { generateBook, type Truth } from './matching-book.js';
import { heapUsedMiB, peakRssMiB, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const base = {
  customers: Math.round(20_000 * scale),
  items: Math.round(100_000 * scale),
  transactions: Math.round(10_000 * scale),
};

const key = (a: ProposedAllocation) => `${a.kind}:${a.itemId ?? a.customerId}:${a.amount}`;
const same = (as: readonly ProposedAllocation[], truth: Truth) =>
  as.map(key).sort().join('|') === truth.allocations.join('|');

type Outcome =
  | 'auto-right'
  | 'auto-wrong'
  | 'suggest-right'
  | 'suggest-wrong'
  | 'unmatched'
  | 'ignored-right'
  | 'ignored-wrong';

function outcomeOf(d: MatchDecision, t: Truth): Outcome {
  if (d.status === 'ignored') {
    const right =
      t.ignored === true && (t.undoes === undefined || d.undo?.transactionId === t.undoes);
    return right ? 'ignored-right' : 'ignored-wrong';
  }
  if (d.status === 'unmatched') return 'unmatched';
  const right = t.allocations.length > 0 && same(d.allocations, t);
  if (d.status === 'auto') return right ? 'auto-right' : 'auto-wrong';
  return right ? 'suggest-right' : 'suggest-wrong';
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`);

function quality(): void {
  const book = generateBook(base);
  const result = matchPayments(book.transactions, book.items, book.customers)._unsafeUnwrap();
  const rows = new Map<string, Map<Outcome, number>>();
  let uniqueTotal = 0;
  let uniqueAuto = 0;
  const suggested = { all: 0, allRight: 0, unique: 0, uniqueRight: 0, ambiguous: 0, none: 0 };
  const ambiguous = new Map<string, { n: number; auto: number; right: number }>();
  for (const d of result.decisions) {
    const t = book.truth.get(d.transactionId)!;
    const o = outcomeOf(d, t);
    for (const cat of [t.category, 'overall']) {
      const row = rows.get(cat) ?? new Map<Outcome, number>();
      row.set(o, (row.get(o) ?? 0) + 1);
      rows.set(cat, row);
    }
    if (d.status === 'suggest') {
      suggested.all += 1;
      if (o === 'suggest-right') suggested.allRight += 1;
      if (t.unique) suggested.unique += 1;
      if (t.unique && o === 'suggest-right') suggested.uniqueRight += 1;
      if (t.ambiguous) suggested.ambiguous += 1;
      if (t.allocations.length === 0) suggested.none += 1;
    }
    if (t.ambiguous) {
      const a = ambiguous.get(t.category) ?? { n: 0, auto: 0, right: 0 };
      a.n += 1;
      if (d.status === 'auto') a.auto += 1;
      if (o === 'auto-right' || o === 'suggest-right') a.right += 1;
      ambiguous.set(t.category, a);
    }
    if (t.unique) {
      uniqueTotal += 1;
      if (d.status === 'auto') uniqueAuto += 1;
    }
  }
  const n = (row: Map<Outcome, number>, ...os: Outcome[]) =>
    os.reduce((s, o) => s + (row.get(o) ?? 0), 0);
  console.log(
    `Quality on ${book.transactions.length} transactions, ${book.items.length} open items, ${book.customers.length} customers (seed 20240615)\n`,
  );
  console.log(
    '| category | n | auto | auto precision | suggested | top-1 right | unmatched | ignored right |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const order = [...rows.keys()].filter((k) => k !== 'overall').sort();
  for (const cat of [...order, 'overall']) {
    const row = rows.get(cat)!;
    const total = [...row.values()].reduce((s, x) => s + x, 0);
    const auto = n(row, 'auto-right', 'auto-wrong');
    const suggest = n(row, 'suggest-right', 'suggest-wrong');
    const ignored = n(row, 'ignored-right', 'ignored-wrong');
    console.log(
      `| ${cat} | ${total} | ${pct(auto, total)} | ${pct(n(row, 'auto-right'), auto)} | ${pct(suggest, total)} | ${pct(n(row, 'suggest-right'), suggest)} | ${pct(n(row, 'unmatched'), total)} | ${ignored === 0 ? '-' : pct(n(row, 'ignored-right'), ignored)} |`,
    );
  }
  console.log(
    `\nPayments with a unique right answer auto-applied: ${pct(uniqueAuto, uniqueTotal)} (${uniqueAuto} of ${uniqueTotal})`,
  );
  console.log(
    `Suggestions right at top-1: ${pct(suggested.allRight, suggested.all)} of all ${suggested.all}; ${pct(suggested.uniqueRight, suggested.unique)} of the ${suggested.unique} with a unique right answer (of the others, ${suggested.ambiguous} are for ambiguous amounts, ${suggested.none} have no right answer at all, the rest come from payers with no account on file)\n`,
  );
  console.log('Ambiguous amounts (another set of at most 5 of the customer items adds up too)\n');
  console.log('| category | n | auto | right (auto or top-1) |');
  console.log('|---|---:|---:|---:|');
  for (const [cat, a] of [...ambiguous].sort()) {
    console.log(`| ${cat} | ${a.n} | ${a.auto} | ${a.right} (${pct(a.right, a.n)}) |`);
  }
  console.log('');
  const outcomes: Outcome[] = [
    'auto-right',
    'auto-wrong',
    'suggest-right',
    'suggest-wrong',
    'unmatched',
    'ignored-right',
    'ignored-wrong',
  ];
  console.log('Confusion (rows: what the truth is; columns: what matching did)\n');
  console.log(`| truth | ${outcomes.join(' | ')} |`);
  console.log(`|---|${outcomes.map(() => '---:').join('|')}|`);
  const classes = new Map<string, Map<Outcome, number>>();
  for (const d of result.decisions) {
    const t = book.truth.get(d.transactionId)!;
    const cls = t.ignored
      ? 'not incoming cash'
      : t.allocations.length === 0
        ? 'no right match'
        : 'has a right match';
    const row = classes.get(cls) ?? new Map<Outcome, number>();
    const o = outcomeOf(d, t);
    row.set(o, (row.get(o) ?? 0) + 1);
    classes.set(cls, row);
  }
  for (const [cls, row] of classes)
    console.log(`| ${cls} | ${outcomes.map((o) => row.get(o) ?? 0).join(' | ')} |`);
}

function speed(): void {
  // One run on a tenth of the book first, so that the figures are not the compiler's.
  const warm = generateBook({
    customers: base.customers / 10,
    items: base.items / 10,
    transactions: base.transactions / 10,
  });
  const cold = time(() => matchPayments(warm.transactions, warm.items, warm.customers));
  console.log(
    `\nSpeed (generation not timed; warm-up on a tenth of the book: ${cold.ms.toFixed(0)} ms)\n`,
  );
  console.log(
    '| transactions | open items | customers | matchPayments ms (best of 3) | CPU ms | per transaction µs | heap after MiB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const variants = [
    base,
    { ...base, transactions: base.transactions * 2 },
    { ...base, items: base.items * 2 },
    { ...base, customers: base.customers * 2 },
  ];
  for (const counts of variants) {
    const book = generateBook(counts, 7);
    // Best of three: on a shared machine the slowest runs measure the neighbours.
    let best = Number.POSITIVE_INFINITY;
    let cpu = 0;
    for (let run = 0; run < 3; run += 1) {
      const before = process.cpuUsage();
      const { ms, result } = time(() =>
        matchPayments(book.transactions, book.items, book.customers),
      );
      if (result.isErr()) throw new Error(result.error.message);
      if (ms < best) {
        best = ms;
        const used = process.cpuUsage(before);
        cpu = (used.user + used.system) / 1000;
      }
    }
    const heap = heapUsedMiB();
    console.log(
      `| ${book.transactions.length} | ${book.items.length} | ${book.customers.length} | ${best.toFixed(0)} | ${cpu.toFixed(0)} | ${((best * 1000) / book.transactions.length).toFixed(0)} | ${heap} |`,
    );
  }
  console.log(`\nPeak RSS: ${peakRssMiB()} MiB`);
}

quality();
speed();
