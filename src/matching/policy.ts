/**
 * The matching policy: how much each piece of evidence weighs, when a match is safe
 * to apply without a person, how much short payment is tolerated, and how hard the
 * search for combined payments may try. Every field has a safe default: automatic
 * application needs both an identification of the invoice or payer and an amount
 * that fits, and a clear lead over the runner-up.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { type ErrorOf, fromZodError } from '../errors/index.js';

const amount = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string');
const weight = z.number().min(-1).max(1);
const share = z.number().min(0).max(1);

/** Evidence weights; a candidate's confidence is the sum of its signals' weights, in 0..1. */
const weightsSchema = z.object({
  /** The payment's reference equals the item's payment reference. */
  referenceExact: weight.default(0.65),
  /** The invoice number is written as printed (same prefix and digits). */
  invoiceNumber: weight.default(0.5),
  /** The invoice number without prefix, with other separators or leading zeros. */
  invoiceNumberLoose: weight.default(0.45),
  /** A number one edit away from the invoice number. */
  invoiceNumberTypo: weight.default(0.25),
  /** The payer's account is on file for the customer. */
  payerAccount: weight.default(0.35),
  /** The payer's name equals the customer's name once legal forms and order are ignored. */
  payerNameExact: weight.default(0.3),
  /** The payer's name is similar; multiplied by the similarity. */
  payerNameFuzzy: weight.default(0.25),
  /** The invoice belongs to another customer than the identified payer. */
  payerConflict: weight.default(-0.5),
  /** The amount equals what is open. */
  amountExact: weight.default(0.35),
  /** The amount equals what is open less an early-payment discount still valid. */
  amountDiscount: weight.default(0.35),
  /** The amount is short by no more than the tolerance. */
  amountShortTolerated: weight.default(0.25),
  /** The amount is short by what looks like a bank fee. */
  amountFee: weight.default(0.2),
  /** Less than is open, on an invoice identified by reference or number. */
  amountPartial: weight.default(0.15),
  /** More than is open, on an invoice identified by reference or number. */
  amountOverpaid: weight.default(0.15),
  /** The fitting amount is the only one among the payer's open items. */
  amountUnique: weight.default(0.15),
  /** Several items add up to the amount (found by search, not named). */
  combination: weight.default(0),
  /** The combination is the customer's oldest open items without a gap (by due date). */
  combinationOldest: weight.default(0.15),
  /** The combination is a run of the customer's items without a gap, not the oldest. */
  combinationConsecutive: weight.default(0.05),
  /**
   * Every item of the combination was due by the payment date. Zero by default: it
   * only breaks ties between sets of as many items (more items that happen to add up
   * are likelier a coincidence than fewer items with one not yet due).
   */
  combinationDue: weight.default(0),
  /** Nothing identifies the payer: only the amount points to the item. */
  payerUnknown: weight.default(-0.1),
  /** The item is in another currency, converted with a policy rate. */
  crossCurrency: weight.default(-0.3),
  /** A stronger payment claims the same item. */
  claimedByOther: weight.default(-0.3),
});

/** An exchange rate the policy allows: 1 unit of `from` = `rate` units of `to`. */
const rateSchema = z.object({
  from: z.string().length(3),
  to: z.string().length(3),
  rate: amount,
});

/**
 * Schema of {@link MatchingPolicy}; every field is optional on input.
 *
 * @example
 * matchingPolicySchema.parse({}).autoThreshold
 * //=> 0.8
 */
export const matchingPolicySchema = z.object({
  /** Echoed in every result, so a decision can be traced to the rules that made it. */
  version: z.string().min(1).default('matching-2024.2'),
  weights: weightsSchema.prefault({}),
  /** Minimum confidence for automatic application. */
  autoThreshold: share.default(0.8),
  /** The best candidate must beat the runner-up by at least this much to be automatic. */
  margin: share.default(0.15),
  /** Below this a transaction is unmatched rather than suggested. */
  suggestThreshold: share.default(0.3),
  /** Short payments tolerated: within both limits that are set. */
  shortPayment: z
    .object({
      maxAbsolute: amount.optional().default('5.00'),
      maxPercent: amount.optional().default('1'),
      /** The tolerated difference is written off explicitly, or stays open on the item. */
      action: z.enum(['write-off', 'leave-open']).default('write-off'),
    })
    .prefault({}),
  /** A deduction up to this much is read as a bank fee; the fee stays open on the item. */
  bankFeeMax: amount.default('25.00'),
  /** At most this many items in one combined payment. */
  maxCombinationItems: z.number().int().min(1).max(12).default(5),
  /** Steps the combination search may take per customer; deterministic, not a clock. */
  searchBudget: z.number().int().min(1).max(10_000_000).default(20_000),
  /** A payer name at least this similar identifies the customer. */
  nameSimilarity: share.default(0.85),
  /** Rates for matching across currencies; none by default (no cross-currency match). */
  exchangeRates: z.array(rateSchema).default([]),
});

/** The policy as matching uses it, with every default filled in. */
export type MatchingPolicy = z.output<typeof matchingPolicySchema>;
/** The policy as a host writes it: every field optional. */
export type MatchingPolicyInput = z.input<typeof matchingPolicySchema>;
/** The evidence weights of a policy. */
export type MatchingWeights = MatchingPolicy['weights'];

/**
 * The default policy (version `matching-2024.2`).
 *
 * @example
 * DEFAULT_MATCHING_POLICY.version
 * //=> 'matching-2024.2'
 */
export const DEFAULT_MATCHING_POLICY: MatchingPolicy = matchingPolicySchema.parse({});

/**
 * Reads a matching policy from outside input, filling defaults.
 *
 * @example
 * parseMatchingPolicy({ autoThreshold: 0.9 }).map((p) => [p.autoThreshold, p.margin])
 * //=> Ok([0.9, 0.15])
 */
export function parseMatchingPolicy(
  input: unknown = {},
): Result<MatchingPolicy, ErrorOf<'invalid_input'>> {
  const parsed = matchingPolicySchema.safeParse(input ?? {});
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error, ['policy']));
}
