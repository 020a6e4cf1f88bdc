/**
 * The zod schema of a {@link DunningPolicy}: shapes, defaults and the cross-field
 * rules (levels ascending, only the last final, custom interest complete).
 *
 * @module
 */
import { z } from 'zod';
import { Dec } from '../money/decimal.js';
import type { DunningPolicy } from './policy.js';
import { amountPerCurrencySchema, decimalSchema, isoDateSchema } from './validate.js';

const weekday = z.number().int().min(1).max(7);

// A fee of more than the whole overdue amount is a typing error, not a policy.
const percentSchema = decimalSchema.refine(
  (p) => new Dec(p).greaterThan(0) && new Dec(p).lessThanOrEqualTo(100),
  { message: 'a fee percentage must be more than 0 and at most 100' },
);

const percentFeeSchema = z
  .strictObject({
    type: z.literal('percent'),
    percent: percentSchema,
    min: amountPerCurrencySchema.optional(),
    max: amountPerCurrencySchema.optional(),
  })
  .superRefine((fee, ctx) => {
    for (const [currency, min] of Object.entries(fee.min ?? {})) {
      const max = fee.max?.[currency];
      if (max !== undefined && new Dec(min).greaterThan(max)) {
        const message = `min ${min} is above max ${max} for ${currency}`;
        ctx.addIssue({ code: 'custom', path: ['min', currency], message });
      }
    }
  });

const feeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), amounts: amountPerCurrencySchema }),
  percentFeeSchema,
]);

/** The channels the engine knows, and the form a host's own channel takes. */
const CHANNEL = /^(email|letter|sms|custom:[A-Za-z0-9][A-Za-z0-9._-]{0,56})$/;

const levelSchema = z.strictObject({
  daysAfterDue: z.number().int().min(-366).max(3660),
  channel: z.string().regex(CHANNEL, {
    message: "expected 'email', 'letter', 'sms' or a host channel 'custom:<name>'",
  }),
  templateId: z.string().min(1).max(200),
  fee: feeSchema.optional(),
  claimInterest: z.boolean().default(false),
  final: z.boolean().default(false),
});

const interestSchema = z
  .strictObject({
    preset: z.enum(['eu-minimum', 'germany', 'custom']).default('eu-minimum'),
    referenceRate: z.enum(['ecb-mro', 'de-base']).optional(),
    businessMarginPercent: decimalSchema.optional(),
    consumerMarginPercent: decimalSchema.optional(),
    dayCount: z.enum(['act/365', 'act/360', '30/360']).default('act/365'),
    compensation: amountPerCurrencySchema.default({ EUR: '40.00' }),
  })
  .refine((i) => i.preset !== 'custom' || (i.referenceRate && i.businessMarginPercent), {
    message: 'a custom interest policy needs referenceRate and businessMarginPercent',
  });

const validZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const validLocale = (locale: string): boolean => {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
};

const sendDaysSchema = z.strictObject({
  businessDaysOnly: z.boolean().default(false),
  calendar: z
    .strictObject({
      // Each weekday counts once: [6, 7, 6] is a Saturday-Sunday weekend.
      weekend: z
        .array(weekday)
        .transform((days) => [...new Set(days)])
        .optional(),
      holidays: z.array(isoDateSchema).optional(),
    })
    .refine((c) => (c.weekend ?? []).length < 7, {
      message: 'a week needs one business day',
      path: ['weekend'],
    })
    .default({}),
  timeZone: z.string().refine(validZone, { message: 'unknown IANA time zone' }).default('UTC'),
});

const senderSchema = z.strictObject({
  name: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
  iban: z.string().max(64).optional(),
  bic: z.string().max(16).optional(),
});

/**
 * Schema of a dunning policy as JSON, with its defaults.
 *
 * @example
 * dunningPolicySchema.safeParse({ levels: [] }).success
 * //=> false
 */
export const dunningPolicySchema: z.ZodType<DunningPolicy> = z
  .strictObject({
    levels: z.array(levelSchema).min(1).max(20),
    minimumOverdue: amountPerCurrencySchema.default({}),
    graceDays: z.number().int().min(0).max(366).default(0),
    minDaysBetweenMessages: z.number().int().min(0).max(366).default(0),
    maxMessagesPerMonth: z.number().int().min(1).max(31).optional(),
    grouping: z.enum(['customer', 'invoice']).default('customer'),
    escalation: z.enum(['one-level-at-a-time', 'by-days']).default('one-level-at-a-time'),
    sendDays: sendDaysSchema.default({ businessDaysOnly: false, calendar: {}, timeZone: 'UTC' }),
    interest: interestSchema.default({
      preset: 'eu-minimum',
      dayCount: 'act/365',
      compensation: { EUR: '40.00' },
    }),
    defaultLocale: z
      .string()
      .max(35)
      .refine(validLocale, { message: 'not a BCP 47 locale' })
      .default('en'),
    sender: senderSchema.optional(),
  })
  .superRefine((policy, ctx) => {
    policy.levels.forEach((level, i) => {
      const prev = policy.levels[i - 1];
      if (prev && level.daysAfterDue <= prev.daysAfterDue) {
        const message = 'levels must be in strictly ascending daysAfterDue';
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'daysAfterDue'], message });
      }
      if (level.final && i !== policy.levels.length - 1) {
        const message = 'only the last level can be final';
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'final'], message });
      }
    });
  });
