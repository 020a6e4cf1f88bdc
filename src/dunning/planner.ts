/**
 * The dunning planner: a pure function from the ledger, the dunning history, a policy
 * and a day to the reminders due that day. It can run every hour: what the history
 * holds is never planned again, and each action carries an idempotency key that
 * stays the same across runs, so a mailer and the ledger can refuse a repeat.
 *
 * "Today" is either a calendar date (the same for every customer) or an instant
 * (ISO 8601 with `Z` or an offset), which each customer sees as the date in their own
 * time zone (`Customer.timeZone`, else the policy's `sendDays.timeZone`).
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { Customer, Ledger } from '../ledger/types.js';
import { ISO_CURRENCIES } from '../money/index.js';
import { calendarDateIn, type IsoDate, isIsoDate } from '../terms/date.js';
import { chargeLookups } from './charges.js';
import { type ClassifyContext, classifyGroup, type GroupClassification } from './classify.js';
import { dayNumberReader } from './day-number.js';
import { groupByCustomer } from './group-items.js';
import type { DunningHistory } from './history.js';
import { indexHistory } from './history-index.js';
import { itemsOfRun, type PlanItems } from './plan-items.js';
import { buildActions, contactGate } from './planner-actions.js';
import type { DunningPolicy } from './policy.js';
import type {
  DunningAction,
  DunningHold,
  DunningPlan,
  NotReminded,
  PlanDunningOptions,
} from './types.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readToday(
  ledger: Ledger,
  policy: DunningPolicy,
  asOf: string,
): Result<(customerId: string) => IsoDate, ReceivablesError> {
  if (isIsoDate(asOf)) return ok(() => asOf);
  if (typeof asOf !== 'string' || !INSTANT.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    return err(receivablesError('invalid_date', { input: String(asOf) }, ['asOf']));
  }
  const zones = new Map<string, IsoDate>();
  const zoneOf = new Map<string, string>();
  const fallback = policy.sendDays.timeZone;
  for (const [i, c] of [
    ...ledger.customers,
    { id: '', timeZone: fallback } as Customer,
  ].entries()) {
    const zone = c.timeZone ?? fallback;
    zoneOf.set(c.id, zone);
    if (zones.has(zone)) continue;
    try {
      zones.set(zone, calendarDateIn(asOf, zone));
    } catch {
      const issue = { path: ['customers', i, 'timeZone'], message: 'unknown IANA time zone' };
      return err(receivablesError('invalid_input', { issues: [issue] }, issue.path));
    }
  }
  return ok((customerId) => zones.get(zoneOf.get(customerId) ?? fallback)!);
}

const memo = <T>(compute: (key: string) => T): ((key: string) => T) => {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
};

/** A customer's item indices split by currency, in the order each first appears. */
const byCurrency = (
  items: PlanItems,
  order: Int32Array,
  from: number,
  to: number,
): Int32Array[] => {
  const split = new Map<string, number[]>();
  for (let j = from; j < to; j++) {
    const currency = items.currency(order[j]!);
    const list = split.get(currency);
    if (list) list.push(order[j]!);
    else split.set(currency, [order[j]!]);
  }
  return [...split.values()].map((list) => Int32Array.from(list));
};

/** Drafts and void invoices, in ledger order: a function of its own, compiled alone. */
function unissued(invoices: Ledger['invoices']): NotReminded[] {
  const reasons: NotReminded[] = [];
  // An indexed loop: an iterator here allocated a result object per invoice.
  for (let i = 0; i < invoices.length; i++) {
    const inv = invoices[i]!;
    if (inv.status === 'draft' || inv.status === 'void') {
      reasons.push({ itemId: inv.id, customerId: inv.customerId, reason: inv.status });
    }
  }
  return reasons;
}

const earliestDue = (g: GroupClassification): IsoDate =>
  g.candidates.map((c) => c.item.dueDate).sort()[0]!;

const byMostOverdue = (
  a: { currency: string; group: GroupClassification },
  b: { currency: string; group: GroupClassification },
) => {
  const da = earliestDue(a.group);
  const db = earliestDue(b.group);
  if (da !== db) return da < db ? -1 : 1;
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
};

const byKey = (holds: readonly DunningHold[], key: 'itemId' | 'customerId') => {
  const map = new Map<string, DunningHold[]>();
  for (const h of holds) {
    const id = h[key];
    if (id === undefined || (key === 'customerId' && h.itemId !== undefined)) continue;
    map.set(id, [...(map.get(id) ?? []), h]);
  }
  return map;
};

/**
 * Plans the reminders due today: for each customer (and currency), the level, the
 * items and amounts, the fees and interest to post, and the message to send, each
 * action with a stable idempotency key; and for every other item, why it is left alone.
 *
 * @param ledger - the receivables ledger
 * @param history - what dunning already sent and charged ({@link recordActions})
 * @param policy - a validated policy ({@link parseDunningPolicy})
 * @param asOf - the run's calendar date, or an instant seen in each customer's zone
 * @param options - holds, the host's business calendar, reference rates
 *
 * @example
 * planDunning(ledger, EMPTY_DUNNING_HISTORY, policy, '2024-02-08')
 *   .map((p) => p.actions.map((a) => a.items.map((i) => [i.itemId, i.openAmount])))
 * //=> Ok([[['INV-3', '250.00']]])
 */
export function planDunning(
  ledger: Ledger,
  history: DunningHistory,
  policy: DunningPolicy,
  asOf: string,
  options: PlanDunningOptions = {},
): Result<DunningPlan, ReceivablesError> {
  try {
    return plan(ledger, history, policy, asOf, options);
  } catch (error) {
    // A ledger that parseLedger would refuse (an amount off its minor unit, an unknown
    // currency, a malformed date): the replay's RangeError becomes an error value.
    if (!(error instanceof RangeError)) throw error;
    const issues = [{ path: [], message: error.message }];
    return err(receivablesError('invalid_input', { issues }, []));
  }
}

function plan(
  ledger: Ledger,
  history: DunningHistory,
  policy: DunningPolicy,
  asOf: string,
  options: PlanDunningOptions,
): Result<DunningPlan, ReceivablesError> {
  const todayOfResult = readToday(ledger, policy, asOf);
  if (todayOfResult.isErr()) return err(todayOfResult.error);
  const todayOf = todayOfResult.value;
  const currencies = options.currencies ?? ISO_CURRENCIES;
  // Customer records by customer number, the last of a repeated id as a Map would
  // keep it; read on the first action, not for a run that plans none. Records listed
  // in the order of the customers' items need no lookup.
  let customers: (Customer | undefined)[] | undefined;
  const customerOf = (k: number) => {
    if (customers === undefined) {
      customers = [];
      for (let i = 0; i < ledger.customers.length; i++) {
        const c = ledger.customers[i]!;
        const slot = customerIds[i] === c.id ? i : slots.find(c.id);
        if (slot >= 0) customers[slot] = c;
      }
    }
    return customers[k];
  };
  const ctx: ClassifyContext = {
    policy,
    holdsByItem: byKey(options.holds ?? [], 'itemId'),
    holdsByCustomer: byKey(options.holds ?? [], 'customerId'),
    levelOffsets: policy.levels.map(
      (l) => l.daysAfterDue + (l.daysAfterDue > 0 ? policy.graceDays : 0),
    ),
    dayNumber: dayNumberReader(),
    minorUnits: memo((currency) => currencies.get(currency)?.minorUnits ?? 0),
    scratch: { indices: new Int32Array(64) },
  };

  // Items of each run date; customers numbered by their first item.
  const dates = new Set<IsoDate>([todayOf('')]);
  if (!isIsoDate(asOf)) for (const c of ledger.customers) dates.add(todayOf(c.id));
  const { items, unapplied } = itemsOfRun(ledger, [...dates], todayOf, options.balances, asOf);
  const { customerIds, start, order, slots, mixed } = groupByCustomer(items);
  const index = indexHistory(history, todayOf, slots);

  const notReminded = unissued(ledger.invoices);
  const actions: DunningAction[] = [];
  const lookups = chargeLookups(ledger);
  for (let k = 0; k < customerIds.length; k++) {
    const customerId = customerIds[k]!;
    const today = todayOf(customerId);
    const past = index.customerAt(k, customerId);
    const from = start[k]!;
    const to = start[k + 1]!;
    let groups: { currency: string; group: GroupClassification }[];
    if (mixed[k] === 0) {
      // One currency, the usual case: no closure, no array unless something is due.
      const group = classifyGroup(
        items,
        order,
        from,
        to,
        customerId,
        today,
        past,
        ctx,
        notReminded,
      );
      if (group.candidates.length === 0) continue;
      groups = [{ currency: group.candidates[0]!.item.currency, group }];
    } else {
      groups = [];
      for (const indices of byCurrency(items, order, from, to)) {
        const n = indices.length;
        const group = classifyGroup(
          items,
          indices,
          0,
          n,
          customerId,
          today,
          past,
          ctx,
          notReminded,
        );
        if (group.candidates.length > 0) {
          groups.push({ currency: group.candidates[0]!.item.currency, group });
        }
      }
    }
    // One contact per customer per run, whatever the currencies: the most overdue
    // group goes first (then by currency code); the others wait for the next day the
    // gap allows. Levels are finite, so no currency waits forever.
    if (groups.length > 1) groups.sort(byMostOverdue);
    let contacted = false;
    for (const { currency, group } of groups) {
      const credit = unapplied.get(`${customerId}\u0000${currency}`);
      const gate =
        contactGate(group, currency, today, past, ctx, options.calendar, credit) ??
        (contacted ? 'too_soon' : undefined);
      if (gate !== undefined) {
        for (const c of group.candidates) {
          notReminded.push({ itemId: c.item.id, customerId, reason: gate, levelSent: c.sent });
        }
        continue;
      }
      const built = buildActions(group, customerOf(k), customerId, currency, today, {
        policy,
        lookups,
        history: past,
        minorUnits: ctx.minorUnits(currency),
        rates: options.rates,
        dayNumber: ctx.dayNumber,
        unapplied: credit,
      });
      if (built.isErr()) return err(built.error);
      for (const a of built.value.actions) actions.push(a);
      for (const r of built.value.skipped) notReminded.push(r);
      if (built.value.actions.length > 0) contacted = true;
    }
  }
  return ok({ asOf, actions, notReminded });
}
