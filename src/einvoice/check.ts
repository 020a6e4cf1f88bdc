/**
 * Checks the figures an e-invoice states against the EN 16931 calculation rules, the
 * way the CEN validation artefacts do: each rule compares one stated figure with what
 * the rule computes from the document's own items (BR-CO-10..16), the VAT breakdown
 * with the sums of its lines, allowances and charges (BR-x-08) and with its rate
 * (BR-CO-17, BR-x-09). Rules on parties, dates, codes and decimals are not checked.
 *
 * @module
 */

import { isZeroTaxCategory } from '../invoice/categories.js';
import { isPlainDecimal } from '../invoice/guard.js';
import type { InvoiceCalculation, VatCategory } from '../invoice/types.js';
import { Dec } from '../money/decimal.js';
import type { StatedTotals } from './types.js';

/** One EN 16931 rule that a stated figure breaks. */
export interface RuleFinding {
  /** Rule id, e.g. `BR-CO-15` or `BR-S-08`. */
  readonly rule: string;
  /** Business term of the stated figure, e.g. `BT-112`. */
  readonly term: string;
  /** What the rule computes. */
  readonly expected: string;
  /** What the document states (`absent` when it states nothing). */
  readonly stated: string;
  readonly vatCategory?: string;
  readonly vatRatePercent?: string;
  /**
   * True when the CEN validator accepts the difference anyway: BR-CO-17 and the
   * BR-x-08/09 rules of taxed categories allow a difference below 1 (see conformance.md).
   */
  readonly tolerated: boolean;
}

const RULE_PREFIX: Readonly<Record<string, string>> = {
  S: 'BR-S',
  Z: 'BR-Z',
  E: 'BR-E',
  AE: 'BR-AE',
  K: 'BR-IC',
  G: 'BR-G',
  O: 'BR-O',
  L: 'BR-AF',
  M: 'BR-AG',
  B: 'BR-B',
};

/**
 * A stated figure as a number. `readEInvoice` refuses a figure that is not a decimal
 * number; in stated totals built by hand, such a figure counts as absent here, and
 * the rule that checks it reports it as stated.
 */
const d = (value: string | undefined) => new Dec(isPlainDecimal(value) ? value! : '0');
const usable = (value: string | undefined) => (isPlainDecimal(value) ? value : undefined);

/**
 * Lists every EN 16931 calculation rule the stated figures break, with the value
 * the rule expects. `calculation` is the document computed from its own lines at
 * their stated net amounts (as `readEInvoice` returns them). Never throws: a stated
 * figure that is not a decimal number is reported by its rule and counts as absent
 * in the rules that build on it.
 *
 * @param calculation - `calculateInvoice(einvoice.input)`
 * @param stated - `einvoice.stated`
 *
 * @example
 * checkStatedTotals(calculation, { ...stated, taxInclusiveAmount: '100.00' }).map((f) => f.rule)
 * //=> ['BR-CO-15']
 */
export function checkStatedTotals(
  calculation: InvoiceCalculation,
  stated: StatedTotals,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const digits = Math.max(
    2,
    ...calculation.vatBreakdown.map((g) => g.taxAmount.split('.')[1]?.length ?? 0),
  );
  const fmt = (value: Dec) => value.toFixed(digits);
  const compare = (
    rule: string,
    term: string,
    expected: Dec,
    value: string | undefined,
    extra: Partial<RuleFinding> = {},
  ) => {
    const number = usable(value);
    if (value === undefined ? expected.isZero() : number !== undefined && expected.equals(number)) {
      return;
    }
    const tolerated = extra.tolerated ?? false;
    findings.push({
      rule,
      term,
      expected: fmt(expected),
      stated: value ?? 'absent',
      ...extra,
      tolerated,
    });
  };
  const t = calculation.totals;

  compare('BR-CO-10', 'BT-106', d(t.lineExtensionAmount), stated.lineExtensionAmount);
  compare('BR-CO-11', 'BT-107', d(t.allowanceTotalAmount), stated.allowanceTotalAmount);
  compare('BR-CO-12', 'BT-108', d(t.chargeTotalAmount), stated.chargeTotalAmount);
  const exclusive = d(t.lineExtensionAmount)
    .minus(d(usable(stated.allowanceTotalAmount) ?? t.allowanceTotalAmount))
    .plus(d(usable(stated.chargeTotalAmount) ?? t.chargeTotalAmount));
  compare('BR-CO-13', 'BT-109', exclusive, stated.taxExclusiveAmount);
  const breakdownTax = stated.vatBreakdown.reduce((s, b) => s.plus(d(b.taxAmount)), new Dec(0));
  compare('BR-CO-14', 'BT-110', breakdownTax, stated.taxAmount);
  const inclusive = d(stated.taxExclusiveAmount).plus(d(stated.taxAmount));
  compare('BR-CO-15', 'BT-112', inclusive, stated.taxInclusiveAmount);
  const due = d(stated.taxInclusiveAmount)
    .minus(d(stated.prepaidAmount))
    .plus(d(stated.payableRoundingAmount));
  compare('BR-CO-16', 'BT-115', due, stated.amountDue);

  const sameGroup =
    (category: string, rate: string | undefined) =>
    (g: { vatCategory: string; vatRatePercent?: string }) =>
      g.vatCategory === category && d(g.vatRatePercent).equals(d(rate));
  for (const group of calculation.vatBreakdown) {
    const s = stated.vatBreakdown.find(sameGroup(group.vatCategory, group.vatRatePercent));
    const where = { vatCategory: group.vatCategory, vatRatePercent: group.vatRatePercent };
    const prefix = RULE_PREFIX[group.vatCategory] ?? 'BR';
    if (!s) {
      findings.push({
        rule: `${prefix}-08`,
        term: 'BT-116',
        expected: group.taxableAmount,
        stated: 'absent',
        ...where,
        tolerated: false,
      });
      continue;
    }
    const taxed = !isZeroTaxCategory(group.vatCategory as VatCategory);
    const taxable = d(group.taxableAmount);
    const closeTaxable = taxable.minus(d(s.taxableAmount)).abs().lessThan(1);
    compare(`${prefix}-08`, 'BT-116', taxable, s.taxableAmount, {
      ...where,
      tolerated: taxed && closeTaxable,
    });
    if (taxed) {
      const exact = d(s.taxableAmount).times(d(group.vatRatePercent)).dividedBy(100);
      const expected = exact.toDecimalPlaces(digits, Dec.ROUND_HALF_UP);
      const close = expected.minus(d(s.taxAmount)).abs().lessThan(1);
      compare('BR-CO-17', 'BT-117', expected, s.taxAmount, { ...where, tolerated: close });
    } else {
      compare(`${prefix}-09`, 'BT-117', new Dec(0), s.taxAmount, where);
    }
  }
  for (const s of stated.vatBreakdown) {
    if (calculation.vatBreakdown.some(sameGroup(s.vatCategory, s.vatRatePercent))) continue;
    const prefix = RULE_PREFIX[s.vatCategory] ?? 'BR';
    const where = {
      vatCategory: s.vatCategory,
      ...(s.vatRatePercent ? { vatRatePercent: s.vatRatePercent } : {}),
    };
    compare(`${prefix}-08`, 'BT-116', new Dec(0), s.taxableAmount, where);
  }
  return findings;
}
