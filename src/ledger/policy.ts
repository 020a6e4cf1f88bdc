/**
 * Allocation policies: in which order, and in what shares, a payment or credit note
 * pays a customer's open items when the payer did not say.
 *
 * - `oldest-due` (default): earliest due date first, then earliest issue date.
 * - `oldest-issue`: earliest issue date first, then earliest due date.
 * - `referenced-first`: the items whose id, number or payment reference occurs in the
 *   payment's reference text, then the rest by oldest due date.
 * - `proportional`: every item gets a share in proportion to its open amount, split
 *   in minor units by largest remainder, so the shares add up to the amount applied.
 * - `costs-interest-principal`: costs (fees and fixed compensation) first, then
 *   interest, then principal, each group by oldest due date: the order of
 *   § 367 (1) BGB. The debtor's own choice (§ 366 (1)) is a named-item request.
 *
 * Ties keep ledger order, so the same ledger always gives the same allocation.
 *
 * @module
 */

import { allocateInteger } from '../money/allocate.js';
import { Dec } from '../money/decimal.js';
import type { ItemView } from './items.js';
import { minUnits, subUnits, type Units } from './units.js';

/** How a payment or credit note is spread over open items when no item is named. */
export type AllocationPolicy =
  | 'oldest-due'
  | 'oldest-issue'
  | 'referenced-first'
  | 'proportional'
  | 'costs-interest-principal';

/** Every policy, for validation and documentation. */
export const ALLOCATION_POLICIES: readonly AllocationPolicy[] = [
  'oldest-due',
  'oldest-issue',
  'referenced-first',
  'proportional',
  'costs-interest-principal',
];

/** An open item that may take money, with the least it has open from the date on. */
export interface Candidate {
  readonly item: ItemView;
  readonly open: Units;
  /** Position in the ledger, the last tie-break. */
  readonly order: number;
}

const byDue = (a: Candidate, b: Candidate): number =>
  cmp(a.item.dueDate, b.item.dueDate) ||
  cmp(a.item.issueDate, b.item.issueDate) ||
  a.order - b.order;

const byIssue = (a: Candidate, b: Candidate): number =>
  cmp(a.item.issueDate, b.item.issueDate) ||
  cmp(a.item.dueDate, b.item.dueDate) ||
  a.order - b.order;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank367(c: Candidate): number {
  const kind = c.item.chargeKind;
  if (kind === 'fee' || kind === 'compensation') return 0;
  return kind === 'interest' ? 1 : 2;
}

function mentions(text: string, name: string): boolean {
  let at = text.indexOf(name);
  while (at >= 0) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + name.length] ?? '';
    // "INV-1" must not match inside "INV-10" or "XINV-1".
    if (!/[A-Z0-9]/.test(before) && !/[A-Z0-9]/.test(after)) return true;
    at = text.indexOf(name, at + 1);
  }
  return false;
}

/**
 * True when the reference text names the item: its id, invoice id or number as a
 * whole word, or its structured payment reference (compared without spaces).
 */
export function isReferenced(item: ItemView, reference: string): boolean {
  const text = reference.toUpperCase();
  for (const name of [item.id, item.number, item.invoiceId]) {
    if (name !== undefined && name !== '' && mentions(text, name.toUpperCase())) return true;
  }
  const ref = item.paymentReference?.toUpperCase().replace(/\s+/g, '');
  return ref !== undefined && ref !== '' && text.replace(/\s+/g, '').includes(ref);
}

/** The candidates in the order the policy pays them. */
export function orderCandidates(
  candidates: readonly Candidate[],
  policy: AllocationPolicy,
  reference: string,
): Candidate[] {
  const list = [...candidates];
  switch (policy) {
    case 'oldest-issue':
      return list.sort(byIssue);
    case 'referenced-first': {
      const named = (c: Candidate) => (reference !== '' && isReferenced(c.item, reference) ? 0 : 1);
      return list.sort((a, b) => named(a) - named(b) || byDue(a, b));
    }
    case 'costs-interest-principal':
      return list.sort((a, b) => rank367(a) - rank367(b) || byDue(a, b));
    default:
      return list.sort(byDue);
  }
}

/**
 * How much of `total` each candidate takes under the policy: in order, each as much
 * as it has open; or, for `proportional`, shares of the open amounts by largest
 * remainder. No share exceeds what its item has open; the shares add up to the lesser
 * of `total` and everything open.
 */
export function planShares(
  candidates: readonly Candidate[],
  policy: AllocationPolicy,
  reference: string,
  total: Units,
): { readonly candidate: Candidate; readonly amount: Units }[] {
  const ordered = orderCandidates(candidates, policy, reference);
  const openSum = ordered.reduce<Dec>((s, c) => s.plus(c.open.toString()), new Dec(0));
  if (policy === 'proportional' && openSum.greaterThan(total.toString()) && ordered.length > 0) {
    // total < sum of open, so each exact share is below its item's open amount and the
    // largest-remainder unit added on top never lifts it past it.
    const ratios = ordered.map((c) => new Dec(c.open.toString()));
    const shares = allocateInteger(new Dec(total.toString()), ratios);
    return ordered.map((candidate, i) => ({ candidate, amount: toUnits(shares[i]!) }));
  }
  const out: { candidate: Candidate; amount: Units }[] = [];
  let rest = total;
  for (const candidate of ordered) {
    if (!(rest > 0)) break;
    const amount = minUnits(rest, candidate.open);
    out.push({ candidate, amount });
    rest = subUnits(rest, amount);
  }
  return out;
}

function toUnits(d: Dec): Units {
  const s = d.toFixed(0);
  return s.length <= 15 ? Number(s) : BigInt(s);
}
