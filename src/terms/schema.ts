/**
 * zod schemas for payment terms as they arrive from outside (JSON, a database row, a
 * config file). Objects are strict: a misspelt field is an error, not ignored.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { type ErrorOf, type ErrorPath, fromZodError } from '../errors/index.js';
import { Dec, decimalStringSchema } from '../money/decimal.js';
import type {
  DiscountTier,
  EarlyPaymentDiscount,
  PaymentTerms,
  SimplePaymentTerms,
  TermsInstalment,
} from './types.js';

/**
 * A decimal of a string that may have failed its own format check: zod runs later
 * refinements even after an earlier one failed, so they must not assume a valid value.
 */
function decimalOf(value: unknown): Dec | undefined {
  return typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value) ? new Dec(value) : undefined;
}

const days = z.number().int().min(0).max(3660);
const months = z.number().int().min(0).max(120);
const dayOfMonth = z.number().int().min(1).max(31);

/** True when `value` is a decimal above 0 and below `max` (or equal to it when allowed). */
function percentIn(value: string, max: number, maxAllowed: boolean): boolean {
  const d = decimalOf(value);
  if (!d?.greaterThan(0)) return false;
  return maxAllowed ? d.lessThanOrEqualTo(max) : d.lessThan(max);
}

const discountPercent = decimalStringSchema.refine(
  (p) => percentIn(p, 100, false),
  'a discount percentage is above 0 and below 100',
);

const tierSchema: z.ZodType<DiscountTier> = z.strictObject({ days, percent: discountPercent });

/** Schema of an early-payment discount: explicit base, ordered tiers. */
export const earlyPaymentDiscountSchema: z.ZodType<EarlyPaymentDiscount> = z
  .strictObject({
    base: z.enum(['gross', 'net']),
    from: z.enum(['issue-date', 'end-of-month']).optional(),
    tiers: z.array(tierSchema).min(1).max(10),
  })
  .superRefine((d, ctx) => {
    d.tiers.forEach((t, i) => {
      const prev = d.tiers[i - 1];
      if (!prev) return;
      if (t.days <= prev.days) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'days'],
          message: 'tier days must increase',
        });
      }
      const [percent, before] = [decimalOf(t.percent), decimalOf(prev.percent)];
      if (percent && before && !percent.lessThan(before)) {
        const message = 'a later tier must offer a smaller percentage';
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'percent'], message });
      }
    });
  });

const common = { discount: earlyPaymentDiscountSchema.optional() };

/** Terms as a refinement sees them: possibly invalid in any field. */
type Unchecked = { kind?: unknown; days?: unknown; months?: unknown; discount?: unknown };

/**
 * The net period in days where it does not depend on the issue date: due on receipt
 * (0), net N, and "net N EOM" with the discount also counted from the month end.
 */
function fixedNetDays(t: Unchecked, from: unknown): number | undefined {
  if (t.kind === 'due-on-receipt') return 0;
  if (t.kind === 'net' && typeof t.days === 'number') return t.days;
  if (t.kind === 'end-of-month' && t.months === 0 && from === 'end-of-month') {
    return typeof t.days === 'number' ? t.days : 0;
  }
  return undefined;
}

/**
 * A discount period must end by the due date ("2/40 net 30" is refused); where that
 * depends on the issue date, `discountOffers` and `instalmentSchedule` check it.
 */
function checkDiscountPeriod(t: Unchecked, ctx: z.RefinementCtx): void {
  const d = t.discount as { from?: unknown; tiers?: unknown } | undefined;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.tiers)) return;
  if (d.from === 'end-of-month' && t.kind !== 'end-of-month') {
    const message = 'a discount counted from the end of the month needs end-of-month terms';
    ctx.addIssue({ code: 'custom', path: ['discount', 'from'], message });
    return;
  }
  const net = fixedNetDays(t, d.from);
  if (net === undefined) return;
  d.tiers.forEach((tier: { days?: unknown }, i) => {
    if (typeof tier?.days !== 'number' || tier.days <= net) return;
    const message =
      `the discount period (${tier.days} days) is longer than ` + `the net period (${net} days)`;
    ctx.addIssue({ code: 'custom', path: ['discount', 'tiers', i, 'days'], message });
  });
}

const simpleOptions = [
  z.strictObject({ kind: z.literal('due-on-receipt'), ...common }).superRefine(checkDiscountPeriod),
  z.strictObject({ kind: z.literal('net'), days, ...common }).superRefine(checkDiscountPeriod),
  z
    .strictObject({ kind: z.literal('days-end-of-month'), days, ...common })
    .superRefine(checkDiscountPeriod),
  z
    .strictObject({ kind: z.literal('end-of-month'), months, days: days.optional(), ...common })
    .superRefine(checkDiscountPeriod),
  z
    .strictObject({ kind: z.literal('days-end-of-month-day'), days, day: dayOfMonth, ...common })
    .superRefine(checkDiscountPeriod),
  z
    .strictObject({
      kind: z.literal('day-of-month'),
      day: dayOfMonth,
      months: months.optional(),
      ...common,
    })
    .superRefine(checkDiscountPeriod),
] as const;

/** Schema of terms with one due date (every kind except `instalments`). */
export const simplePaymentTermsSchema: z.ZodType<SimplePaymentTerms> = z.discriminatedUnion(
  'kind',
  [...simpleOptions],
);

const sharePercent = decimalStringSchema.refine(
  (p) => percentIn(p, 100, true),
  'an instalment percentage is above 0 and at most 100',
);

const instalmentSchema: z.ZodType<TermsInstalment> = z.union([
  z.strictObject({ percent: sharePercent, terms: simplePaymentTermsSchema }),
  z.strictObject({ amount: decimalStringSchema, terms: simplePaymentTermsSchema }),
]);

const instalmentTermsSchema = z
  .strictObject({
    kind: z.literal('instalments'),
    instalments: z.array(instalmentSchema).min(1).max(1000),
  })
  .superRefine((t, ctx) => {
    const byPercent = t.instalments.filter((p) => 'percent' in p);
    if (byPercent.length > 0 && byPercent.length < t.instalments.length) {
      const message = 'instalments are either all by percent or all by amount';
      ctx.addIssue({ code: 'custom', path: ['instalments'], message });
    } else if (byPercent.length > 0) {
      const shares = byPercent.map((p) => decimalOf('percent' in p ? p.percent : undefined));
      const total = shares.reduce<Dec>((sum, d) => sum.plus(d ?? 0), new Dec(0));
      if (shares.every((d) => d !== undefined) && !total.equals(100)) {
        const message = `instalment percentages add up to ${total.toString()}, not 100`;
        ctx.addIssue({ code: 'custom', path: ['instalments'], message });
      }
    }
    t.instalments.forEach((p, i) => {
      if (p.terms.discount && p.terms.discount.base !== 'gross') {
        const path = ['instalments', i, 'terms', 'discount', 'base'];
        ctx.addIssue({ code: 'custom', path, message: 'an instalment discount applies to gross' });
      }
    });
  });

/**
 * Schema of {@link PaymentTerms}, the union of every kind of term.
 *
 * @example
 * paymentTermsSchema.safeParse({ kind: 'net', days: 30 }).success
 * //=> true
 */
export const paymentTermsSchema: z.ZodType<PaymentTerms> = z.discriminatedUnion('kind', [
  ...simpleOptions,
  instalmentTermsSchema,
]);

/**
 * Validates payment terms from outside input.
 *
 * @param input - the terms as received (parsed JSON)
 * @param path - where they sit in a larger input, for error paths
 *
 * @example
 * validatePaymentTerms({ kind: 'net', days: -1 }).isErr()
 * //=> true
 */
export function validatePaymentTerms(
  input: unknown,
  path: ErrorPath = [],
): Result<PaymentTerms, ErrorOf<'invalid_input'>> {
  const parsed = paymentTermsSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error, path));
}
