/**
 * The item arithmetic of the invoice fast path: line amounts (Peppol BIS 3: quantity x
 * net price / price base quantity, rounded to the minor unit, plus line charges, minus
 * line allowances), allowance and charge amounts, and the VAT group of each item, all
 * in safe-integer numbers (`safe.ts`). It follows `prepare.ts` step by step; where that
 * returns an error, or a figure leaves the safe-integer range, this returns NaN (or no
 * group), and the invoice is left to the exact `bigint` path, which reports the error.
 *
 * @module
 */
import type { RoundingMode } from '../money/decimal.js';
import { isRateAllowed, isZeroTaxCategory, RATE_LIMIT_PERCENT } from './categories.js';
import { DecimalScan, divideRoundedNumber, exact, formatMinor, powerOfTen } from './safe.js';
import { VAT_CATEGORIES } from './schema.js';
import type { InvoiceLineInput, LineAllowanceChargeInput, VatCategory } from './types.js';

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(VAT_CATEGORIES);

/** Rates are compared at this many decimals; a rate with more takes the exact path. */
const RATE_DECIMALS = 6;

/** One VAT group (category and rate) of the fast path, with its running sums. */
export interface FastGroup {
  readonly category: VatCategory;
  /** The rate x 10^6: equal rates, however written (`19`, `19.00`), are equal here. */
  readonly rateMicro: number;
  /** The rate as `rateUnits / hundred x 100`, with trailing zeros dropped. */
  readonly rateUnits: number;
  /** `100 x 10^scale` of the rate: the divisor of the tax. */
  readonly hundred: number;
  /** The rate as its shortest decimal string, as the results show it. */
  readonly rateKey: string;
  /** True for the zero-tax categories and a zero rate: no tax at all. */
  readonly zero: boolean;
  /** Sum of the group's line amounts: the base of a document percentage. */
  lineBase: number;
  /** Lines + charges - allowances of the group (BT-116). */
  taxable: number;
  /** Tax of the group, summed per item under the `line` policy (BT-117). */
  tax: number;
}

/** Reads items of one invoice in one currency and rounding mode into minor units. */
export class FastItems {
  readonly groups: FastGroup[] = [];
  private readonly scan = new DecimalScan();

  constructor(
    readonly minorUnits: number,
    readonly mode: RoundingMode,
  ) {}

  /** An amount that must already be on a minor unit; NaN when it is not (BR-DEC-*). */
  amount(text: string): number {
    return this.scan.read(text) ? this.scan.at(this.minorUnits) : NaN;
  }

  /** `base x percent / 100` rounded to the minor unit, `percent` being `units / 10^scale`. */
  percentOf(base: number, units: number, scale: number): number {
    return divideRoundedNumber(exact(base * units), exact(100 * powerOfTen(scale)), this.mode);
  }

  /** An allowance or charge: its own amount, else a percentage of its base or `fallback`. */
  allowance(a: LineAllowanceChargeInput, fallback: number): number {
    if (a.amount !== undefined) return this.amount(a.amount);
    if (!this.scan.read(a.percent ?? '0')) return NaN;
    const { units, scale } = this.scan;
    const base = a.baseAmount === undefined ? fallback : this.amount(a.baseAmount);
    return this.percentOf(base, units, scale);
  }

  /** The group of a category and rate, made on first use; undefined when the rate is refused. */
  group(category: VatCategory, rateText: string | undefined): FastGroup | undefined {
    if (!KNOWN_CATEGORIES.has(category) || !this.scan.read(rateText ?? '0')) return undefined;
    let { units, scale } = this.scan;
    while (scale > 0 && units % 10 === 0) {
      units /= 10;
      scale -= 1;
    }
    if (scale > RATE_DECIMALS) return undefined;
    const rateMicro = exact(units * powerOfTen(RATE_DECIMALS - scale));
    if (Number.isNaN(rateMicro)) return undefined;
    for (const g of this.groups) {
      if (g.category === category && g.rateMicro === rateMicro) return g;
    }
    // A rate is checked once per group: the rule depends on the category and the rate only.
    if (!isRateAllowed(category, Math.sign(units))) return undefined;
    if (rateMicro >= RATE_LIMIT_PERCENT * powerOfTen(RATE_DECIMALS)) return undefined;
    const group: FastGroup = {
      category,
      rateMicro,
      rateUnits: units,
      hundred: 100 * powerOfTen(scale),
      rateKey: formatMinor(units, scale),
      zero: isZeroTaxCategory(category) || units === 0,
      lineBase: 0,
      taxable: 0,
      tax: 0,
    };
    this.groups.push(group);
    return group;
  }

  /** Tax of one signed amount at the group's rate, rounded on its own (`line` policy). */
  taxOf(group: FastGroup, amount: number): number {
    if (group.zero) return 0;
    return divideRoundedNumber(exact(amount * group.rateUnits), group.hundred, this.mode);
  }

  /** A line's amount: its agreed net amount, or price amount + charges - allowances. */
  lineAmount(line: InvoiceLineInput): number {
    if (line.netAmount !== undefined) return this.amount(line.netAmount);
    const base = this.priceAmount(line);
    let amount = base;
    for (const c of line.charges ?? []) amount = exact(amount + this.allowance(c, base));
    for (const a of line.allowances ?? []) amount = exact(amount - this.allowance(a, base));
    return amount;
  }

  /** quantity x net price / price base quantity, rounded to the minor unit. */
  private priceAmount(line: InvoiceLineInput): number {
    const scan = this.scan;
    if (!scan.read(line.quantity ?? '0')) return NaN;
    const quantity = scan.units;
    const quantityScale = scan.scale;

    let price: number;
    let priceScale: number;
    if (line.unitNetPrice !== undefined) {
      if (!scan.read(line.unitNetPrice)) return NaN;
      price = scan.units;
      priceScale = scan.scale;
    } else {
      if (!scan.read(line.unitGrossPrice ?? '0') || scan.units < 0) return NaN;
      const gross = scan.units;
      const grossScale = scan.scale;
      if (!scan.read(line.priceDiscount ?? '0')) return NaN;
      priceScale = Math.max(grossScale, scan.scale);
      price = exact(
        exact(gross * powerOfTen(priceScale - grossScale)) -
          exact(scan.units * powerOfTen(priceScale - scan.scale)),
      );
    }
    // A negative price (BR-27) and a price base quantity of zero or less are errors.
    if (!(price >= 0)) return NaN;
    let base = 1;
    let baseScale = 0;
    if (line.priceBaseQuantity !== undefined) {
      if (!scan.read(line.priceBaseQuantity) || scan.units <= 0) return NaN;
      base = scan.units;
      baseScale = scan.scale;
    }

    const shift = this.minorUnits + baseScale - quantityScale - priceScale;
    let numerator = exact(quantity * price);
    if (shift >= 0) numerator = exact(numerator * powerOfTen(shift));
    else base = exact(base * powerOfTen(-shift));
    return divideRoundedNumber(numerator, base, this.mode);
  }
}
