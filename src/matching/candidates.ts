/**
 * Candidate matches for one transaction. Three sources, all from indexes: the
 * items the transaction names (reference, invoice numbers), the open items of the
 * customers the payer may be (single items, then combinations by bounded search),
 * and, when nothing identifies anyone, items of exactly the paid amount. Each
 * candidate carries the signals that score it.
 *
 * @module
 */
import { amountKey, olderFirst } from './book.js';
import { customerViews, searchFits, type TxContext, viewOf } from './customer-fits.js';
import { allocationsOf, amountSignal, type Fit, type ItemView } from './fit.js';
import { valuesOf } from './numbers.js';
import type { MatchSignal, ProposedAllocation } from './types.js';
import { formatUnits } from './units.js';

export type { CustomerViews, TxContext } from './customer-fits.js';

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

/** What a combination of the customer's items says about how the payer chose them. */
function comboSignals(ctx: TxContext, fit: Fit): MatchSignal[] {
  const n = fit.views.length;
  if (n < 2) return [];
  const w = ctx.policy.weights;
  const signals: MatchSignal[] = [
    { code: 'combination', weight: w.combination, detail: `${n} open items add up to the amount` },
  ];
  const first = fit.views[0]!.item.source.dueDate;
  const last = fit.views[n - 1]!.item.source.dueDate;
  if (fit.pattern === 'oldest') {
    const detail = `they are the customer's ${n} oldest open items, all those due up to ${last}`;
    signals.push({ code: 'combination_oldest', weight: w.combinationOldest, detail });
  } else if (fit.pattern === 'consecutive') {
    const detail =
      `they follow each other without a gap in` + ` due-date order (due ${first} to ${last})`;
    signals.push({ code: 'combination_consecutive', weight: w.combinationConsecutive, detail });
  }
  if (fit.views.every((v) => v.item.source.dueDate <= ctx.tx.valueDate)) {
    const detail = `every one of them was due by the payment date ${ctx.tx.valueDate}`;
    signals.push({ code: 'combination_due', weight: w.combinationDue, detail });
  }
  return signals;
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
    const detail =
      `payer account ${ctx.tx.counterpartyAccount}` + ` is on file for customer ${customerId}`;
    return [{ code: 'payer_account', weight: w.payerAccount * share, detail }];
  }
  if (mine.how === 'name_exact') {
    const detail =
      `payer name '${who}' is the name of customer` + ` ${customerId} ('${mine.matchedName}')`;
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
    const detail =
      `${v.item.source.id} is in ${v.item.source.currency},` +
      ` converted at the policy rate ${rate}`;
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
    const { fits, exhausted, searched } = searchFits(ctx, views, false, prepared);
    const extra: MatchSignal[] = [];
    const budget: MatchSignal = {
      code: 'search_budget_exhausted',
      weight: 0,
      detail:
        `combinations of up to ${policy.maxCombinationItems} items need more` +
        ` than the ${policy.searchBudget} search steps the policy allows`,
    };
    if (exhausted && fits.length === 0) extra.push(budget);
    if (fits.length === 1 && !exhausted) {
      const detail = searched
        ? `no other open item, or combination of up to` +
          ` ${policy.maxCombinationItems} items, of this customer fits the amount`
        : 'no other open item of this customer fits the amount';
      extra.push({ code: 'amount_unique', weight: w.amountUnique, detail });
    }
    for (const fit of fits) {
      // An incomplete search leaves room for a set nobody named; the items the payer
      // named are identified by the text, whatever else might add up.
      const unnamed = fit.views.some((v) => !ctx.evidence.byItem.has(v.item.index));
      const incomplete = exhausted && unnamed ? [budget] : [];
      drafts.push(
        draftOf(ctx, customerId, fit, [...extra, ...incomplete, ...comboSignals(ctx, fit)]),
      );
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
