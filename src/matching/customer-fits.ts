/**
 * How a payment fits the open items of one customer: single items, runs of items
 * without a gap in due-date order (the oldest ones, or one period's bills), and any
 * other combination the bounded search finds. A customer's items, as payments of one
 * day and currency see them, are prepared once per matching run and shared.
 *
 * @module
 */
import type { BankTransaction } from '../statements/types.js';
import type { Book, BookItem } from './book.js';
import type { TextEvidence } from './evidence.js';
import { classify, FIT_RANK, type Fit, type ItemView, type Payment } from './fit.js';
import type { PayerIndex, PayerMatch } from './payer.js';
import type { MatchingPolicy } from './policy.js';
import { prepareSearch, type SearchSet, searchCombinations } from './subset.js';
import { convertUnits } from './units.js';

/** Everything candidate building needs about one transaction. */
export interface TxContext {
  readonly tx: BankTransaction;
  readonly payment: Payment;
  readonly policy: MatchingPolicy;
  readonly book: Book;
  readonly payers: PayerIndex;
  readonly payerMatches: readonly PayerMatch[];
  readonly evidence: TextEvidence;
  /** Per-run cache of each customer's views for the latest value date and currency seen. */
  readonly cache: Map<string, CustomerViews>;
}

/** A customer's items as payments on one day in one currency see them. */
export interface CustomerViews {
  readonly valueDate: string;
  readonly currency: string;
  /** Oldest first (due date, issue date, id). */
  readonly views: readonly ItemView[];
  /** The search set of those items, prepared on first use. */
  readonly prepared: () => SearchSet;
}

/** How the amount fits a set of items. */
export interface FitsOutcome {
  /** The fits of the best kind found (for named items: with the most items). */
  readonly fits: readonly Fit[];
  /** Some combinations could not be searched within the step budget. */
  readonly exhausted: boolean;
  /** Combinations were searched (no single item fitted exactly or net of its discount). */
  readonly searched: boolean;
}

/**
 * The item as this payment sees it (converted when the policy has a rate), or undefined.
 *
 * @example
 * viewOf(ctx, book.items[0]!)?.open
 * //=> 100000n
 */
export function viewOf(ctx: TxContext, item: BookItem): (ItemView & { rate?: string }) | undefined {
  const date = ctx.tx.valueDate;
  const discount = item.discounts.find((d) => d.until >= date);
  const src = item.source;
  if (src.currency === ctx.payment.currency) {
    return discount ? { item, open: item.open, discount } : { item, open: item.open };
  }
  const rate = ctx.policy.exchangeRates.find(
    (r) => r.from === src.currency && r.to === ctx.payment.currency,
  )?.rate;
  if (rate === undefined) return undefined;
  const conv = (u: bigint) => convertUnits(u, item.minorUnits, ctx.payment.minorUnits, rate);
  const open = conv(item.open);
  return discount
    ? { item, open, discount: { ...discount, units: conv(discount.units) }, rate }
    : { item, open, rate };
}

const net = (v: ItemView, discounted: boolean) => v.open - (discounted ? v.discount!.units : 0n);

function fitOf(
  ctx: TxContext,
  views: readonly ItemView[],
  discounted: readonly boolean[],
  pattern?: Fit['pattern'],
): Fit | undefined {
  const due = views.reduce((s, v, i) => s + net(v, discounted[i]!), 0n);
  const kind = classify(due, discounted.some(Boolean), ctx.payment);
  if (kind === undefined) return undefined;
  const fit = { kind, views, discounted, shortfall: due - ctx.payment.units };
  return pattern ? { ...fit, pattern } : fit;
}

/** Every single item the amount fits, at its open amount or net of its discount. */
function singleFits(ctx: TxContext, views: readonly ItemView[]): Fit[] {
  const fits: Fit[] = [];
  for (const v of views) {
    // Most items ask for less than was paid or far more: decided without building a fit.
    for (const discounted of v.discount ? [false, true] : [false]) {
      const due = net(v, discounted);
      const kind = classify(due, discounted, ctx.payment);
      if (kind) {
        fits.push({
          kind,
          views: [v],
          discounted: [discounted],
          shortfall: due - ctx.payment.units,
        });
      }
    }
  }
  return fits;
}

/**
 * Runs of two or more items without a gap (oldest first), at their open amounts or
 * with every valid discount taken, whose sum fits the amount. Any length: a payer
 * settling everything due up to a date pays as many bills as that is.
 */
function runFits(ctx: TxContext, views: readonly ItemView[]): { fit: Fit; from: number }[] {
  const out: { fit: Fit; from: number }[] = [];
  const ceiling = ctx.payment.units + ctx.payment.limits.slack;
  for (let from = 0; from < views.length; from += 1) {
    let full = views[from]!.open;
    let reduced = net(views[from]!, views[from]!.discount !== undefined);
    for (let to = from + 1; to < views.length && reduced <= ceiling; to += 1) {
      const v = views[to]!;
      full += v.open;
      reduced += net(v, v.discount !== undefined);
      const pattern = from === 0 ? 'oldest' : 'consecutive';
      for (const withDiscounts of full === reduced ? [false] : [false, true]) {
        const due = withDiscounts ? reduced : full;
        const kind = classify(due, withDiscounts, ctx.payment);
        if (kind === undefined) continue;
        const run = views.slice(from, to + 1);
        const discounted = run.map((r) => withDiscounts && r.discount !== undefined);
        const shortfall = due - ctx.payment.units;
        out.push({ fit: { kind, views: run, discounted, shortfall, pattern }, from });
      }
    }
  }
  return out;
}

/** Identity of a fit: positions in the customer's views and the discounts taken. */
function fitKey(positions: readonly number[], discounted: readonly boolean[]): string {
  return positions.map((p, i) => `${p}${discounted[i] ? 'd' : ''}`).join(' ');
}

/**
 * Every way the amount fits some of the views, of the best kind only.
 *
 * @param named - the views are the items the payer named: all of them are tried
 *   together first, and the fits with the most items win
 * @example
 * searchFits(ctx, views, false).fits.map((f) => f.kind)
 * //=> ['exact']
 */
export function searchFits(
  ctx: TxContext,
  views: readonly ItemView[],
  named: boolean,
  prepared?: () => SearchSet,
): FitsOutcome {
  const singles = singleFits(ctx, views);
  let fits = singles;
  let exhausted = false;
  const strong = (fs: readonly Fit[]) => fs.some((f) => FIT_RANK[f.kind] <= FIT_RANK.discount);
  const searched = (!strong(singles) || named) && views.length > 1;
  if (searched) {
    const { policy, payment } = ctx;
    const set = prepared?.() ?? prepareViews(views, policy.searchBudget);
    const seen = new Map<string, number>();
    const add = (fit: Fit, key: string) => {
      const at = seen.get(key);
      if (at === undefined) {
        seen.set(key, fits.length);
        fits = [...fits, fit];
      } else if (fit.pattern && !fits[at]!.pattern) fits[at] = fit;
    };
    if (!named) {
      for (const { fit, from } of runFits(ctx, views)) {
        add(
          fit,
          fitKey(
            fit.views.map((_, i) => from + i),
            fit.discounted,
          ),
        );
      }
    }
    const search = (slack: bigint) => {
      const outcome = searchCombinations(set, payment.units, slack, {
        minItems: 2,
        maxItems: named ? views.length : policy.maxCombinationItems,
        budget: policy.searchBudget,
        maxSolutions: 8,
        prefer: named ? 'most' : 'fewest',
      });
      exhausted ||= outcome.exhausted;
      for (const s of outcome.solutions) {
        const positions = s.picks.map((p) => p.position);
        const flags = s.picks.map((p) => p.discounted);
        const f = fitOf(
          ctx,
          positions.map((p) => views[p]!),
          flags,
        );
        if (f) add(f, fitKey(positions, flags));
      }
    };
    // Exact sums first: a window of slack holds many more combinations, and would
    // crowd the exact one out of the solutions kept.
    search(0n);
    if (!strong(fits)) search(payment.limits.slack);
  }
  const best = Math.min(...fits.map((f) => FIT_RANK[f.kind]));
  let top = fits.filter((f) => FIT_RANK[f.kind] === best);
  if (named) {
    const most = Math.max(...top.map((f) => f.views.length));
    top = top.filter((f) => f.views.length === most);
  }
  return { fits: top, exhausted, searched };
}

function prepareViews(views: readonly ItemView[], budget: number): SearchSet {
  return prepareSearch(
    views.map((v) => ({
      full: v.open,
      ...(v.discount && { discounted: v.open - v.discount.units }),
    })),
    budget,
  );
}

/**
 * A customer's open items as this payment sees them, and their search set, shared by
 * every payment of the same customer, value date and currency in one matching run.
 *
 * @example
 * customerViews(ctx, 'C-88').views.length
 * //=> 4
 */
export function customerViews(ctx: TxContext, customerId: string): CustomerViews {
  const { valueDate } = ctx.tx;
  const { currency } = ctx.payment;
  const cached = ctx.cache.get(customerId);
  if (cached && cached.valueDate === valueDate && cached.currency === currency) return cached;
  const views: ItemView[] = [];
  for (const i of ctx.book.byCustomer.get(customerId) ?? []) {
    const view = viewOf(ctx, ctx.book.items[i]!);
    if (view) views.push(view);
  }
  let set: SearchSet | undefined;
  const entry = {
    valueDate,
    currency,
    views,
    prepared: () => {
      set ??= prepareViews(views, ctx.policy.searchBudget);
      return set;
    },
  };
  ctx.cache.set(customerId, entry);
  return entry;
}
