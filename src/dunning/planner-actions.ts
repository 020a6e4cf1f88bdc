/**
 * The per-customer half of the planner: the gates that hold a whole message back
 * (minimum overdue amount, send days, contact limits), and the actions themselves
 * with their keys, charges, totals and message details.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Customer, OpenItem } from '../ledger/types.js';
import { Dec } from '../money/index.js';
import { type BusinessCalendar, isBusinessDay } from '../terms/calendar.js';
import { daysBetween, type IsoDate } from '../terms/date.js';
import { byDue, byDueItem, sumTotals, toActionItem } from './action-items.js';
import { actionCharges, type ChargeLookups } from './charges.js';
import type { Candidate, ClassifyContext, GroupClassification } from './classify.js';
import type { CustomerHistory } from './history-index.js';
import { dunningActionKey } from './keys.js';
import { addMinor, toMinor } from './minor.js';
import type { DunningPolicy } from './policy.js';
import type { ReferenceRateTable } from './rates.js';
import type { DunningAction, NotReminded, NotRemindedReason } from './types.js';

/**
 * Why a customer's whole message waits, or undefined when it may go: the overdue
 * amount is below the minimum, today is not a send day, or the customer was
 * contacted too recently or too often this month.
 *
 * @example
 * // A Saturday, and the policy sends on business days only:
 * contactGate(group, 'EUR', '2024-03-09', history, ctx, {}, undefined)
 * //=> 'not_business_day'
 */
export function contactGate(
  group: GroupClassification,
  currency: string,
  today: IsoDate,
  history: CustomerHistory,
  ctx: ClassifyContext,
  calendar: BusinessCalendar | undefined,
  unapplied: string | undefined,
): NotRemindedReason | undefined {
  const { policy } = ctx;
  // Money received but not yet applied (or credit notes) may already pay the overdue
  // items: remind only what is left after it, and nobody whom it covers in full.
  const mu = ctx.minorUnits(currency);
  let units: number | undefined = 0;
  for (const c of group.candidates) units = addMinor(units, toMinor(c.item.openAmount, mu));
  for (const i of group.listed) units = addMinor(units, toMinor(i.openAmount, mu));
  const credit = toMinor(unapplied ?? '0', mu);
  const minimum = policy.minimumOverdue[currency];
  const least = minimum === undefined ? undefined : toMinor(minimum, mu);
  if (
    units !== undefined &&
    credit !== undefined &&
    (minimum === undefined || least !== undefined)
  ) {
    // Whole minor units, exact: the same comparisons as in decimals below.
    const net = units - credit;
    if (net <= 0) return 'unapplied_cash';
    if (least !== undefined && net < least) return 'below_minimum';
  } else {
    const open = [
      ...group.candidates.map((c) => c.item.openAmount),
      ...group.listed.map((i) => i.openAmount),
    ];
    const net = open.reduce((sum, a) => sum.plus(a), new Dec(0)).minus(unapplied ?? '0');
    if (!net.greaterThan(0)) return 'unapplied_cash';
    if (minimum !== undefined && net.lessThan(minimum)) return 'below_minimum';
  }
  if (
    policy.sendDays.businessDaysOnly &&
    !isBusinessDay(today, calendar ?? policy.sendDays.calendar)
  ) {
    return 'not_business_day';
  }
  const contacts = history.contactDays;
  let last: IsoDate | undefined;
  for (const d of contacts) if (last === undefined || d > last) last = d;
  // A customer hears from us at most once a day, whatever the policy's gap: a second
  // run on the same day must not escalate what the first run just sent.
  const gap = Math.max(1, policy.minDaysBetweenMessages);
  if (last !== undefined && daysBetween(last, today) < gap) return 'too_soon';
  const month = today.slice(0, 7);
  const max = policy.maxMessagesPerMonth;
  if (max !== undefined && new Set(contacts.filter((d) => d.startsWith(month))).size >= max) {
    return 'monthly_limit';
  }
  return undefined;
}

/** What {@link buildActions} needs besides the group. */
export interface BuildContext {
  readonly policy: DunningPolicy;
  readonly lookups: ChargeLookups;
  readonly history: CustomerHistory;
  readonly minorUnits: number;
  readonly rates: ReferenceRateTable | undefined;
  readonly dayNumber: (date: IsoDate) => number;
  /** Unapplied cash and credit of the customer in the currency. */
  readonly unapplied: string | undefined;
}

interface Partition {
  candidates: Candidate[];
  listed: OpenItem[];
  openCharges: OpenItem[];
}

function partitions(group: GroupClassification, policy: DunningPolicy, lookups: ChargeLookups) {
  if (policy.grouping === 'customer') return [group as Partition];
  const invoiceOf = (item: OpenItem) => item.invoiceId ?? item.id;
  const parts = new Map<string, Partition>();
  const itemInvoice = new Map<string, string>();
  for (const c of group.candidates) {
    itemInvoice.set(c.item.id, invoiceOf(c.item));
    const p = parts.get(invoiceOf(c.item));
    if (p) p.candidates.push(c);
    else parts.set(invoiceOf(c.item), { candidates: [c], listed: [], openCharges: [] });
  }
  for (const l of group.listed) {
    itemInvoice.set(l.id, invoiceOf(l));
    parts.get(invoiceOf(l))?.listed.push(l);
  }
  for (const charge of group.openCharges) {
    const target = lookups.chargeTarget(charge.id);
    const invoice = target === undefined ? undefined : (itemInvoice.get(target) ?? target);
    if (invoice !== undefined) parts.get(invoice)?.openCharges.push(charge);
  }
  return [...parts.values()];
}

/**
 * The actions of one customer and currency: one, or one per invoice, each with its
 * key, charges and totals. Items whose key the history already holds are skipped.
 *
 * @example
 * buildActions(group, customer, 'C1', 'EUR', '2024-02-08', deps).map((r) => r.actions.length)
 * //=> Ok(1)
 */
export function buildActions(
  group: GroupClassification,
  customer: Customer | undefined,
  customerId: string,
  currency: string,
  today: IsoDate,
  deps: BuildContext,
): Result<{ actions: DunningAction[]; skipped: NotReminded[] }, ReceivablesError> {
  const { policy, minorUnits: mu } = deps;
  const actions: DunningAction[] = [];
  const skipped: NotReminded[] = [];
  const history = deps.history;
  for (const part of partitions(group, policy, deps.lookups)) {
    const candidates = [...part.candidates].sort(byDue);
    const key = dunningActionKey(
      customerId,
      currency,
      candidates.map((c) => ({ itemId: c.item.id, level: c.level })),
    );
    if (history.hasKey(key)) {
      for (const c of candidates) {
        skipped.push({
          itemId: c.item.id,
          customerId,
          reason: 'already_actioned',
          levelSent: c.sent,
        });
      }
      continue;
    }
    const consumer = customer?.consumer === true;
    const request = { key, customerId, currency, minorUnits: mu, consumer, today, candidates };
    const charges = actionCharges(request, policy, deps.lookups, deps.rates);
    if (charges.isErr()) return err(charges.error);

    const level = Math.max(...candidates.map((c) => c.level));
    const def = policy.levels[level - 1]!;
    const todayDay = deps.dayNumber(today);
    const items = candidates.map((c) => toActionItem(c.item, c.level, todayDay, deps.dayNumber));
    const listedItems = [...part.listed]
      .sort(byDueItem)
      .map((item) => toActionItem(item, history.levelOf(item.id), todayDay, deps.dayNumber));
    const openCharges = part.openCharges.map((c) => ({
      itemId: c.id,
      kind: c.chargeKind ?? 'fee',
      date: c.issueDate,
      openAmount: c.openAmount,
    }));
    const overdueAmounts = [...items, ...listedItems].map((i) => i.openAmount);
    const { charges: posted, interestSkipped } = charges.value;
    const chargeAmounts = [...posted.map((c) => c.amount), ...openCharges.map((c) => c.openAmount)];
    const totals = sumTotals(overdueAmounts, chargeAmounts, deps.unapplied ?? '0', mu);
    const locale = customer?.locale ?? policy.defaultLocale;
    const customerName = customer?.name ?? customerId;
    const { channel, templateId } = def;
    const to = customer?.email;
    // Literals of one shape each (no spread of optional parts): the same keys, in order.
    const message =
      to === undefined
        ? { channel, templateId, locale, customerName }
        : { channel, templateId, locale, customerName, to };
    const kind = def.final ? 'escalate' : 'remind';
    const { overdueAmount, chargesAmount, unappliedAmount, totalDue } = totals;
    const date = today;
    actions.push(
      interestSkipped.length === 0
        ? {
            key,
            kind,
            customerId,
            currency,
            date,
            level,
            items,
            listedItems,
            openCharges,
            charges: posted,
            overdueAmount,
            chargesAmount,
            unappliedAmount,
            totalDue,
            message,
          }
        : {
            key,
            kind,
            customerId,
            currency,
            date,
            level,
            items,
            listedItems,
            openCharges,
            charges: posted,
            interestSkipped,
            overdueAmount,
            chargesAmount,
            unappliedAmount,
            totalDue,
            message,
          },
    );
  }
  return ok({ actions, skipped });
}
