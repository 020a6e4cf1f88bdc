/**
 * From a schema-checked {@link InvoiceInput} to exact integer minor units: each line
 * amount per the Peppol BIS 3 line calculation (quantity x net price / price base
 * quantity, rounded to the minor unit, plus line charges, minus line allowances),
 * each allowance and charge, and the rules that need the currency or the category.
 *
 * @module
 */
import { err, ok, Result } from 'neverthrow';
import { type ErrorPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import { type CurrencyRegistry, currencyOf } from '../money/currency.js';
import type { RoundingMode } from '../money/decimal.js';
import { divideRounded, type Fixed, parseFixed, pow10, unitsAt } from './fixed.js';
import { Reader } from './reader.js';
import type {
  DocumentAllowanceChargeInput,
  InvoiceInput,
  InvoiceLineInput,
  LineAllowanceChargeInput,
  TaxRoundingPolicy,
  VatCategory,
} from './types.js';

/** A line, allowance or charge reduced to its VAT group and amount in minor units. */
export interface PreparedItem {
  readonly category: VatCategory;
  readonly rate: Fixed;
  /** The rate as its shortest decimal string: the group key with the category. */
  readonly rateKey: string;
  /** Net amount in minor units, or gross when the prices include tax. */
  readonly amount: bigint;
  readonly id?: string;
  readonly reason?: string;
}

/** An invoice ready for the tax step: every figure an integer count of minor units. */
export interface PreparedInvoice {
  readonly currency: string;
  readonly minorUnits: number;
  readonly typeCode: string;
  readonly policy: TaxRoundingPolicy;
  readonly mode: RoundingMode;
  readonly inclusive: boolean;
  readonly lines: readonly PreparedItem[];
  readonly allowances: readonly PreparedItem[];
  readonly charges: readonly PreparedItem[];
  readonly prepaid: bigint;
  readonly cash?: { readonly increment: bigint; readonly mode: RoundingMode };
}

type R<T> = Result<T, ReceivablesError>;

function positive(value: Fixed, input: string, rule: string, path: ErrorPath): R<true> {
  if (value.units >= 0n) return ok(true);
  const reason = `must not be negative (${rule})`;
  return err(receivablesError('invalid_number', { input, reason }, path));
}

const ONE: Fixed = { units: 1n, scale: 0 };

/** quantity x net price / price base quantity, rounded to the minor unit. */
function priceAmount(reader: Reader, line: InvoiceLineInput, path: ErrorPath): R<bigint> {
  const quantity = parseFixed(line.quantity ?? '0');
  let price: Fixed;
  if (line.unitNetPrice !== undefined) {
    price = parseFixed(line.unitNetPrice);
  } else {
    const gross = parseFixed(line.unitGrossPrice ?? '0');
    const discount = parseFixed(line.priceDiscount ?? '0');
    const check = positive(gross, line.unitGrossPrice ?? '', 'BR-28', [...path, 'unitGrossPrice']);
    if (check.isErr()) return err(check.error);
    const scale = Math.max(gross.scale, discount.scale);
    price = { units: unitsAt(gross, scale) - unitsAt(discount, scale), scale };
    // The net price is never given here: name the discount that made it negative.
    if (price.units < 0n) {
      const input = line.priceDiscount ?? '';
      const reason =
        `the price discount is larger than the gross price ${line.unitGrossPrice}; ` +
        'the net price must not be negative (BR-27)';
      return err(receivablesError('invalid_number', { input, reason }, [...path, 'priceDiscount']));
    }
  }
  const net = line.unitNetPrice ?? '';
  const priceCheck = positive(price, net, 'BR-27', [...path, 'unitNetPrice']);
  if (priceCheck.isErr()) return err(priceCheck.error);

  const base = line.priceBaseQuantity === undefined ? ONE : parseFixed(line.priceBaseQuantity);
  if (base.units <= 0n) {
    const reason = 'the price base quantity must be above zero (PEPPOL-EN16931-R121)';
    const input = line.priceBaseQuantity ?? '';
    return err(
      receivablesError('invalid_number', { input, reason }, [...path, 'priceBaseQuantity']),
    );
  }
  const shift = reader.minorUnits + base.scale - quantity.scale - price.scale;
  let numerator = quantity.units * price.units;
  let denominator = base.units;
  if (shift >= 0) numerator *= pow10(shift);
  else denominator *= pow10(-shift);
  return ok(divideRounded(numerator, denominator, reader.mode));
}

function lineAmount(reader: Reader, line: InvoiceLineInput, index: number): R<bigint> {
  const path = ['lines', index];
  if (line.netAmount !== undefined) return reader.amount(line.netAmount, [...path, 'netAmount']);
  const base = priceAmount(reader, line, path);
  if (base.isErr()) return base;
  let amount = base.value;
  for (const [key, sign] of [
    ['charges', 1n],
    ['allowances', -1n],
  ] as const) {
    for (const [i, a] of (line[key] ?? []).entries()) {
      const r = reader.allowance(a, base.value, [...path, key, i]);
      if (r.isErr()) return r;
      amount += sign * r.value;
    }
  }
  return ok(amount);
}

/**
 * The price amount (quantity x net price / base quantity) of a priced line and the
 * amounts of its charges and allowances, in minor units, as its line amount took
 * them: for a writer that states each one (a UBL or CII line).
 *
 * @example
 * const line = { id: '1', quantity: '3', unitNetPrice: '10', vatCategory: 'S' } as const;
 * lineAllowanceChargeAmounts({ ...line, allowances: [{ percent: '10' }] }, 2, 'half-up')
 *   .map((a) => [a.base, a.allowances])
 * //=> Ok([3000n, [300n]])
 */
export function lineAllowanceChargeAmounts(
  line: InvoiceLineInput,
  minorUnits: number,
  mode: RoundingMode,
): R<{
  readonly base: bigint;
  readonly charges: readonly bigint[];
  readonly allowances: readonly bigint[];
}> {
  const reader = new Reader(minorUnits, mode);
  const base = priceAmount(reader, line, []);
  if (base.isErr()) return err(base.error);
  const read = (list: readonly LineAllowanceChargeInput[] | undefined) =>
    Result.combine((list ?? []).map((a) => reader.allowance(a, base.value, [])));
  const charges = read(line.charges);
  if (charges.isErr()) return err(charges.error);
  const allowances = read(line.allowances);
  if (allowances.isErr()) return err(allowances.error);
  return ok({ base: base.value, charges: charges.value, allowances: allowances.value });
}

function documentItems(
  reader: Reader,
  items: readonly DocumentAllowanceChargeInput[],
  lines: readonly PreparedItem[],
  site: 'allowance' | 'charge',
): R<PreparedItem[]> {
  const key = site === 'allowance' ? 'allowances' : 'charges';
  const out: PreparedItem[] = [];
  for (const [i, a] of items.entries()) {
    const path = [key, i];
    const rate = reader.rate(a.vatCategory, a.vatRatePercent, site, () => path);
    if (rate.isErr()) return err(rate.error);
    const { rateKey } = rate.value;
    // A percentage without a base applies to the lines of its own VAT group.
    const groupBase = lines
      .filter((l) => l.category === a.vatCategory && l.rateKey === rateKey)
      .reduce((s, l) => s + l.amount, 0n);
    const amount = reader.allowance(a, groupBase, path);
    if (amount.isErr()) return err(amount.error);
    const reason = a.reason ?? a.reasonCode;
    out.push({
      category: a.vatCategory,
      rate: rate.value.rate,
      rateKey,
      amount: amount.value,
      reason,
    });
  }
  return ok(out);
}

/** Options of {@link prepareInvoice} and `calculateInvoice`. */
export interface CalculateInvoiceOptions {
  /** Where currencies are looked up; ISO 4217 by default. */
  readonly currencies?: CurrencyRegistry;
}

/** Reduces a schema-checked invoice to minor units, checking the category rules. */
export function prepareInvoice(
  input: InvoiceInput,
  options: CalculateInvoiceOptions = {},
): R<PreparedInvoice> {
  const currency = currencyOf(input.currency, options.currencies, ['currency']);
  if (currency.isErr()) return err(currency.error);
  const mode = input.roundingMode ?? 'half-up';
  const reader = new Reader(currency.value.minorUnits, mode);

  const lines: PreparedItem[] = [];
  for (const [i, line] of input.lines.entries()) {
    const rate = reader.rate(line.vatCategory, line.vatRatePercent, 'line', () => ['lines', i]);
    if (rate.isErr()) return err(rate.error);
    const amount = lineAmount(reader, line, i);
    if (amount.isErr()) return err(amount.error);
    const { rate: value, rateKey } = rate.value;
    lines.push({
      id: line.id,
      category: line.vatCategory,
      rate: value,
      rateKey,
      amount: amount.value,
    });
  }
  const allowances = documentItems(reader, input.allowances ?? [], lines, 'allowance');
  if (allowances.isErr()) return err(allowances.error);
  const charges = documentItems(reader, input.charges ?? [], lines, 'charge');
  if (charges.isErr()) return err(charges.error);
  const prepaid = reader.amount(input.prepaidAmount ?? '0', ['prepaidAmount']);
  if (prepaid.isErr()) return err(prepaid.error);

  let cash: PreparedInvoice['cash'];
  if (input.cashRounding) {
    const path = ['cashRounding', 'increment'];
    const increment = reader.amount(input.cashRounding.increment, path);
    if (increment.isErr()) return err(increment.error);
    if (increment.value <= 0n) {
      const reason = 'the cash rounding increment must be above zero';
      const inc = input.cashRounding.increment;
      return err(receivablesError('invalid_number', { input: inc, reason }, path));
    }
    cash = { increment: increment.value, mode: input.cashRounding.mode ?? 'half-up' };
  }

  return ok({
    currency: currency.value.code,
    minorUnits: currency.value.minorUnits,
    typeCode: input.typeCode ?? '380',
    policy: input.taxRounding ?? 'document',
    mode,
    inclusive: input.pricesIncludeTax === true,
    lines,
    allowances: allowances.value,
    charges: charges.value,
    prepaid: prepaid.value,
    ...(cash ? { cash } : {}),
  });
}
