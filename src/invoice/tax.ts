/**
 * The VAT step of EN 16931: items grouped per (category, rate), taxable amount per
 * group (BR-S-08 and the other categories' BR-x-08), and tax per group rounded once
 * (BR-CO-17), or per item under the `line` policy. With tax-inclusive prices the
 * gross of each group is fixed and the tax is taken out of it, so net + tax always
 * adds up to the gross the customer was shown.
 *
 * @module
 */

import type { RoundingMode } from '../money/decimal.js';
import { isZeroTaxCategory } from './categories.js';
import { divideRounded, type Fixed, pow10 } from './fixed.js';
import type { PreparedInvoice, PreparedItem } from './prepare.js';
import type { VatCategory } from './types.js';

/** Which list an item came from; allowances count negatively in their group. */
export type ItemKind = 'line' | 'allowance' | 'charge';

/** Net and tax of one item after the tax step, in minor units (unsigned as input). */
export interface ItemTax {
  readonly net: bigint;
  readonly tax: bigint;
}

/** One VAT group after the tax step, in minor units. */
export interface GroupTax {
  readonly category: VatCategory;
  readonly rate: Fixed;
  readonly rateKey: string;
  readonly taxable: bigint;
  readonly tax: bigint;
}

interface Member {
  readonly kind: ItemKind;
  readonly index: number;
  /** Signed contribution: allowances negative. */
  readonly value: bigint;
}

interface Group {
  readonly category: VatCategory;
  readonly rate: Fixed;
  readonly rateKey: string;
  readonly members: Member[];
}

function groupItems(invoice: PreparedInvoice): Group[] {
  const groups = new Map<string, Group>();
  const add = (item: PreparedItem, kind: ItemKind, index: number, sign: bigint) => {
    const key = `${item.category}/${item.rateKey}`;
    let group = groups.get(key);
    if (!group) {
      group = { category: item.category, rate: item.rate, rateKey: item.rateKey, members: [] };
      groups.set(key, group);
    }
    group.members.push({ kind, index, value: sign * item.amount });
  };
  for (const [i, l] of invoice.lines.entries()) add(l, 'line', i, 1n);
  for (const [i, a] of invoice.allowances.entries()) add(a, 'allowance', i, -1n);
  for (const [i, c] of invoice.charges.entries()) add(c, 'charge', i, 1n);
  return [...groups.values()];
}

/**
 * Spreads `target` over the members' exact shares `value x H / D` so that the
 * rounded shares add up to `target`: each share is rounded, then the few units
 * left over go one each to the largest remainders (ties to the earlier member).
 */
function spreadNet(
  members: readonly Member[],
  h: bigint,
  d: bigint,
  target: bigint,
  mode: RoundingMode,
): bigint[] {
  const shares = members.map((m) => divideRounded(m.value * h, d, mode));
  let left = target - shares.reduce((s, x) => s + x, 0n);
  if (left === 0n) return shares;
  // Units short go to the largest remainders, units over come off the smallest; ties
  // to the earlier member either way, so a negated document spreads as the mirror.
  const step = left > 0n ? 1n : -1n;
  const order = members
    .map((m, i) => ({ i, rest: step * (m.value * h - shares[i]! * d) }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (let k = 0; left !== 0n; k = (k + 1) % order.length) {
    shares[order[k]!.i]! += step;
    left -= step;
  }
  return shares;
}

function taxGroup(group: Group, invoice: PreparedInvoice, out: Map<ItemKind, ItemTax[]>): GroupTax {
  const { units: r, scale } = group.rate;
  const hundred = 100n * pow10(scale);
  const zero = isZeroTaxCategory(group.category) || r === 0n;
  const set = (m: Member, net: bigint, tax: bigint) => {
    const sign = m.kind === 'allowance' ? -1n : 1n;
    out.get(m.kind)![m.index] = { net: sign * net, tax: sign * tax };
  };
  let taxable = 0n;
  let tax = 0n;

  if (invoice.policy === 'line' || zero) {
    for (const m of group.members) {
      const t = zero
        ? 0n
        : invoice.inclusive
          ? divideRounded(m.value * r, hundred + r, invoice.mode)
          : divideRounded(m.value * r, hundred, invoice.mode);
      const net = invoice.inclusive ? m.value - t : m.value;
      set(m, net, t);
      taxable += net;
      tax += t;
    }
  } else if (!invoice.inclusive) {
    for (const m of group.members) {
      set(m, m.value, 0n);
      taxable += m.value;
    }
    tax = divideRounded(taxable * r, hundred, invoice.mode);
  } else {
    const gross = group.members.reduce((s, m) => s + m.value, 0n);
    tax = divideRounded(gross * r, hundred + r, invoice.mode);
    taxable = gross - tax;
    const nets = spreadNet(group.members, hundred, hundred + r, taxable, invoice.mode);
    for (const [i, m] of group.members.entries()) set(m, nets[i]!, m.value - nets[i]!);
  }
  return { category: group.category, rate: group.rate, rateKey: group.rateKey, taxable, tax };
}

/** Result of {@link computeTax}: per item net and tax, and one entry per VAT group. */
export interface TaxResult {
  readonly items: ReadonlyMap<ItemKind, readonly ItemTax[]>;
  readonly groups: readonly GroupTax[];
}

/** Groups the items, computes each group's taxable amount and tax, and each item's net. */
export function computeTax(invoice: PreparedInvoice): TaxResult {
  const items = new Map<ItemKind, ItemTax[]>([
    ['line', new Array<ItemTax>(invoice.lines.length)],
    ['allowance', new Array<ItemTax>(invoice.allowances.length)],
    ['charge', new Array<ItemTax>(invoice.charges.length)],
  ]);
  const groups = groupItems(invoice).map((g) => taxGroup(g, invoice, items));
  return { items, groups };
}
