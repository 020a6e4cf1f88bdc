/**
 * A hand-written check of the common shape of {@link InvoiceInput}: it accepts an
 * input only when `invoiceInputSchema` accepts it too, at a fraction of the cost, so
 * that a bulk run validates every invoice without paying for zod's error machinery.
 * It may refuse rarer shapes the schema accepts (an exemption-reason record with a
 * custom prototype or symbol keys); `calculateInvoice` then runs the
 * schema, which also writes the error report of input that is really wrong. A
 * property test checks that both agree on generated and mutated invoices.
 *
 * @module
 */
import { ROUNDING_MODES } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';
import { isNetOfGross } from './fixed.js';
import { VAT_CATEGORIES } from './schema.js';
import type { InvoiceInput } from './types.js';

type Fields = { readonly [key: string]: unknown };

const CATEGORIES: ReadonlySet<unknown> = new Set(VAT_CATEGORIES);
const MODES: ReadonlySet<unknown> = new Set(ROUNDING_MODES);

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True for a plain decimal string (`^[+-]?\d+(\.\d+)?$`), checked without a regex.
 *
 * @example
 * [isPlainDecimal('-12.50'), isPlainDecimal('1e3'), isPlainDecimal('12,50')]
 * //=> [true, false, false]
 */
export function isPlainDecimal(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const length = value.length;
  const first = value.charCodeAt(0);
  const start = first === 43 || first === 45 ? 1 : 0;
  if (length === start) return false;
  let dot = -1;
  for (let i = start; i < length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || dot >= 0 || i === start || i === length - 1) return false;
    dot = i;
  }
  return true;
}

const optionalDecimal = (value: unknown) => value === undefined || isPlainDecimal(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const optionalNonEmpty = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.length > 0);

/** Digits at every position but the given dash positions, e.g. a type code `380`. */
function isDigitPattern(value: unknown, length: number, dashes: readonly number[]): boolean {
  if (typeof value !== 'string' || value.length !== length) return false;
  for (let i = 0; i < length; i += 1) {
    const c = value.charCodeAt(i);
    if (dashes.includes(i) ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

function isAllowanceCharge(value: unknown, withCategory: boolean): boolean {
  if (!isObject(value)) return false;
  if (value.amount === undefined && value.percent === undefined) return false;
  return (
    optionalDecimal(value.amount) &&
    optionalDecimal(value.percent) &&
    optionalDecimal(value.baseAmount) &&
    optionalString(value.reason) &&
    optionalString(value.reasonCode) &&
    (!withCategory || (CATEGORIES.has(value.vatCategory) && optionalDecimal(value.vatRatePercent)))
  );
}

function isList(value: unknown, item: (v: unknown) => boolean, minLength = 0): boolean {
  if (!Array.isArray(value) || value.length < minLength) return false;
  for (let i = 0; i < value.length; i += 1) if (!item(value[i])) return false;
  return true;
}

const optionalList = (value: unknown, item: (v: unknown) => boolean) =>
  value === undefined || isList(value, item);
const lineItem = (v: unknown) => isAllowanceCharge(v, false);
const documentItem = (v: unknown) => isAllowanceCharge(v, true);

function isLine(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { id, quantity, unitNetPrice, unitGrossPrice, netAmount } = value;
  const priced =
    netAmount !== undefined ||
    (quantity !== undefined && (unitNetPrice !== undefined || unitGrossPrice !== undefined));
  const contradiction =
    netAmount === undefined &&
    isPlainDecimal(unitNetPrice) &&
    isPlainDecimal(unitGrossPrice) &&
    optionalDecimal(value.priceDiscount) &&
    !isNetOfGross(
      unitNetPrice as string,
      unitGrossPrice as string,
      value.priceDiscount as string | undefined,
    );
  return (
    !contradiction &&
    priced &&
    typeof id === 'string' &&
    id.length > 0 &&
    CATEGORIES.has(value.vatCategory) &&
    optionalDecimal(quantity) &&
    optionalDecimal(unitNetPrice) &&
    optionalDecimal(unitGrossPrice) &&
    optionalDecimal(netAmount) &&
    optionalDecimal(value.priceDiscount) &&
    optionalDecimal(value.priceBaseQuantity) &&
    optionalDecimal(value.vatRatePercent) &&
    optionalString(value.itemName) &&
    optionalList(value.allowances, lineItem) &&
    optionalList(value.charges, lineItem)
  );
}

/** An exemption-reason record: a plain object keyed by VAT category only. */
function isReasons(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const key of Object.keys(value)) {
    const reason = value[key];
    if (!CATEGORIES.has(key) || !isObject(reason)) return false;
    if (reason.code === undefined && reason.text === undefined) return false;
    if (!optionalNonEmpty(reason.code) || !optionalNonEmpty(reason.text)) return false;
  }
  return true;
}

function isCashRounding(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isObject(value)) return false;
  return isPlainDecimal(value.increment) && (value.mode === undefined || MODES.has(value.mode));
}

/**
 * True when `value` is an {@link InvoiceInput} that `invoiceInputSchema` accepts; a
 * false answer says only that the schema has to look (see the module header).
 *
 * @param value - an invoice from outside (JSON, a form, another system)
 *
 * @example
 * isInvoiceInput({
 *   currency: 'EUR',
 *   lines: [{ id: '1', netAmount: '10.00', vatCategory: 'S', vatRatePercent: '19' }],
 * })
 * //=> true
 */
export function isInvoiceInput(value: unknown): value is InvoiceInput {
  if (!isObject(value)) return false;
  const { currency, typeCode, issueDate, taxRounding, roundingMode, pricesIncludeTax } = value;
  return (
    typeof currency === 'string' &&
    currency.length > 0 &&
    isList(value.lines, isLine, 1) &&
    optionalList(value.allowances, documentItem) &&
    optionalList(value.charges, documentItem) &&
    optionalDecimal(value.prepaidAmount) &&
    optionalString(value.id) &&
    optionalString(value.number) &&
    (issueDate === undefined || isIsoDate(issueDate)) &&
    (typeCode === undefined || isDigitPattern(typeCode, 3, [])) &&
    (pricesIncludeTax === undefined || typeof pricesIncludeTax === 'boolean') &&
    (taxRounding === undefined || taxRounding === 'document' || taxRounding === 'line') &&
    (roundingMode === undefined || MODES.has(roundingMode)) &&
    isCashRounding(value.cashRounding) &&
    isReasons(value.exemptionReasons)
  );
}
