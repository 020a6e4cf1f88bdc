/**
 * Dunning policies as validated data: the reminder levels a business sends, when it
 * sends them, what each costs the customer, and what stops a reminder (minimum
 * amounts, grace days, message limits, holds, send days). The policy is plain JSON so
 * that a host can keep it in its settings; {@link parseDunningPolicy} checks it.
 *
 * Statutory interest follows EU Directive 2011/7/EU (see `interest.ts`); which national
 * margin applies is the policy's choice, not inferred from the customer's country.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { BusinessCalendar } from '../terms/calendar.js';
import { dunningPolicySchema } from './policy-schema.js';
import { parseWith } from './validate.js';

/** Amounts per currency, e.g. `{ EUR: '5.00', CHF: '5.00' }`. */
export type AmountPerCurrency = Readonly<Record<string, string>>;

/** A fixed fee per reminder message, in the currency of the reminded items. */
export interface FixedFee {
  readonly type: 'fixed';
  /** Fee per currency; a currency without an entry is charged no fee. */
  readonly amounts: AmountPerCurrency;
}

/** A fee as a percentage of the overdue amount reminded at this level. */
export interface PercentFee {
  readonly type: 'percent';
  /** `"10"` = 10 % of the open amount of the items that reach the level; 0 < percent <= 100. */
  readonly percent: string;
  /** Lower bound per currency (at most `max` of the same currency). */
  readonly min?: AmountPerCurrency;
  /** Upper bound per currency. */
  readonly max?: AmountPerCurrency;
}

/** One reminder level, in ascending order of {@link DunningLevel.daysAfterDue}. */
export interface DunningLevel {
  /** Days after the due date; negative or 0 for a friendly reminder before it is due. */
  readonly daysAfterDue: number;
  /**
   * `email` (the engine renders and queues it), `letter`, `sms`, or `custom:<name>` for
   * a channel the host defines (letters, SMS and custom channels are left to the host).
   */
  readonly channel: string;
  /**
   * Template id the message renderer looks up (e.g. `reminder-1`). The engine checks
   * the ids of `email` levels against its templates when a run starts; pass
   * `templateIds` to {@link parseDunningPolicy} to check every level up front.
   */
  readonly templateId: string;
  /** Fee charged when an item reaches this level, posted as a ledger charge. */
  readonly fee?: FixedFee | PercentFee;
  /** Post statutory interest (and the fixed compensation) accrued to the day. */
  readonly claimInterest: boolean;
  /** The last level: its action is `escalate` (collections, stop service: host decides). */
  readonly final: boolean;
}

/** Which statutory rate a policy claims. */
export interface InterestPolicy {
  /**
   * `eu-minimum`: ECB reference rate + 8 points (Directive 2011/7/EU, art. 2(6));
   * `germany`: Basiszinssatz + 9 points between businesses, + 5 with consumers
   * (§ 288 BGB); `custom`: `referenceRate` with the margins given.
   */
  readonly preset: 'eu-minimum' | 'germany' | 'custom';
  /** Reference rate table for `custom`. */
  readonly referenceRate?: 'ecb-mro' | 'de-base';
  /** Margin over the reference rate between businesses, overriding the preset. */
  readonly businessMarginPercent?: string;
  /** Margin over the reference rate for consumers, overriding the preset. */
  readonly consumerMarginPercent?: string;
  /** Day count: `act/365` (default), `act/360` or `30/360`. */
  readonly dayCount: DayCount;
  /** Fixed compensation per invoice between businesses (art. 6: EUR 40). */
  readonly compensation: AmountPerCurrency;
}

/** Day-count conventions for simple interest. */
export type DayCount = 'act/365' | 'act/360' | '30/360';

/** On which days messages may go out. */
export interface SendDays {
  /** Only send on business days of `calendar` (default false: any day). */
  readonly businessDaysOnly: boolean;
  /** Weekend and holidays of the sender; Saturday and Sunday when empty. */
  readonly calendar: BusinessCalendar;
  /** Zone for customers without their own `timeZone`, when the run passes an instant. */
  readonly timeZone: string;
}

/** The person or company the reminders come from, and where to pay. */
export interface DunningSender {
  readonly name: string;
  readonly email?: string;
  readonly iban?: string;
  readonly bic?: string;
}

/** A validated dunning policy. Build one with {@link parseDunningPolicy}. */
export interface DunningPolicy {
  /** At least one level, in strictly ascending `daysAfterDue`; only the last is final. */
  readonly levels: readonly DunningLevel[];
  /** Nobody is reminded while their overdue amount in a currency is below this. */
  readonly minimumOverdue: AmountPerCurrency;
  /** Days after the due date before overdue levels count (added to `daysAfterDue > 0`). */
  readonly graceDays: number;
  /**
   * At most one contact per customer per this many days (0 and 1: once a day). A
   * contact is one message, whatever the currency: a customer owing in several
   * currencies is reminded of one per contact (the one with the earliest due date
   * first) and of the others on the following days the gap allows. With `grouping:
   * 'invoice'` the per-invoice messages of one day count as that day's one contact.
   */
  readonly minDaysBetweenMessages: number;
  /** At most this many contact days per customer per calendar month. */
  readonly maxMessagesPerMonth?: number;
  /** One message per customer and currency (default) or one per invoice. */
  readonly grouping: 'customer' | 'invoice';
  /** Next level only (default) or straight to the level the days call for. */
  readonly escalation: 'one-level-at-a-time' | 'by-days';
  readonly sendDays: SendDays;
  readonly interest: InterestPolicy;
  /** Locale for customers without one (BCP 47, checked with `Intl.getCanonicalLocales`). */
  readonly defaultLocale: string;
  readonly sender?: DunningSender;
}

/** Options of {@link parseDunningPolicy}. */
export interface ParseDunningPolicyOptions {
  /** Template ids the host's renderer has: a level naming another is refused. */
  readonly templateIds?: readonly string[];
}

/**
 * Reads a dunning policy from outside input (JSON), filling defaults.
 *
 * @param input - the policy as parsed JSON
 * @param options - the template ids that exist, to refuse a level naming none of them
 *
 * @example
 * parseDunningPolicy({
 *   levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
 * }).map((p) => [p.grouping, p.escalation, p.levels[0].final])
 * //=> Ok(['customer', 'one-level-at-a-time', false])
 */
export function parseDunningPolicy(
  input: unknown,
  options: ParseDunningPolicyOptions = {},
): Result<DunningPolicy, ReceivablesError> {
  return parseWith(dunningPolicySchema, input).andThen((policy) => {
    const known = options.templateIds;
    if (known === undefined) return ok(policy);
    const issues = policy.levels.flatMap((level, i) =>
      known.includes(level.templateId)
        ? []
        : [
            {
              path: ['levels', i, 'templateId'],
              message: `no template "${level.templateId}" (known: ${known.join(', ')})`,
            },
          ],
    );
    if (issues.length === 0) return ok(policy);
    return err(receivablesError('invalid_input', { issues }, issues[0]!.path));
  });
}
