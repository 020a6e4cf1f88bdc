/**
 * Reads the figures of one invoice into exact minor units: amounts that must sit on
 * the currency's minor unit (BR-DEC-*), percentages of a base rounded once with the
 * invoice's rounding mode, and VAT rates checked against their category, each
 * (category, rate) text once.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { RoundingMode } from '../money/decimal.js';
import { checkRate, type RateSite } from './categories.js';
import {
  divideRounded,
  type Fixed,
  fitsScale,
  normalizePercent,
  parseFixed,
  pow10,
  unitsAt,
} from './fixed.js';
import type { LineAllowanceChargeInput, VatCategory } from './types.js';

type R<T> = Result<T, ReceivablesError>;

/** The reader of one invoice's amounts, in one currency and rounding mode. */
export class Reader {
  constructor(
    readonly minorUnits: number,
    readonly mode: RoundingMode,
  ) {}

  /** An amount that must already be on a minor unit (BR-DEC-*). */
  amount(text: string, path: ErrorPath): R<bigint> {
    const value = parseFixed(text);
    if (fitsScale(value, this.minorUnits)) return ok(unitsAt(value, this.minorUnits));
    const reason = `more than ${this.minorUnits} decimal places (the currency's minor units)`;
    return err(receivablesError('invalid_amount', { input: text, reason }, path));
  }

  /** `base x percent / 100`, rounded to the minor unit. */
  percentOf(base: bigint, percent: Fixed): bigint {
    return divideRounded(base * percent.units, 100n * pow10(percent.scale), this.mode);
  }

  /** The amount of an allowance or charge: its own amount, else percent of a base. */
  allowance(a: LineAllowanceChargeInput, fallbackBase: bigint, path: ErrorPath): R<bigint> {
    if (a.amount !== undefined) return this.amount(a.amount, [...path, 'amount']);
    const percent = parseFixed(a.percent ?? '0');
    if (a.baseAmount === undefined) return ok(this.percentOf(fallbackBase, percent));
    return this.amount(a.baseAmount, [...path, 'baseAmount']).map((b) =>
      this.percentOf(b, percent),
    );
  }

  /** Rates repeat across lines; each (category, rate) text is read and checked once. */
  private readonly rates = new Map<string, { rate: Fixed; rateKey: string }>();

  rate(
    category: VatCategory,
    text: string | undefined,
    site: RateSite,
    path: () => ErrorPath,
  ): R<{ rate: Fixed; rateKey: string }> {
    const key = `${site}/${category}/${text ?? ''}`;
    const cached = this.rates.get(key);
    if (cached) return ok(cached);
    const rate = parseFixed(text ?? '0');
    const checked = checkRate(category, rate, site, [...path(), 'vatRatePercent']);
    if (checked.isErr()) return err(checked.error);
    const entry = { rate, rateKey: normalizePercent(rate) };
    this.rates.set(key, entry);
    return ok(entry);
  }
}
