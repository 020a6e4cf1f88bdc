/**
 * VAT category rules of EN 16931-1: which rate each category allows (BR-x-05/06/07
 * for lines, document allowances and document charges), which categories need an
 * exemption reason (BR-x-10) and which must not have one, and which categories must
 * not share an invoice (BR-O-11, BR-B-02). Seller and buyer identifier rules (BR-x-01
 * to 04) are not checked here: the calculation does not see the parties.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import { type Fixed, normalizePercent } from './fixed.js';
import type { ExemptionReason, VatCategory } from './types.js';

type RateRule = 'positive' | 'zero' | 'non-negative';
type ReasonRule = 'required' | 'forbidden' | 'optional';

interface CategoryRule {
  /** Prefix of the category's rule ids in EN 16931 (K is "intra-community", BR-IC). */
  readonly prefix: string;
  readonly rate: RateRule;
  readonly reason: ReasonRule;
}

const RULES: Readonly<Record<VatCategory, CategoryRule>> = {
  S: { prefix: 'BR-S', rate: 'positive', reason: 'forbidden' },
  Z: { prefix: 'BR-Z', rate: 'zero', reason: 'forbidden' },
  E: { prefix: 'BR-E', rate: 'zero', reason: 'required' },
  AE: { prefix: 'BR-AE', rate: 'zero', reason: 'required' },
  K: { prefix: 'BR-IC', rate: 'zero', reason: 'required' },
  G: { prefix: 'BR-G', rate: 'zero', reason: 'required' },
  O: { prefix: 'BR-O', rate: 'zero', reason: 'required' },
  L: { prefix: 'BR-AF', rate: 'non-negative', reason: 'forbidden' },
  M: { prefix: 'BR-AG', rate: 'non-negative', reason: 'forbidden' },
  B: { prefix: 'BR-B', rate: 'non-negative', reason: 'optional' },
};

/** Where a rate was given: an invoice line, a document allowance or a document charge. */
export type RateSite = 'line' | 'allowance' | 'charge';

const SITE_RULE: Readonly<Record<RateSite, string>> = {
  line: '05',
  allowance: '06',
  charge: '07',
};

/**
 * True for categories whose tax is always zero (Z, E, AE, K, G, O).
 *
 * @example
 * isZeroTaxCategory('AE')
 * //=> true
 */
export function isZeroTaxCategory(category: VatCategory): boolean {
  return RULES[category].rate === 'zero';
}

/**
 * Every VAT rate must be below this many percent. EN 16931 sets no maximum, but no
 * VAT, GST or IGIC/IPSI rate anywhere reaches it (the highest standard rates are
 * around 27 %), so a rate of 100 or more is a typo, such as 1000 for 10.00.
 *
 * @example
 * RATE_LIMIT_PERCENT
 * //=> 100
 */
export const RATE_LIMIT_PERCENT = 100;

/**
 * True when the category allows a rate of this sign (-1, 0 or 1): S needs a positive
 * rate, Z E AE K G O a zero rate, L M B any rate that is not negative.
 *
 * @example
 * [isRateAllowed('S', 1), isRateAllowed('Z', 1), isRateAllowed('L', 0)]
 * //=> [true, false, true]
 */
export function isRateAllowed(category: VatCategory, rateSign: number): boolean {
  const rule = RULES[category].rate;
  return rule === 'positive' ? rateSign > 0 : rule === 'zero' ? rateSign === 0 : rateSign >= 0;
}

/**
 * Checks a rate against its category and {@link RATE_LIMIT_PERCENT}. An absent rate
 * counts as 0, which only the zero-tax categories accept; a negative rate or one of
 * 100 % or more names the rate term BT-152 as its rule.
 *
 * @example
 * checkRate('S', { units: 0n, scale: 0 }, 'line', []).isErr()
 * //=> true
 */
export function checkRate(
  category: VatCategory,
  rate: Fixed,
  site: RateSite,
  path: ErrorPath,
): Result<true, ErrorOf<'invalid_tax_rate'>> {
  const rule = RULES[category];
  const sign = rate.units > 0n ? 1 : rate.units < 0n ? -1 : 0;
  const limit = BigInt(RATE_LIMIT_PERCENT) * 10n ** BigInt(rate.scale);
  if (isRateAllowed(category, sign) && rate.units < limit) return ok(true);
  const ratePercent = normalizePercent(rate);
  const id = sign < 0 || rate.units >= limit ? 'BT-152' : `${rule.prefix}-${SITE_RULE[site]}`;
  return err(receivablesError('invalid_tax_rate', { category, ratePercent, rule: id }, path));
}

/**
 * Checks the exemption reasons against the categories the invoice uses: E, AE, K,
 * G and O need one (BR-x-10); S, Z, L and M must not have one.
 */
export function checkExemptionReasons(
  used: ReadonlySet<VatCategory>,
  reasons: Readonly<Partial<Record<VatCategory, ExemptionReason>>>,
): Result<true, ErrorOf<'missing_exemption_reason' | 'unexpected_exemption_reason'>> {
  for (const category of used) {
    const rule = RULES[category];
    const path = ['exemptionReasons', category];
    if (rule.reason === 'required' && reasons[category] === undefined) {
      const id = `${rule.prefix}-10`;
      return err(receivablesError('missing_exemption_reason', { category, rule: id }, path));
    }
  }
  for (const category of Object.keys(reasons) as VatCategory[]) {
    const rule = RULES[category];
    if (rule.reason === 'forbidden' && reasons[category] !== undefined) {
      const id = `${rule.prefix}-10`;
      const path = ['exemptionReasons', category];
      return err(receivablesError('unexpected_exemption_reason', { category, rule: id }, path));
    }
  }
  return ok(true);
}

/** Categories that must not share an invoice with others: O with any (BR-O-11), B with S. */
export function checkCategoryMix(
  used: ReadonlySet<VatCategory>,
): Result<true, ErrorOf<'vat_category_conflict'>> {
  if (used.has('O') && used.size > 1) {
    const other = [...used].find((c) => c !== 'O') ?? '';
    return err(
      receivablesError('vat_category_conflict', { category: 'O', other, rule: 'BR-O-11' }),
    );
  }
  if (used.has('B') && used.has('S')) {
    return err(
      receivablesError('vat_category_conflict', { category: 'B', other: 'S', rule: 'BR-B-02' }),
    );
  }
  return ok(true);
}
