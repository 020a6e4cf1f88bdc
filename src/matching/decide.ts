/**
 * From scored candidates to decisions. Within one transaction: rank the
 * candidates and apply automatically only when the best is allowed to be
 * automatic, reaches the policy threshold and leads the runner-up by the policy
 * margin. Across transactions: when automatic matches claim more of an item than is
 * open, the stronger claim wins (higher score, then earlier value date, then id)
 * and the weaker is demoted to a suggestion, whatever the input order.
 *
 * @module
 */
import type { Draft } from './candidates.js';
import { FIT_RANK } from './fit.js';
import type { MatchingPolicy } from './policy.js';
import type { MatchCandidate, MatchDecision, MatchSignal } from './types.js';
import { toUnits } from './units.js';

/**
 * Confidence shown to people: the score clamped to 0..1, three decimals.
 *
 * @example
 * confidenceOf(1.3)
 * //=> 1
 */
export function confidenceOf(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

function rankOf(d: Draft): number {
  return d.fit ? FIT_RANK[d.fit.kind] : 9;
}

function oldestDue(d: Draft): string {
  return d.fit?.views[0]?.item.source.dueDate ?? '9999-12-31';
}

const allDue = (d: Draft) => (d.signals.some((s) => s.code === 'combination_due') ? 0 : 1);

/**
 * Best first: score, then fit, then fewer items, then combinations of items all due
 * by the payment date, then oldest item, then allocation identity.
 *
 * @example
 * rankDrafts([weak, strong])[0] === strong
 * //=> true
 */
export function rankDrafts(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort(
    (a, b) =>
      b.score - a.score ||
      rankOf(a) - rankOf(b) ||
      (a.fit?.views.length ?? 0) - (b.fit?.views.length ?? 0) ||
      allDue(a) - allDue(b) ||
      (oldestDue(a) < oldestDue(b) ? -1 : oldestDue(a) > oldestDue(b) ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/**
 * A ranked draft as the public candidate.
 *
 * @example
 * toCandidate(draft).confidence
 * //=> 0.85
 */
export function toCandidate(d: Draft): MatchCandidate {
  return {
    customerId: d.customerId,
    allocations: d.allocations,
    confidence: confidenceOf(d.score),
    signals: d.signals.map((s) => ({ ...s, weight: Math.round(s.weight * 1000) / 1000 })),
    autoAllowed: d.autoAllowed,
  };
}

/**
 * The status and reason of a transaction's ranked candidates.
 *
 * @example
 * judge([], DEFAULT_MATCHING_POLICY).status
 * //=> 'unmatched'
 */
export function judge(
  ranked: readonly Draft[],
  policy: MatchingPolicy,
): { status: 'auto' | 'suggest' | 'unmatched'; reason: string } {
  const best = ranked[0];
  if (best === undefined) {
    return { status: 'unmatched', reason: 'no open item, reference or known payer matches' };
  }
  // Rounded like the scores, so that 0.85 - 0.7 counts as the 0.15 it is.
  const lead =
    ranked[1] === undefined
      ? Number.POSITIVE_INFINITY
      : Math.round((best.score - ranked[1].score) * 1e6) / 1e6;
  const shown = confidenceOf(best.score).toFixed(2);
  if (best.score < policy.suggestThreshold) {
    return { status: 'unmatched', reason: `best candidate too weak (confidence ${shown})` };
  }
  if (!best.fit) {
    return { status: 'suggest', reason: 'payer known, but no open item fits the amount' };
  }
  if (!best.autoAllowed) {
    return { status: 'suggest', reason: 'evidence rules out automatic application' };
  }
  if (lead < policy.margin) {
    const reason = `the runner-up is within the margin ${policy.margin} of the best candidate`;
    return { status: 'suggest', reason };
  }
  if (best.score < policy.autoThreshold) {
    const reason = `confidence ${shown} is below the automatic threshold ${policy.autoThreshold}`;
    return { status: 'suggest', reason };
  }
  return { status: 'auto', reason: `applied automatically (confidence ${shown})` };
}

/**
 * Settles items claimed by several automatic decisions: strongest claim first;
 * a decision whose claim no longer fits what is left open becomes a suggestion.
 *
 * @example
 * resolveClaims([strong, weak], [1, 0.85], openOf, policy).map((d) => d.status)
 * //=> ['auto', 'suggest']
 */
export function resolveClaims(
  input: readonly MatchDecision[],
  scores: readonly number[],
  openOf: (itemId: string) => string | undefined,
  policy: MatchingPolicy,
): MatchDecision[] {
  const decisions = [...input];
  const order = decisions
    .map((_, i) => i)
    .filter((i) => decisions[i]!.status === 'auto')
    .sort((a, b) => {
      const da = decisions[a]!.transaction;
      const db = decisions[b]!.transaction;
      return (
        scores[b]! - scores[a]! ||
        (da.valueDate < db.valueDate ? -1 : da.valueDate > db.valueDate ? 1 : 0) ||
        (da.id < db.id ? -1 : da.id > db.id ? 1 : 0)
      );
    });
  const claimed = new Map<string, { units: bigint; by: string }>();
  for (const i of order) {
    const d = decisions[i]!;
    const conflict = d.allocations.find((a) => {
      if (a.kind === 'unapplied' || a.itemId === undefined) return false;
      return claimed.has(a.itemId) && openLeft(d, a.itemId, claimed, openOf) < 0n;
    });
    if (conflict === undefined) {
      for (const a of d.allocations) {
        if (a.itemId === undefined) continue;
        const units = toUnits(a.amount, 8)!;
        const old = claimed.get(a.itemId);
        claimed.set(a.itemId, {
          units: (old?.units ?? 0n) + units,
          by: old?.by ?? d.transactionId,
        });
      }
      continue;
    }
    const by = claimed.get(conflict.itemId!)!.by;
    const detail =
      `${conflict.itemId} is also claimed by` + ` transaction ${by}, whose evidence is stronger`;
    const weight = policy.weights.claimedByOther;
    const signal: MatchSignal = { code: 'claimed_by_other', weight, detail };
    decisions[i] = {
      ...d,
      confidence: confidenceOf(scores[i]! + weight),
      status: 'suggest',
      reason: `another payment claims the same item (${by})`,
      signals: [...d.signals, signal],
    };
  }
  return decisions;
}

function openLeft(
  d: MatchDecision,
  itemId: string,
  claimed: Map<string, { units: bigint; by: string }>,
  openOf: (itemId: string) => string | undefined,
): bigint {
  const cap = openOf(itemId);
  const mine = d.allocations
    .filter((a) => a.itemId === itemId)
    .reduce((s, a) => s + toUnits(a.amount, 8)!, 0n);
  const open = cap === undefined ? 0n : toUnits(cap, 8)!;
  return open - claimed.get(itemId)!.units - mine;
}
