/**
 * Dunning at scale.
 *
 * 1. Plan one day for 1,000,000 open items across 100,000 customers with a year of
 *    history (each item at the level a daily run would have brought it to by
 *    yesterday, one history entry per customer and level): `planDunning` end to end
 *    (with `balancesAsOf`), and the planner alone on balances already computed.
 * 2. Render 10,000 reminder messages (subject, text, HTML) with one renderer: messages
 *    per second.
 *
 * `BENCH_SCALE=0.1` runs a tenth of every size.
 */
import {
  createMessageRenderer,
  type DunningAction,
  type DunningHistoryEntry,
  parseDunningPolicy,
  planDunning,
} from '../src/dunning/index.js';
import { balancesAsOf } from '../src/ledger/index.js';
import { EMPTY_LEDGER, type Ledger, type LedgerInvoice } from '../src/ledger/types.js';
import { addDays } from '../src/terms/date.js';
import { heapUsedMiB, peakRssMiB, prng, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const CUSTOMERS = Math.max(10, Math.round(100_000 * scale));
const PER_CUSTOMER = 10;
const MESSAGES = Math.max(100, Math.round(10_000 * scale));
const AS_OF = '2026-03-31';
const LOCALES = ['de-DE', 'en-GB', 'fr-FR'];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** Wall and process CPU (all threads: the GC's helpers too) of `fn`, in ms. */
const timed = <T>(fn: () => T) => {
  const cpu = process.cpuUsage();
  const t = time(fn);
  const used = process.cpuUsage(cpu);
  return { ...t, cpuMs: (used.user + used.system) / 1000 };
};
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const policy = parseDunningPolicy({
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
    {
      daysAfterDue: 21,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
    },
    {
      daysAfterDue: 35,
      channel: 'letter',
      templateId: 'reminder-3',
      fee: { type: 'percent', percent: '1', min: { EUR: '10.00' }, max: { EUR: '50.00' } },
      claimInterest: true,
    },
    { daysAfterDue: 50, channel: 'letter', templateId: 'final', claimInterest: true, final: true },
  ],
  minimumOverdue: { EUR: '10.00' },
  minDaysBetweenMessages: 3,
})._unsafeUnwrap();
const offsets = policy.levels.map((l) => l.daysAfterDue);

function world(): { ledger: Ledger; actions: DunningHistoryEntry[] } {
  const random = prng(7);
  const invoices: LedgerInvoice[] = [];
  const actions: DunningHistoryEntry[] = [];
  const customers = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const customerId = `C${c}`;
    customers.push({
      id: customerId,
      name: `Customer ${c}`,
      email: `ap${c}@customer.example`,
      locale: LOCALES[c % 3]!,
    });
    const byLevel = new Map<number, { itemId: string; level: number }[]>();
    for (let k = 0; k < PER_CUSTOMER; k++) {
      const id = `INV-${c}-${k}`;
      // Due dates from 335 days ago to 30 days ahead: a year of invoices.
      const late = Math.floor(random() * 365) - 30;
      const dueDate = addDays(AS_OF, -late);
      const amount = cents(1_000 + Math.floor(random() * 5_000_000));
      invoices.push({
        id,
        customerId,
        currency: 'EUR',
        issueDate: addDays(dueDate, -30),
        dueDate,
        amount,
      });
      // Levels a daily run reached by yesterday: each level whose day is before today.
      const sent = offsets.filter((o) => o < late).length;
      if (sent > 0) byLevel.set(sent, [...(byLevel.get(sent) ?? []), { itemId: id, level: sent }]);
    }
    for (const [level, items] of byLevel) {
      actions.push({
        key: `hist:${customerId}:${level}`,
        kind: 'remind',
        customerId,
        currency: 'EUR',
        date: addDays(AS_OF, -1 - Math.floor(random() * 300)),
        level,
        channel: 'email',
        items,
        charges: [],
      });
    }
  }
  return { ledger: { ...EMPTY_LEDGER, customers, invoices }, actions };
}

const built = time(world);
const { ledger, actions: entries } = built.result;
const history = { actions: entries };
const historyItems = entries.reduce((s, a) => s + a.items.length, 0);
console.log(
  `Generated ${fmt(ledger.invoices.length)} open items, ${fmt(CUSTOMERS)} customers, ` +
    `${fmt(entries.length)} history entries (${fmt(historyItems)} item levels) ` +
    `in ${fmt(built.ms)} ms; heap ${heapUsedMiB()} MiB\n`,
);

const baseRss = peakRssMiB();
const heapBefore = heapUsedMiB();
// End to end first, so that the peak it reaches is its own: ledger + balances + plan.
const endToEnd = timed(() => planDunning(ledger, history, policy, AS_OF)._unsafeUnwrap());
const plan = endToEnd.result;
const planRss = peakRssMiB();
const planHeap = heapUsedMiB() - heapBefore;
const charges = plan.actions.reduce((s, a) => s + a.charges.length, 0);
const balances = timed(() => balancesAsOf(ledger, AS_OF));
const plannerOnly = timed(() => {
  const p = planDunning(ledger, history, policy, AS_OF, { balances: balances.result });
  return p._unsafeUnwrap().actions.length;
});

const renderer = createMessageRenderer();
const sample: DunningAction[] = [];
for (let i = 0; sample.length < MESSAGES && plan.actions.length > 0; i++) {
  sample.push(plan.actions[i % plan.actions.length]!);
}
const sender = { name: 'ACME AG', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
const rendered = time(() => {
  let bytes = 0;
  for (const a of sample)
    bytes += renderer.renderDunningMessage(a, { sender })._unsafeUnwrap().html.length;
  return bytes;
});

const items = fmt(ledger.invoices.length);
const row = (cells: readonly string[]) => console.log(`| ${cells.join(' | ')} |`);
const perSecond = (n: number, ms: number, what: string) => `${fmt(n / (ms / 1000))} ${what}/s`;
row(['step', 'size', 'time', 'CPU', 'rate']);
row(['---', '---', '---', '---', '---']);
row([
  'balancesAsOf (ledger module)',
  `${items} items`,
  `${fmt(balances.ms)} ms`,
  `${fmt(balances.cpuMs)} ms`,
  '',
]);
row([
  'planDunning on given balances',
  `${items} items, ${fmt(entries.length)} history`,
  `${fmt(plannerOnly.ms)} ms`,
  `${fmt(plannerOnly.cpuMs)} ms`,
  perSecond(ledger.invoices.length, plannerOnly.ms, 'items'),
]);
row([
  'planDunning end to end',
  `${fmt(plan.actions.length)} actions, ${fmt(charges)} charges, ` +
    `${fmt(plan.notReminded.length)} reasons`,
  `${fmt(endToEnd.ms)} ms`,
  `${fmt(endToEnd.cpuMs)} ms`,
  '',
]);
row([
  'render messages (subject, text, HTML)',
  `${fmt(sample.length)} messages`,
  `${fmt(rendered.ms)} ms`,
  '',
  perSecond(sample.length, rendered.ms, 'messages'),
]);
console.log(
  `\nPeak RSS: ${baseRss} MiB after generating the ledger and history, ${planRss} MiB ` +
    `after the end-to-end plan (the plan itself holds ${planHeap} MiB of heap), ` +
    `${peakRssMiB()} MiB at the end.`,
);
