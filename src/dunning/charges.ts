/**
 * Fees, statutory interest and fixed compensation for one dunning action, as ledger
 * charges kept apart from the principal. Each charge id derives from the action key,
 * and a charge is never posted twice: not when the ledger already holds a charge of
 * the action (a retry after a crash), not interest already charged on the item (only
 * the interest accrued since is posted), and not a second compensation per invoice.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Ledger, LedgerCharge, OpenItem } from '../ledger/types.js';
import { currencyOf } from '../money/currency.js';
import { Dec, formatAmount, roundDecimal } from '../money/index.js';
import type { IsoDate } from '../terms/date.js';
import type { Candidate } from './classify.js';
import { dayNumberReader } from './day-number.js';
import { type LateInterestOptions, lateCompensation, lateInterest } from './interest.js';
import { lateInterestMinor, type RateCache } from './interest-minor.js';
import { formatMinor } from './minor.js';
import type { DunningLevel, DunningPolicy } from './policy.js';
import type { ReferenceRateTable } from './rates.js';
import type { InterestSkipped } from './types.js';

/** Lookups into the ledger's charges and allocations, built once per plan on first use. */
export interface ChargeLookups {
  readonly postedActionKeys: () => ReadonlySet<string>;
  readonly interestCharged: (itemId: string, today: IsoDate) => Dec;
  readonly compensated: () => ReadonlySet<string>;
  /**
   * What lowered the item's claim up to `today`, each on the day it counts from: a
   * payment or write-off on its allocation date, a credit note correcting the item's
   * own invoice on the item's due date (it reduces what was owed, not a late payment).
   */
  readonly paymentsOn: (
    item: Pick<OpenItem, 'id' | 'dueDate' | 'invoiceId'>,
    today: IsoDate,
  ) => { date: IsoDate; amount: string }[];
  /** The open item a charge was charged on. */
  readonly chargeTarget: (chargeId: string) => string | undefined;
  /** Statutory rates by half-year, read once per plan for the integer interest. */
  readonly rateCache: RateCache;
  readonly dayNumber: (date: IsoDate) => number;
  /** A policy amount (fee, compensation) as posted with `mu` decimals, once per plan. */
  readonly amountText: (amount: string, mu: number) => string;
}

// Decimals are immutable: one zero serves every item without interest charged before.
const ZERO = new Dec(0);

const lazy = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = build();
    return value;
  };
};

const groupBy = <T>(rows: readonly T[], key: (row: T) => string | undefined) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
};

/**
 * Builds the lookups of a ledger (nothing is computed until first asked).
 *
 * @example
 * chargeLookups(EMPTY_LEDGER).postedActionKeys().size
 * //=> 0
 */
export function chargeLookups(ledger: Ledger): ChargeLookups {
  const actionKeys = lazy(() => new Set(ledger.charges.map((c) => c.actionKey ?? '')));
  const interest = lazy(() =>
    groupBy(
      ledger.charges.filter((c) => c.kind === 'interest'),
      (c) => c.itemId,
    ),
  );
  const compensated = lazy(
    () =>
      new Set(ledger.charges.filter((c) => c.kind === 'compensation').map((c) => c.itemId ?? '')),
  );
  const allocations = lazy(() => groupBy(ledger.allocations, (a) => a.itemId));
  const writeOffs = lazy(() => groupBy(ledger.writeOffs, (w) => w.itemId));
  const reversed = lazy(() => {
    const map = new Map<string, IsoDate>();
    for (const p of ledger.payments) if (p.reversedOn) map.set(p.id, p.reversedOn);
    return map;
  });
  const targets = lazy(() => new Map(ledger.charges.map((c) => [c.id, c.itemId])));
  const texts = new Map<string, string>();
  const corrects = lazy(() => new Map(ledger.creditNotes.map((n) => [n.id, n.invoiceId] as const)));
  return {
    rateCache: new Map(),
    dayNumber: dayNumberReader(),
    postedActionKeys: actionKeys,
    chargeTarget: (chargeId) => targets().get(chargeId),
    compensated,
    interestCharged: (itemId, today) => {
      const charged = interest().get(itemId);
      if (charged === undefined) return ZERO;
      return charged.filter((c) => c.date <= today).reduce((s, c) => s.plus(c.amount), ZERO);
    },
    amountText: (amount, mu) => {
      const key = `${mu}:${amount}`;
      let text = texts.get(key);
      if (text === undefined) {
        text = formatAmount(new Dec(amount), mu);
        texts.set(key, text);
      }
      return text;
    },
    paymentsOn: (item, today) => {
      const holds = (reversedOn: IsoDate | undefined) =>
        reversedOn === undefined || reversedOn > today;
      const invoiceId = item.invoiceId ?? item.id;
      const from = (a: { sourceId: string; date: IsoDate }) =>
        corrects().get(a.sourceId) === invoiceId && item.dueDate < a.date ? item.dueDate : a.date;
      const paid = (allocations().get(item.id) ?? [])
        .filter((a) => a.date <= today && holds(a.reversedOn) && holds(reversed().get(a.sourceId)))
        .map((a) => ({ date: from(a), amount: a.amount }));
      const off = (writeOffs().get(item.id) ?? []).filter((w) => w.date <= today);
      return [...paid, ...off.map((w) => ({ date: w.date, amount: w.amount }))];
    },
  };
}

/** Everything {@link actionCharges} needs about the action. */
export interface ChargeRequest {
  readonly key: string;
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly consumer: boolean;
  readonly today: IsoDate;
  readonly candidates: readonly Candidate[];
}

function feeOf(level: DunningLevel, request: ChargeRequest, items: readonly OpenItem[]): Dec {
  const fee = level.fee;
  const mu = request.minorUnits;
  if (!fee) return new Dec(0);
  if (fee.type === 'fixed') return new Dec(fee.amounts[request.currency] ?? 0);
  const base = items.reduce((s, i) => s.plus(i.openAmount), new Dec(0));
  let amount = roundDecimal(base.times(fee.percent).dividedBy(100), mu, 'half-up');
  const min = fee.min?.[request.currency];
  const max = fee.max?.[request.currency];
  if (min !== undefined) amount = Dec.max(amount, min);
  if (max !== undefined) amount = Dec.min(amount, max);
  return amount;
}

/** The charges of an action, and the interest it could not claim. */
export interface ActionCharges {
  readonly charges: LedgerCharge[];
  readonly interestSkipped: InterestSkipped[];
}

/**
 * The charges an action posts: the fee of each level reached, and for levels that
 * claim interest, the statutory interest accrued to the day less what was charged
 * before, plus the fixed compensation once per invoice for business customers.
 * Interest on an item whose days have no reference rate in the table is left out
 * and reported in `interestSkipped`: the reminder and its fee still go out, and a
 * later action claims the interest once the host has added the rate.
 *
 * @example
 * actionCharges(request, policy, lookups, undefined).map((r) => r.charges.map((c) => c.kind))
 * //=> Ok(['fee'])
 */
export function actionCharges(
  request: ChargeRequest,
  policy: DunningPolicy,
  lookups: ChargeLookups,
  rates: ReferenceRateTable | undefined,
): Result<ActionCharges, ReceivablesError> {
  const { key, customerId, currency, today, minorUnits: mu } = request;
  const interestSkipped: InterestSkipped[] = [];
  if (lookups.postedActionKeys().has(key)) return ok({ charges: [], interestSkipped });
  const charge = (id: string, kind: LedgerCharge['kind'], amount: string, itemId?: string) => {
    const at = `${key}/${id}`;
    const date = today;
    return itemId === undefined
      ? { id: at, kind, customerId, currency, date, dueDate: date, amount, actionKey: key }
      : { id: at, kind, customerId, currency, date, dueDate: date, amount, itemId, actionKey: key };
  };

  const charges: LedgerCharge[] = [];
  const levels = [...new Set(request.candidates.map((c) => c.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const def = policy.levels[level - 1]!;
    const items = request.candidates.filter((c) => c.level === level).map((c) => c.item);
    const only = items.length === 1 ? items[0]!.id : undefined;
    const fixed = def.fee?.type === 'fixed' ? def.fee.amounts[currency] : undefined;
    if (fixed !== undefined) {
      const text = lookups.amountText(fixed, mu);
      // Above zero: not negative and some digit not 0 (the text is a plain decimal).
      if (text[0] !== '-' && /[1-9]/.test(text)) {
        charges.push(charge(`fee/L${level}`, 'fee', text, only));
      }
      continue;
    }
    const fee = feeOf(def, request, items);
    if (fee.greaterThan(0))
      charges.push(charge(`fee/L${level}`, 'fee', formatAmount(fee, mu), only));
  }

  const compensatedNow = new Set<string>();
  const options: LateInterestOptions = { ...policy.interest, ...(rates ? { rates } : {}) };
  const known = currencyOf(currency, options.currencies);
  const interestMu = known.isOk() ? known.value.minorUnits : undefined;
  for (const c of request.candidates) {
    if (!policy.levels[c.level - 1]!.claimInterest || today <= c.item.dueDate) continue;
    const claim = {
      amount: c.item.amount,
      currency,
      dueDate: c.item.dueDate,
      until: today,
      payments: lookups.paymentsOn(c.item, today),
      consumer: request.consumer,
    };
    // Integer minor units where they are exactly the decimal rule; decimals otherwise.
    const units = lateInterestMinor(claim, options, lookups.rateCache, lookups.dayNumber);
    const interest =
      units === undefined
        ? lateInterest(claim, options).map((i) => i.amount)
        : ok(formatMinor(units, interestMu ?? 0));
    if (interest.isErr() && interest.error.code === 'missing_rate') {
      const { date } = interest.error;
      interestSkipped.push({ itemId: c.item.id, reason: 'missing_rate', date });
    } else if (interest.isErr()) {
      return err(interest.error);
    } else {
      const charged = lookups.interestCharged(c.item.id, today);
      const id = `interest/${c.item.id}`;
      if (units !== undefined && interestMu === mu && charged.isZero()) {
        // The same text as formatAmount(units / 10^mu, mu), without a decimal.
        if (units > 0n) charges.push(charge(id, 'interest', interest.value, c.item.id));
      } else {
        const due = new Dec(interest.value).minus(charged);
        if (due.greaterThan(0))
          charges.push(charge(id, 'interest', formatAmount(due, mu), c.item.id));
      }
    }
    const invoiceId = c.item.invoiceId ?? c.item.id;
    const sum = lateCompensation(currency, request.consumer, policy.interest.compensation);
    if (sum && !lookups.compensated().has(invoiceId) && !compensatedNow.has(invoiceId)) {
      compensatedNow.add(invoiceId);
      const text = lookups.amountText(sum, mu);
      charges.push(charge(`compensation/${invoiceId}`, 'compensation', text, invoiceId));
    }
  }
  return ok({ charges, interestSkipped });
}
