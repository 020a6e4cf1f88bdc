/**
 * Candidate matches for one transaction. Three sources, all from indexes: the
 * items the transaction names (reference, invoice numbers), the open items of the
 * customers the payer may be (single items, then combinations by bounded search),
 * and, when nothing identifies anyone, items of exactly the paid amount. Each
 * candidate carries the signals that score it.
 *
 * @module
 */
import type { BankTransaction } from '../statements/types.js';
import { amountKey, type Book, type BookItem, olderFirst } from './book.js';
import type { TextEvidence } from './evidence.js';
import {
  allocationsOf,
  amountSignal,
  classify,
  FIT_RANK,
  type Fit,
  type ItemView,
  type Payment,
} from './fit.js';
import { valuesOf } from './numbers.js';
import type { PayerIndex, PayerMatch } from './payer.js';
import type { MatchingPolicy } from './policy.js';
import { prepareSearch, type SearchSet, searchCombinations } from './subset.js';
import type { MatchSignal, ProposedAllocation } from './types.js';
import { convertUnits, formatUnits } from './units.js';

/** A candidate before ranking: allocations, signals and the raw score. */
export interface Draft {
  readonly customerId: string;
  readonly fit?: Fit;
  readonly allocations: readonly ProposedAllocation[];
  readonly signals: readonly MatchSignal[];
  readonly score: number;
  readonly autoAllowed: boolean;
  /** Identity of the allocation set, to merge the same candidate found twice. */
  readonly key: string;
}

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
  readonly views: readonly ItemView[];
  /** The search set of those items, prepared on first use. */
  readonly prepared: () => SearchSet;
}

/** The item as this payment sees it (converted when the policy has a rate), or undefined. */
function viewOf(ctx: TxContext, item: BookItem): (ItemView & { rate?: string }) | undefined {
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

function fitOf(ctx: TxContext, views: readonly ItemView[], discounted: boolean[]): Fit | undefined {
  const due = views.reduce((s, v, i) => s + v.open - (discounted[i] ? v.discount!.units : 0n), 0n);
  const kind = classify(due, discounted.some(Boolean), ctx.payment);
  return kind && { kind, views, discounted, shortfall: due - ctx.payment.units };
}

/** Every single item the amount fits, at its open amount or net of its discount. */
function singleFits(ctx: TxContext, views: readonly ItemView[]): Fit[] {
  const fits: Fit[] = [];
  const units = ctx.payment.units;
  for (const v of views) {
    // Most items ask for less than was paid or far more: decided without building a fit.
    const kind = classify(v.open, false, ctx.payment);
    if (kind) fits.push({ kind, views: [v], discounted: [false], shortfall: v.open - units });
    if (v.discount === undefined) continue;
    const net = v.open - v.discount.units;
    const reduced = classify(net, true, ctx.payment);
    if (reduced)
      fits.push({ kind: reduced, views: [v], discounted: [true], shortfall: net - units });
  }
  return fits;
}

/** Every way the amount fits some of the views, best level only, plus whether the search ran out. */
function searchFits(
  ctx: TxContext,
  views: readonly ItemView[],
  named: boolean,
  prepared?: () => SearchSet,
) {
  const singles = singleFits(ctx, views);
  let fits = singles;
  let exhausted = false;
  const strong = (fs: readonly Fit[]) => fs.some((f) => FIT_RANK[f.kind] <= FIT_RANK.discount);
  if ((!strong(singles) || named) && views.length > 1) {
    const { policy, payment } = ctx;
    const set = prepared?.() ?? prepareViews(views, policy.searchBudget);
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
        const picked = s.picks.map((p) => views[p.position]!);
        const f = fitOf(
          ctx,
          picked,
          s.picks.map((p) => p.discounted),
        );
        if (f) fits = [...fits, f];
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
  return { fits: top, exhausted };
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
 */
function customerViews(ctx: TxContext, customerId: string) {
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

function keyOf(allocations: readonly ProposedAllocation[]): string {
  return allocations.map((a) => `${a.kind}:${a.itemId ?? a.customerId}:${a.amount}`).join('|');
}

function payerSignals(ctx: TxContext, customerId: string): MatchSignal[] {
  const w = ctx.policy.weights;
  const matches = ctx.payerMatches;
  if (matches.length === 0) return [];
  const mine = matches.find((m) => ctx.payers.customers[m.customer]!.id === customerId);
  const share = 1 / matches.length;
  const who = ctx.tx.counterpartyName ?? '';
  if (mine === undefined) {
    const strength = matches[0]!.how === 'account' ? 1 : matches[0]!.similarity * 0.6;
    const other = ctx.payers.customers[matches[0]!.customer]!.id;
    const detail = `the payer looks like customer ${other}, not ${customerId}`;
    return [{ code: 'payer_conflict', weight: w.payerConflict * strength, detail }];
  }
  if (mine.how === 'account') {
    const detail = `payer account ${ctx.tx.counterpartyAccount} is on file for customer ${customerId}`;
    return [{ code: 'payer_account', weight: w.payerAccount * share, detail }];
  }
  if (mine.how === 'name_exact') {
    const detail = `payer name '${who}' is the name of customer ${customerId} ('${mine.matchedName}')`;
    return [{ code: 'payer_name_exact', weight: w.payerNameExact * share, detail }];
  }
  const s = mine.similarity.toFixed(2);
  const detail = `name '${who}' ~ '${mine.matchedName}', similarity ${s}`;
  return [{ code: 'payer_name_fuzzy', weight: w.payerNameFuzzy * mine.similarity * share, detail }];
}

function draftOf(
  ctx: TxContext,
  customerId: string,
  fit: Fit | undefined,
  extra: MatchSignal[],
): Draft {
  const allocations = fit
    ? allocationsOf(fit, ctx.payment, ctx.policy)
    : [
        {
          kind: 'unapplied' as const,
          customerId,
          currency: ctx.payment.currency,
          amount: formatUnits(ctx.payment.units, ctx.payment.minorUnits),
        },
      ];
  const signals: MatchSignal[] = [...ctx.evidence.general];
  const refs = (fit?.views ?? [])
    .map((v) => ctx.evidence.byItem.get(v.item.index))
    .filter((s) => s !== undefined);
  if (refs.length > 0) {
    const best = refs.reduce((a, b) => (b.weight > a.weight ? b : a));
    // Items the payer did not name dilute the evidence: naming one invoice of five
    // says less about the five than naming all of them.
    const coverage = refs.length / (fit?.views.length ?? 1);
    const detail = refs.map((r) => r.detail).join('; ');
    signals.push({ ...best, weight: best.weight * coverage, detail });
  }
  signals.push(...payerSignals(ctx, customerId));
  if (fit) signals.push(amountSignal(fit, ctx.payment, ctx.policy));
  signals.push(...extra);
  let autoAllowed = true;
  for (const v of fit?.views ?? []) {
    const rate = (v as { rate?: string }).rate;
    if (rate === undefined) continue;
    autoAllowed = false;
    const detail = `${v.item.source.id} is in ${v.item.source.currency}, converted at the policy rate ${rate}`;
    signals.push({ code: 'cross_currency', weight: ctx.policy.weights.crossCurrency, detail });
    break;
  }
  if (signals.some((s) => s.code === 'search_budget_exhausted')) autoAllowed = false;
  // Rounded so that weights like 0.35 + 0.35 + 0.15 - 0.05 reach 0.8 exactly.
  const score = Math.round(signals.reduce((s, x) => s + x.weight, 0) * 1e6) / 1e6;
  return { customerId, fit, allocations, signals, score, autoAllowed, key: keyOf(allocations) };
}

/**
 * All candidates for a credit transaction.
 *
 * @example
 * buildCandidates(ctx)[0]?.allocations[0]?.itemId
 * //=> 'INV-2024-0117'
 */
export function buildCandidates(ctx: TxContext): Draft[] {
  const drafts: Draft[] = [];
  const { book, policy } = ctx;
  const w = policy.weights;
  const named = new Map<string, ItemView[]>();
  for (const index of [...ctx.evidence.byItem.keys()].sort((a, b) => a - b)) {
    const view = viewOf(ctx, book.items[index]!);
    if (!view) continue;
    const list = named.get(view.item.source.customerId) ?? [];
    named.set(view.item.source.customerId, [...list, view]);
  }
  for (const [customerId, views] of named) {
    views.sort((a, b) => olderFirst(a.item.source, b.item.source));
    const { fits } = searchFits(ctx, views, true);
    if (fits.length > 0) {
      for (const fit of fits) drafts.push(draftOf(ctx, customerId, fit, []));
      continue;
    }
    const open = views.reduce((s, v) => s + v.open, 0n);
    const kind = ctx.payment.units > open ? 'overpaid' : 'partial';
    const fit: Fit = {
      kind,
      views,
      discounted: views.map(() => false),
      shortfall: open - ctx.payment.units,
    };
    drafts.push(draftOf(ctx, customerId, fit, []));
  }
  for (const match of ctx.payerMatches.slice(0, 3)) {
    const customerId = ctx.payers.customers[match.customer]!.id;
    const { views, prepared } = customerViews(ctx, customerId);
    const { fits, exhausted } = searchFits(ctx, views, false, prepared);
    const extra: MatchSignal[] = [];
    if (exhausted) {
      const detail = `the search for combinations stopped after ${policy.searchBudget} steps`;
      extra.push({ code: 'search_budget_exhausted', weight: 0, detail });
    }
    if (fits.length === 1 && !exhausted) {
      const detail = 'no other open item or combination of this customer fits the amount';
      extra.push({ code: 'amount_unique', weight: w.amountUnique, detail });
    }
    for (const fit of fits) {
      const combo: MatchSignal[] =
        fit.views.length > 1
          ? [
              {
                code: 'combination',
                weight: w.combination,
                detail: `${fit.views.length} open items add up to the amount`,
              },
            ]
          : [];
      drafts.push(draftOf(ctx, customerId, fit, [...extra, ...combo]));
    }
    if (fits.length === 0 && match.how !== 'name_fuzzy')
      drafts.push(draftOf(ctx, customerId, undefined, extra));
  }
  if (drafts.length === 0 && ctx.payerMatches.length === 0) {
    const same = valuesOf(book.byAmount, amountKey(ctx.payment.currency, ctx.payment.units));
    if (same.length > 0 && same.length <= 3) {
      for (const index of same) {
        const view = viewOf(ctx, book.items[index]!)!;
        const fit: Fit = { kind: 'exact', views: [view], discounted: [false], shortfall: 0n };
        const detail = 'nothing identifies the payer; only the amount points to this item';
        const unknown: MatchSignal[] = [{ code: 'payer_unknown', weight: w.payerUnknown, detail }];
        drafts.push(draftOf(ctx, view.item.source.customerId, fit, unknown));
      }
    }
  }
  const merged = new Map<string, Draft>();
  for (const d of drafts) {
    const old = merged.get(d.key);
    if (old === undefined || d.score > old.score) merged.set(d.key, d);
  }
  return [...merged.values()];
}
