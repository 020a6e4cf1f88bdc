/**
 * Aging and balances at scale.
 *
 * 1. Aging of 1,000,000 open items across 50,000 customers (six default buckets, days
 *    past due): `ageReceivables` from a ledger (replay included) and from a `Balances`
 *    already computed, beside an in-memory SQLite (better-sqlite3) GROUP BY with CASE
 *    buckets over the same items, in the same process, as a ratio. Both results are
 *    compared bucket by bucket, to the cent.
 * 2. `balancesAsOf` over N documents (half invoices, half payments) and N allocations at
 *    250k, 500k and 1M, to show that it grows linearly.
 *
 * Each run is a child process of its own (this file with an argument), so that its
 * peak memory is its own; all of them build the same seeded data.
 *
 * `BENCH_SCALE=0.1` runs a tenth of every size.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ageReceivables } from '../src/aging/index.js';
import { balancesAsOf } from '../src/ledger/index.js';
import type {
  Allocation,
  Balances,
  Ledger,
  LedgerInvoice,
  LedgerPayment,
} from '../src/ledger/types.js';
import { addDays, toDayNumber } from '../src/terms/date.js';
import { peakRssMiB, prng, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const ITEMS = Math.round(1_000_000 * scale);
const CUSTOMERS = Math.max(10, Math.round(50_000 * scale));
const AS_OF = '2026-03-31';
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Row {
  customer: string;
  due: number;
  units: number;
}

function openItems(count: number): { ledger: Ledger; rows: Row[] } {
  const random = prng(42);
  const invoices: LedgerInvoice[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const customerId = `C${i % CUSTOMERS}`;
    const dueDate = addDays(AS_OF, 30 - Math.floor(random() * 200));
    const units = 100 + Math.floor(random() * 1_000_000);
    invoices.push({
      id: `INV-${i}`,
      customerId,
      currency: 'EUR',
      issueDate: addDays(dueDate, -30),
      dueDate,
      amount: cents(units),
    });
    rows.push({ customer: customerId, due: toDayNumber(dueDate), units });
  }
  const ledger: Ledger = {
    customers: [],
    invoices,
    creditNotes: [],
    payments: [],
    refunds: [],
    charges: [],
    writeOffs: [],
    allocations: [],
  };
  return { ledger, rows };
}

function sqliteAging(rows: readonly Row[]) {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE items (customer TEXT, currency TEXT, due INTEGER, open INTEGER)');
  const load = time(() => {
    const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const r of rows) insert.run(r.customer, 'EUR', r.due, r.units);
    })();
  });
  const d = `(${toDayNumber(AS_OF)} - due)`;
  const bucket = (cond: string) => `SUM(CASE WHEN ${cond} THEN open ELSE 0 END)`;
  const sql = `SELECT customer, currency,
      ${bucket(`${d} <= 0`)} AS b0, ${bucket(`${d} BETWEEN 1 AND 30`)} AS b1,
      ${bucket(`${d} BETWEEN 31 AND 60`)} AS b2, ${bucket(`${d} BETWEEN 61 AND 90`)} AS b3,
      ${bucket(`${d} BETWEEN 91 AND 120`)} AS b4, ${bucket(`${d} > 120`)} AS b5,
      SUM(open) AS balance
    FROM items GROUP BY customer, currency ORDER BY customer, currency`;
  const cpu = process.cpuUsage();
  const query = time(() => db.prepare(sql).all() as Record<string, number | string>[]);
  const queryCpuMs = cpuMsSince(cpu);
  db.close();
  return { loadMs: load.ms, queryMs: query.ms, queryCpuMs, result: query.result };
}

interface ChildResult {
  readonly ms: number;
  /** Process CPU time of the run (main thread and GC helper threads), steadier under load. */
  readonly cpuMs: number;
  readonly rss: number;
  readonly digest: string;
  readonly extraMs?: number;
}

/** A digest of every customer's buckets, in cents, to compare our result with SQLite's. */
function digest(rows: readonly { customer: string; amounts: readonly string[] }[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.customer}:${r.amounts.join(',')};`);
  return hash.digest('hex').slice(0, 16);
}

/** One aging run, alone in this process, so that its peak memory is its own. */
function agingChild(mode: string): ChildResult {
  const { ledger, rows } = openItems(ITEMS);
  const options = { asOf: AS_OF };
  ageReceivables(openItems(1000).ledger, options);
  if (mode === 'sqlite') {
    collectGarbage();
    const sqlite = sqliteAging(rows);
    const cpuMs = sqlite.queryCpuMs;
    const out = sqlite.result.map((s) => ({
      customer: String(s.customer),
      amounts: ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((k) => cents(Number(s[k]))),
    }));
    const rss = peakRssMiB();
    return { ms: sqlite.queryMs, cpuMs, extraMs: sqlite.loadMs, rss, digest: digest(out) };
  }
  rows.length = 0;
  let balancesMs: number | undefined;
  let input: Ledger | Balances = ledger;
  if (mode === 'balances') {
    collectGarbage();
    const b = time(() => balancesAsOf(ledger, AS_OF));
    balancesMs = b.ms;
    input = b.result;
  }
  // The generator's garbage (the SQLite rows above) is not the run's to collect.
  collectGarbage();
  const cpu = process.cpuUsage();
  const run = time(() => ageReceivables(input, options)._unsafeUnwrap());
  const cpuMs = cpuMsSince(cpu);
  const out = run.result.rows.map((r) => ({ customer: r.customerId, amounts: r.amounts }));
  return { ms: run.ms, cpuMs, extraMs: balancesMs, rss: peakRssMiB(), digest: digest(out) };
}

/** A full collection before a timed run, when the runner exposes it (bench/run.ts does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function spawnChild(...args: string[]): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, self, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

function agingSection(): void {
  const ledger = spawnChild('aging', 'ledger');
  const balances = spawnChild('aging', 'balances');
  const sqlite = spawnChild('aging', 'sqlite');
  const same = ledger.digest === sqlite.digest && balances.digest === sqlite.digest;

  console.log(`## Aging: ${fmt(ITEMS)} open items, ${fmt(CUSTOMERS)} customers\n`);
  console.log('| run | ms | CPU ms | items/s | x SQLite query | peak RSS, MiB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const line = (name: string, ms: number, cpuMs: number | undefined, rss: number | string) => {
    const cpu = cpuMs === undefined ? '' : fmt(cpuMs);
    const rate = fmt((ITEMS / ms) * 1000);
    console.log(
      `| ${name} | ${fmt(ms)} | ${cpu} | ${rate} | ${(ms / sqlite.ms).toFixed(2)} | ${rss} |`,
    );
  };
  line('ageReceivables(ledger): replay + aging', ledger.ms, ledger.cpuMs, ledger.rss);
  line('ageReceivables(balances): aging only', balances.ms, balances.cpuMs, balances.rss);
  line('balancesAsOf, before the run above', balances.extraMs ?? 0, undefined, '');
  line('SQLite in-memory GROUP BY + CASE: query', sqlite.ms, sqlite.cpuMs, sqlite.rss);
  line('SQLite load: one transaction of INSERTs', sqlite.extraMs ?? 0, undefined, '');
  console.log(`\nSame buckets as SQLite for every customer: ${same ? 'yes' : 'NO'}.`);
  console.log('Peak RSS is that of a process holding the generated input, then running.\n');
  if (!same) process.exitCode = 1;
}

function ledgerWithAllocations(documents: number): Ledger {
  const random = prng(7);
  const invoices: LedgerInvoice[] = [];
  const payments: LedgerPayment[] = [];
  const allocations: Allocation[] = [];
  for (let i = 0; i < documents / 2; i++) {
    const customerId = `C${i % CUSTOMERS}`;
    const issueDate = addDays('2025-01-01', Math.floor(random() * 400));
    const units = 200 + Math.floor(random() * 1_000_000);
    const half = Math.floor(units / 2);
    invoices.push({
      id: `INV-${i}`,
      customerId,
      currency: 'EUR',
      issueDate,
      dueDate: addDays(issueDate, 30),
      amount: cents(units),
    });
    const date = addDays(issueDate, 20);
    payments.push({ id: `PAY-${i}`, customerId, currency: 'EUR', date, amount: cents(units) });
    // Two allocations per payment: N documents, N allocations.
    for (const [k, part] of [half, units - half].entries()) {
      const id = `AL-${i}-${k}`;
      allocations.push({ id, sourceId: `PAY-${i}`, itemId: `INV-${i}`, amount: cents(part), date });
    }
  }
  return { ...openItems(0).ledger, invoices, payments, allocations };
}

function balancesChild(n: number): ChildResult {
  const ledger = ledgerWithAllocations(n);
  balancesAsOf(ledgerWithAllocations(1000), AS_OF);
  collectGarbage();
  const run = time(() => balancesAsOf(ledger, AS_OF));
  if (run.result.items.length !== n / 2) throw new Error('wrong item count');
  return { ms: run.ms, cpuMs: 0, rss: peakRssMiB(), digest: '' };
}

function balancesSection(): void {
  console.log('## balancesAsOf: N documents + N allocations\n');
  console.log('| N | ms | records/s | ms per 100k records | peak RSS, MiB |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const n of [250_000, 500_000, 1_000_000].map((x) => Math.round(x * scale))) {
    const r = spawnChild('balances', String(n));
    const perHundredK = (r.ms / (2 * n)) * 100_000;
    const rate = ((2 * n) / r.ms) * 1000;
    console.log(`| ${fmt(n)} | ${fmt(r.ms)} | ${fmt(rate)} | ${fmt(perHundredK)} | ${r.rss} |`);
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'aging') console.log(JSON.stringify(agingChild(arg ?? 'ledger')));
else if (mode === 'balances') console.log(JSON.stringify(balancesChild(Number(arg))));
else {
  agingSection();
  balancesSection();
}
