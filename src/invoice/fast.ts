/**
 * The invoice fast path: the EN 16931 calculation of `calculate.ts` for the common
 * shape (prices net of tax, either tax rounding policy), in safe-integer numbers with
 * no `bigint`, no string-keyed maps and no intermediate objects. It gives the same
 * result as the exact path or none at all: it returns `undefined` for tax-inclusive
 * prices, for any input the exact path refuses (so that the error is reported from
 * one place) and whenever a figure would leave the safe-integer range (|x| < 2^53:
 * about 90 trillion EUR in cents, less for products such as quantity x price written
 * out in their own decimals), and the caller then runs the exact path. A
 * property test compares the two on random invoices.
 *
 * @module
 */
import type { Currency } from '../money/currency.js';
import { checkCategoryMix, checkExemptionReasons } from './categories.js';
import { type FastGroup, FastItems } from './fast-items.js';
import { divideRoundedNumber, exact, formatMinor } from './safe.js';
import { VAT_CATEGORIES } from './schema.js';
import type {
  AllowanceChargeResult,
  DocumentAllowanceChargeInput,
  ExemptionReason,
  InvoiceCalculation,
  InvoiceInput,
  LineResult,
  VatBreakdown,
  VatCategory,
} from './types.js';

const ORDER: Readonly<Record<string, number>> = Object.fromEntries(
  VAT_CATEGORIES.map((c, i) => [c, i]),
);

const byCategoryAndRate = (a: FastGroup, b: FastGroup) =>
  ORDER[a.category]! - ORDER[b.category]! || a.rateMicro - b.rateMicro;

/**
 * A copy of an exemption reason with only its two fields, whatever else the input held.
 *
 * @example
 * copyExemptionReason({ code: 'VATEX-EU-132', extra: 1 } as ExemptionReason)
 * //=> { code: 'VATEX-EU-132' }
 */
export function copyExemptionReason(reason: ExemptionReason): ExemptionReason {
  const copy: { code?: string; text?: string } = {};
  if (reason.code !== undefined) copy.code = reason.code;
  if (reason.text !== undefined) copy.text = reason.text;
  return copy;
}

/** Document allowances (sign -1) or charges (sign 1) into their groups and results. */
function documentItems(
  items: FastItems,
  list: readonly DocumentAllowanceChargeInput[],
  sign: 1 | -1,
  linePolicy: boolean,
  out: AllowanceChargeResult[],
): number {
  let total = 0;
  for (const a of list) {
    const group = items.group(a.vatCategory, a.vatRatePercent);
    if (group === undefined) return NaN;
    const amount = items.allowance(a, group.lineBase);
    if (Number.isNaN(amount)) return NaN;
    group.taxable = exact(group.taxable + sign * amount);
    if (linePolicy) group.tax = exact(group.tax + items.taxOf(group, sign * amount));
    total = exact(total + amount);
    const reason = a.reason ?? a.reasonCode;
    const result: AllowanceChargeResult = {
      charge: sign > 0,
      vatCategory: group.category,
      vatRatePercent: group.rateKey,
      amount: formatMinor(amount, items.minorUnits),
    };
    out.push(reason === undefined ? result : { ...result, reason });
  }
  return total;
}

/**
 * The calculation of {@link InvoiceInput} in safe-integer numbers, or `undefined`
 * when the exact path must decide (see the module header).
 *
 * @param input - a schema-checked invoice
 * @param currency - its currency, already looked up
 *
 * @example
 * const line = { id: '1', netAmount: '10.00', vatCategory: 'S', vatRatePercent: '19' } as const;
 * calculateFast({ currency: 'EUR', lines: [line] }, ISO_CURRENCIES.get('EUR')!)?.totals.amountDue
 * //=> '11.90'
 */
export function calculateFast(
  input: InvoiceInput,
  currency: Currency,
): InvoiceCalculation | undefined {
  if (input.pricesIncludeTax === true) return undefined;
  const minor = currency.minorUnits;
  const items = new FastItems(minor, input.roundingMode ?? 'half-up');
  const policy = input.taxRounding ?? 'document';
  const linePolicy = policy === 'line';
  const fmt = (units: number) => formatMinor(units, minor);

  const lines: LineResult[] = [];
  let lineExtension = 0;
  for (let i = 0; i < input.lines.length; i += 1) {
    const line = input.lines[i]!;
    const group = items.group(line.vatCategory, line.vatRatePercent);
    if (group === undefined) return undefined;
    const net = items.lineAmount(line);
    if (Number.isNaN(net)) return undefined;
    group.lineBase = exact(group.lineBase + net);
    group.taxable = exact(group.taxable + net);
    lineExtension = exact(lineExtension + net);
    const id = line.id ?? String(i + 1);
    const { category: vatCategory, rateKey: vatRatePercent } = group;
    if (!linePolicy) {
      lines.push({ id, vatCategory, vatRatePercent, netAmount: fmt(net) });
      continue;
    }
    const tax = items.taxOf(group, net);
    const gross = exact(net + tax);
    if (Number.isNaN(gross)) return undefined;
    group.tax = exact(group.tax + tax);
    lines.push({
      id,
      vatCategory,
      vatRatePercent,
      netAmount: fmt(net),
      taxAmount: fmt(tax),
      grossAmount: fmt(gross),
    });
  }
  const allowances: AllowanceChargeResult[] = [];
  const allowanceTotal = documentItems(items, input.allowances ?? [], -1, linePolicy, allowances);
  const charges: AllowanceChargeResult[] = [];
  const chargeTotal = documentItems(items, input.charges ?? [], 1, linePolicy, charges);
  const prepaid = items.amount(input.prepaidAmount ?? '0');

  const groups = items.groups.slice().sort(byCategoryAndRate);
  const used = new Set<VatCategory>();
  let tax = 0;
  for (const g of groups) {
    if (!linePolicy) g.tax = g.zero ? 0 : items.taxOf(g, g.taxable);
    tax = exact(tax + g.tax);
    used.add(g.category);
  }
  const reasons = input.exemptionReasons ?? {};
  if (checkCategoryMix(used).isErr() || checkExemptionReasons(used, reasons).isErr()) {
    return undefined;
  }

  const taxExclusive = exact(exact(lineExtension - allowanceTotal) + chargeTotal);
  const taxInclusive = exact(taxExclusive + tax);
  const beforeRounding = exact(taxInclusive - prepaid);
  let rounding = 0;
  if (input.cashRounding) {
    const increment = items.amount(input.cashRounding.increment);
    if (!(increment > 0)) return undefined;
    const mode = input.cashRounding.mode ?? 'half-up';
    const rounded = divideRoundedNumber(beforeRounding, increment, mode);
    rounding = exact(exact(rounded * increment) - beforeRounding);
  }
  const amountDue = exact(beforeRounding + rounding);
  // Every figure below flows into amountDue or is a group figure checked here: one NaN
  // anywhere means some figure left the safe-integer range or was refused.
  let check = amountDue + allowanceTotal + chargeTotal;
  for (const g of groups) check += g.taxable + g.tax;
  if (Number.isNaN(check)) return undefined;

  const vatBreakdown: VatBreakdown[] = groups.map((g) => {
    const reason = reasons[g.category];
    const breakdown: VatBreakdown = {
      vatCategory: g.category,
      vatRatePercent: g.rateKey,
      taxableAmount: fmt(g.taxable),
      taxAmount: fmt(g.tax),
    };
    return reason === undefined
      ? breakdown
      : { ...breakdown, exemptionReason: copyExemptionReason(reason) };
  });
  return {
    currency: currency.code,
    typeCode: input.typeCode ?? '380',
    taxRounding: policy,
    lines,
    allowances,
    charges,
    vatBreakdown,
    totals: {
      lineExtensionAmount: fmt(lineExtension),
      allowanceTotalAmount: fmt(allowanceTotal),
      chargeTotalAmount: fmt(chargeTotal),
      taxExclusiveAmount: fmt(taxExclusive),
      taxAmount: fmt(tax),
      taxInclusiveAmount: fmt(taxInclusive),
      prepaidAmount: fmt(prepaid),
      payableRoundingAmount: fmt(rounding),
      amountDue: fmt(amountDue),
    },
  };
}
