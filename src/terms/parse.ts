/**
 * Reads the short textual payment terms found on invoices and in ERP exports:
 * `NET30`, `Net 30 days`, `2/10 net 30`, `2/10, 1/20 N30`, `EOM`, `Net 30 EOM`,
 * `EOM+1`, `1 month after end of month`, `30 days end of month`, `due on receipt`.
 * "Net 30 EOM" follows the US reading (30 days after the end of the invoice month),
 * and so do discount tiers with it ("2/10 EOM" counts the 10 days from the month end);
 * "30 days end of month" the French one (30 days, then that month's end). A discount
 * period longer than the net period ("2/40 net 30", "2/10 due on receipt") is refused.
 * Left out: the rule that moves EOM invoices dated after the 25th a month on. Text
 * cannot say which amount a discount applies to, so a text with discount tiers needs
 * `discountBase`. Anything else is an `invalid_terms` error, never a guess.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, formatPath, receivablesError } from '../errors/index.js';
import { inputText } from '../money/decimal.js';
import { validatePaymentTerms } from './schema.js';
import type { DiscountTier, PaymentTerms, SimplePaymentTerms } from './types.js';

/** Options of {@link parsePaymentTerms}. */
export interface ParsePaymentTermsOptions {
  /** What discount tiers in the text apply to: `gross` or `net`. Required with tiers. */
  readonly discountBase?: 'gross' | 'net';
}

/** A leading discount tier such as `2/10` or `1.5% / 20`, with its separator. */
const TIER = /^(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+)(?:\s*,\s*|\s+)/;

const RULES: readonly [RegExp, (m: RegExpExecArray) => SimplePaymentTerms][] = [
  [/^(?:DUE\s+)?(?:ON|UPON)\s+RECEIPT$|^IMMEDIATE(?:LY)?$/, () => ({ kind: 'due-on-receipt' })],
  [/^(?:NET|N)\s*\/?\s*(\d+)(?:\s*DAYS?)?$/, (m) => ({ kind: 'net', days: Number(m[1]) })],
  [/^(\d+)\s*DAYS?(?:\s+NET)?$/, (m) => ({ kind: 'net', days: Number(m[1]) })],
  [/^(?:EOM|END\s+OF\s+(?:THE\s+)?MONTH)$/, () => ({ kind: 'end-of-month', months: 0 })],
  [
    /^(?:NET\s*)?(\d+)(?:\s*DAYS?)?\s+EOM$/,
    (m) => ({ kind: 'end-of-month', months: 0, days: Number(m[1]) }),
  ],
  [
    /^EOM\s*\+\s*(\d+)(?:\s*(?:M|MONTHS?))?$/,
    (m) => ({ kind: 'end-of-month', months: Number(m[1]) }),
  ],
  [
    /^(\d+)\s+MONTHS?\s+AFTER\s+(?:THE\s+)?END\s+OF\s+(?:THE\s+)?MONTH$/,
    (m) => ({ kind: 'end-of-month', months: Number(m[1]) }),
  ],
  [
    /^(\d+)\s*DAYS?\s+END\s+OF\s+(?:THE\s+)?MONTH$/,
    (m) => ({ kind: 'days-end-of-month', days: Number(m[1]) }),
  ],
];

function invalid(text: string, why: string) {
  return err(receivablesError('invalid_terms', { reason: `${JSON.stringify(text)}: ${why}` }));
}

/**
 * Reads textual payment terms into {@link PaymentTerms}.
 *
 * @param text - the terms as printed, case and spacing free
 * @param options - the discount base, when the text has discount tiers
 *
 * @example
 * parsePaymentTerms('NET30')
 * //=> Ok({ kind: 'net', days: 30 })
 * parsePaymentTerms('2/10 net 30', { discountBase: 'gross' }).map((t) => t.discount?.tiers)
 * //=> Ok([{ days: 10, percent: '2' }])
 */
export function parsePaymentTerms(
  text: string,
  options: ParsePaymentTermsOptions = {},
): Result<PaymentTerms, ErrorOf<'invalid_terms'>> {
  if (typeof text !== 'string') return invalid(inputText(text), 'expected text');
  let rest = text.trim().toUpperCase().replace(/\s+/g, ' ');

  const tiers: DiscountTier[] = [];
  for (let m = TIER.exec(rest); m; m = TIER.exec(rest)) {
    tiers.push({ percent: m[1]!, days: Number(m[2]) });
    rest = rest.slice(m[0].length);
  }
  const rule = RULES.map(([re, build]) => [re.exec(rest), build] as const).find(([m]) => m);
  if (!rule) return invalid(text, 'not a form of terms this reader knows');
  const base = rule[1](rule[0]!);

  if (tiers.length > 0 && !options.discountBase) {
    return invalid(text, "say which amount the discount applies to: discountBase 'gross' or 'net'");
  }
  const terms: PaymentTerms = tiers.length > 0 ? withDiscount(base, tiers, options) : base;
  const valid = validatePaymentTerms(terms);
  if (valid.isErr()) {
    const issues = valid.error.issues.map((i) =>
      i.path.length === 0 ? i.message : `${i.message} at ${formatPath(i.path)}`,
    );
    return invalid(text, issues.join('; '));
  }
  return ok(valid.value);
}

/** Days from the last discount day to the net due date when EOM text names no net period. */
const EOM_NET_AFTER_DISCOUNT = 20;

/**
 * The terms with their discount tiers. With end-of-month terms of the invoice month
 * ("2/10 EOM", "2/10 net 30 EOM") the US reading counts the tiers from the month end
 * too; where no net period is written, the net amount falls due 20 days after the
 * last discount day, the usual textbook rule ("8/10 EOM": 8 % until the 10th of the
 * next month, net on the 30th).
 */
function withDiscount(
  base: SimplePaymentTerms,
  tiers: readonly DiscountTier[],
  options: ParsePaymentTermsOptions,
): PaymentTerms {
  const discount = { base: options.discountBase!, tiers };
  if (base.kind !== 'end-of-month' || base.months !== 0) return { ...base, discount };
  const last = tiers[tiers.length - 1]!.days;
  return {
    ...base,
    days: base.days ?? last + EOM_NET_AFTER_DISCOUNT,
    discount: { ...discount, from: 'end-of-month' },
  };
}
