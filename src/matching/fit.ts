/**
 * How an amount fits a set of open items: exactly, net of early-payment discounts,
 * short within the tolerance, short by a bank fee, partly, or with money left over.
 * Turns a fit into allocations (cash parts always add up to the payment) and into
 * signals that say in words why it fits.
 *
 * @module
 */
import { type BookItem, type ItemDiscount, itemLabel } from './book.js';
import type { MatchingPolicy } from './policy.js';
import type { MatchSignal, ProposedAllocation } from './types.js';
import { formatUnits, minUnits, toUnits } from './units.js';

/** How well an amount fits, best first. */
export type FitKind = 'exact' | 'discount' | 'short_tolerated' | 'fee' | 'partial' | 'overpaid';

/**
 * Rank of a fit kind: lower is better.
 *
 * @example
 * FIT_RANK.exact < FIT_RANK.partial
 * //=> true
 */
export const FIT_RANK: Readonly<Record<FitKind, number>> = {
  exact: 0,
  discount: 1,
  short_tolerated: 2,
  fee: 3,
  overpaid: 4,
  partial: 5,
};

/** An item as one payment sees it: open amount and discount valid on the payment date. */
export interface ItemView {
  readonly item: BookItem;
  readonly open: bigint;
  readonly discount?: ItemDiscount;
}

/** Items taken into one candidate, with whether each is discounted. */
export interface Fit {
  readonly kind: FitKind;
  readonly views: readonly ItemView[];
  readonly discounted: readonly boolean[];
  /** What the items ask for (after discounts) minus what was paid; negative when overpaid. */
  readonly shortfall: bigint;
  /**
   * For a combination from the customer's open items: `oldest` when it is the
   * customer's oldest items (by due date) without a gap, `consecutive` when it is a
   * run of items without a gap further on. How payers settle several bills without
   * saying which: everything up to some due date, or one period's bills.
   */
  readonly pattern?: 'oldest' | 'consecutive';
}

/** The policy's tolerances in the payment's minor units, read once per currency. */
export interface Limits {
  /** Largest tolerated shortfall. */
  readonly shortAbsolute: bigint;
  /** Tolerated shortfall in percent, times 10,000 (4 decimals). */
  readonly shortPercent: bigint;
  /** Largest deduction read as a bank fee. */
  readonly fee: bigint;
  /** The larger of the two: how far short a combination may fall. */
  readonly slack: bigint;
}

/** The payment being fitted. */
export interface Payment {
  readonly units: bigint;
  readonly minorUnits: number;
  readonly currency: string;
  readonly limits: Limits;
}

/**
 * The policy's short-payment and fee limits in minor units of a currency.
 *
 * @example
 * limitsOf(DEFAULT_MATCHING_POLICY, 2).slack
 * //=> 2500n
 */
export function limitsOf(policy: MatchingPolicy, minorUnits: number): Limits {
  const shortAbsolute = toUnits(policy.shortPayment.maxAbsolute, minorUnits) ?? 0n;
  const fee = toUnits(policy.bankFeeMax, minorUnits) ?? 0n;
  const shortPercent = toUnits(policy.shortPayment.maxPercent, 4) ?? 0n;
  return { shortAbsolute, shortPercent, fee, slack: shortAbsolute > fee ? shortAbsolute : fee };
}

/**
 * True when a shortfall on `due` is within both tolerance limits of the policy.
 *
 * @example
 * isTolerated(350n, 100000n, eur)
 * //=> true
 */
export function isTolerated(shortfall: bigint, due: bigint, payment: Payment): boolean {
  const { shortAbsolute, shortPercent } = payment.limits;
  return shortfall <= shortAbsolute && shortfall * 100n * 10_000n <= due * shortPercent;
}

/**
 * Classifies what the items ask for against the payment; undefined when it does not fit.
 *
 * @example
 * classify(100000n, false, eur)
 * //=> 'exact'
 */
export function classify(due: bigint, anyDiscount: boolean, payment: Payment): FitKind | undefined {
  if (due < payment.units) return undefined;
  const shortfall = due - payment.units;
  if (shortfall === 0n) return anyDiscount ? 'discount' : 'exact';
  if (anyDiscount || shortfall > payment.limits.slack) return undefined;
  if (isTolerated(shortfall, due, payment)) return 'short_tolerated';
  return shortfall <= payment.limits.fee ? 'fee' : undefined;
}

const label = (v: ItemView) => itemLabel(v.item.source);

/**
 * The allocations of a fit: cash parts (payment, unapplied) add up to the payment.
 *
 * @example
 * allocationsOf(exactFit, payment, policy).map((a) => a.kind)
 * //=> ['payment']
 */
export function allocationsOf(fit: Fit, payment: Payment, policy: MatchingPolicy) {
  const out: ProposedAllocation[] = [];
  const fmt = (u: bigint) => formatUnits(u, payment.minorUnits);
  const base = (v: ItemView) => ({
    itemId: v.item.source.id,
    customerId: v.item.source.customerId,
    currency: payment.currency,
  });
  const dues = fit.views.map((v, i) => v.open - (fit.discounted[i] ? v.discount!.units : 0n));
  const cash = [...dues];
  // A shortfall is taken from the newest item backwards, so older items are settled first.
  let excess = dues.reduce((s, d) => s + d, 0n) - payment.units;
  for (let i = cash.length - 1; i >= 0 && excess > 0n; i -= 1) {
    const take = minUnits(cash[i]!, excess);
    cash[i] = cash[i]! - take;
    excess -= take;
  }
  const writeOff = fit.kind === 'short_tolerated' && policy.shortPayment.action === 'write-off';
  fit.views.forEach((v, i) => {
    const discount = dues[i]! < v.open ? v.open - dues[i]! : 0n;
    if (cash[i]! > 0n) out.push({ kind: 'payment', ...base(v), amount: fmt(cash[i]!) });
    if (discount > 0n) out.push({ kind: 'discount', ...base(v), amount: fmt(discount) });
    const short = dues[i]! - cash[i]!;
    if (short > 0n && writeOff) {
      out.push({ kind: 'short-payment-write-off', ...base(v), amount: fmt(short) });
    }
  });
  if (excess < 0n) {
    const customerId = fit.views[0]!.item.source.customerId;
    out.push({ kind: 'unapplied', customerId, currency: payment.currency, amount: fmt(-excess) });
  }
  return out;
}

/**
 * The amount signal of a fit, in words.
 *
 * @example
 * amountSignal(exactFit, payment, policy).code
 * //=> 'amount_exact'
 */
export function amountSignal(fit: Fit, payment: Payment, policy: MatchingPolicy): MatchSignal {
  const w = policy.weights;
  const fmt = (u: bigint) => `${formatUnits(u, payment.minorUnits)} ${payment.currency}`;
  const open = fit.views.reduce((s, v) => s + v.open, 0n);
  const names = fit.views.map(label).join(', ');
  const of =
    fit.views.length === 1 ? `the open amount of ${names}` : `the open amounts of ${names}`;
  switch (fit.kind) {
    case 'exact':
      return { code: 'amount_exact', weight: w.amountExact, detail: `amount equals ${of}` };
    case 'discount': {
      const parts = fit.views
        .filter((_, i) => fit.discounted[i])
        .map(
          (v) =>
            `the ${v.discount!.percent} % early-payment discount valid until ${v.discount!.until}`,
        );
      const detail = `amount equals ${of} less ${parts.join(' and ')}`;
      return { code: 'amount_discount', weight: w.amountDiscount, detail };
    }
    case 'short_tolerated': {
      const fate = policy.shortPayment.action === 'write-off' ? 'written off' : 'left open';
      const detail =
        `amount is ${fmt(fit.shortfall)} short of ${of}` +
        ` (${fmt(open)}), within the tolerance: ${fate}`;
      return { code: 'amount_short_tolerated', weight: w.amountShortTolerated, detail };
    }
    case 'fee': {
      const detail =
        `amount is ${fmt(fit.shortfall)} short of ${of},` +
        ` as a bank fee would be; the difference stays open`;
      return { code: 'amount_fee', weight: w.amountFee, detail };
    }
    case 'partial': {
      const detail = `partial payment: ${fmt(payment.units)} of ${fmt(open)} open on ${names}`;
      return { code: 'amount_partial', weight: w.amountPartial, detail };
    }
    case 'overpaid': {
      const detail =
        `overpayment: ${fmt(payment.units)} for ${fmt(open)} open on` +
        ` ${names}; ${fmt(-fit.shortfall)} stays unapplied on the customer`;
      return { code: 'amount_overpaid', weight: w.amountOverpaid, detail };
    }
  }
}
