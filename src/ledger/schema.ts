/**
 * The zod schemas of the ledger's JSON shape: one per record kind, each checking its
 * fields alone (amount strings on the currency's minor unit, real calendar dates,
 * known ISO 4217 codes). What ties records together (ids, references, currencies and
 * customers of allocations) is checked by `parseLedger`.
 *
 * @module
 */
import { z } from 'zod';
import { ISO_CURRENCIES } from '../money/currency.js';
import { parseDecimal } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';
import type {
  Allocation,
  Customer,
  Ledger,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
  LedgerRefund,
  LedgerWriteOff,
} from './types.js';

const id = z.string().min(1).max(200);
const date = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });
const currency = z
  .string()
  .refine((c) => ISO_CURRENCIES.get(c) !== undefined, { message: 'unknown ISO 4217 currency' });
const AMOUNT = /^\d{1,30}(\.\d{1,18})?$/;
const amount = z.string().regex(AMOUNT, { message: 'expected a decimal string such as "12.50"' });
const positive = amount.refine((a) => /[1-9]/.test(a), { message: 'must be above zero' });

/**
 * Adds an issue for every amount field that has more decimals than the record's
 * currency has minor units (`"10.005"` in EUR), so no amount is silently rounded.
 */
function onMinorUnit(fields: readonly string[]) {
  return (record: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const code = record.currency;
    const units = typeof code === 'string' ? ISO_CURRENCIES.get(code)?.minorUnits : undefined;
    if (units === undefined) return;
    for (const field of fields) {
      const value = record[field];
      if (typeof value === 'string' && parseDecimal(value, [], units).isErr()) {
        ctx.addIssue({ code: 'custom', path: [field], message: `more than ${units} decimals` });
      }
    }
  };
}

/** A discount rate: above 0 and below 100 percent (a whole-invoice discount is a credit note). */
const discountPercent = amount.refine(
  (p) => /[1-9]/.test(p) && p.split('.')[0]!.replace(/^0+/, '').length <= 2,
  { message: 'must be above 0 and below 100' },
);

const discount = z.strictObject({
  until: date,
  percent: discountPercent,
  baseAmount: positive.optional(),
});

/** Adds an issue for a discount base amount off the invoice currency's minor unit. */
function discountBases(record: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const code = record.currency;
  const units = typeof code === 'string' ? ISO_CURRENCIES.get(code)?.minorUnits : undefined;
  const discounts = record.discounts;
  if (units === undefined || !Array.isArray(discounts)) return;
  for (const [i, d] of discounts.entries()) {
    const base = (d as { baseAmount?: unknown } | undefined)?.baseAmount;
    if (typeof base === 'string' && parseDecimal(base, [], units).isErr()) {
      const path = ['discounts', i, 'baseAmount'];
      ctx.addIssue({ code: 'custom', path, message: `more than ${units} decimals` });
    }
  }
}

const dispute = z.strictObject({
  from: date,
  until: date.optional(),
  reason: z.string().optional(),
});

const instalment = z.strictObject({ id, dueDate: date, amount });

/** Schema of a {@link Customer}. */
export const customerSchema: z.ZodType<Customer> = z.strictObject({
  id,
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  accounts: z.array(z.string()).optional(),
  email: z.string().optional(),
  locale: z.string().optional(),
  timeZone: z.string().optional(),
  segment: z.string().optional(),
  consumer: z.boolean().optional(),
});

/** Schema of a {@link LedgerInvoice} (instalment amounts are checked by `parseLedger`). */
export const ledgerInvoiceSchema: z.ZodType<LedgerInvoice> = z
  .strictObject({
    id,
    number: z.string().optional(),
    customerId: id,
    currency,
    issueDate: date,
    dueDate: date,
    amount,
    status: z.enum(['draft', 'issued', 'void']).optional(),
    instalments: z.array(instalment).optional(),
    paymentReference: z.string().optional(),
    discounts: z.array(discount).optional(),
    disputes: z.array(dispute).optional(),
  })
  .superRefine(onMinorUnit(['amount']))
  .superRefine(discountBases);

/** Schema of a {@link LedgerCreditNote}. */
export const ledgerCreditNoteSchema: z.ZodType<LedgerCreditNote> = z
  .strictObject({
    id,
    number: z.string().optional(),
    customerId: id,
    currency,
    issueDate: date,
    amount: positive,
    invoiceId: id.optional(),
  })
  .superRefine(onMinorUnit(['amount']));

/** Schema of a {@link LedgerPayment}. */
export const ledgerPaymentSchema: z.ZodType<LedgerPayment> = z
  .strictObject({
    id,
    customerId: id,
    currency,
    date,
    amount: positive,
    reference: z.string().optional(),
    transactionId: z.string().optional(),
    endToEndId: z.string().optional(),
    payerAccount: z.string().optional(),
    reversedOn: date.optional(),
  })
  .superRefine(onMinorUnit(['amount']));

/** Schema of a {@link LedgerRefund}. */
export const ledgerRefundSchema: z.ZodType<LedgerRefund> = z
  .strictObject({ id, customerId: id, currency, date, amount: positive, sourceId: id })
  .superRefine(onMinorUnit(['amount']));

/** Schema of a {@link LedgerCharge}. */
export const ledgerChargeSchema: z.ZodType<LedgerCharge> = z
  .strictObject({
    id,
    kind: z.enum(['fee', 'interest', 'compensation']),
    customerId: id,
    currency,
    date,
    dueDate: date.optional(),
    amount: positive,
    itemId: id.optional(),
    actionKey: z.string().optional(),
  })
  .superRefine(onMinorUnit(['amount']));

/** Schema of a {@link LedgerWriteOff} (its minor units are checked against its item). */
export const ledgerWriteOffSchema: z.ZodType<LedgerWriteOff> = z.strictObject({
  id,
  itemId: id,
  date,
  amount: positive,
  reason: z.string().optional(),
  reversedOn: date.optional(),
});

/** Schema of an {@link Allocation} (its minor units are checked against its item). */
export const allocationSchema: z.ZodType<Allocation> = z.strictObject({
  id,
  sourceId: id,
  itemId: id,
  amount: positive,
  date,
  reversedOn: date.optional(),
  requestId: id.optional(),
  requestKey: z.string().optional(),
});

/**
 * Schema of a whole {@link Ledger}; a missing array is an empty one. An unknown field,
 * here or in any record, is refused: a misspelt name would otherwise be dropped without
 * a word ("invoice" read as a ledger without invoices, "dispute" as an undisputed
 * invoice that dunning then reminds).
 */
export const ledgerSchema: z.ZodType<Ledger, unknown> = z.strictObject({
  customers: z.array(customerSchema).default([]),
  invoices: z.array(ledgerInvoiceSchema).default([]),
  creditNotes: z.array(ledgerCreditNoteSchema).default([]),
  payments: z.array(ledgerPaymentSchema).default([]),
  refunds: z.array(ledgerRefundSchema).default([]),
  charges: z.array(ledgerChargeSchema).default([]),
  writeOffs: z.array(ledgerWriteOffSchema).default([]),
  allocations: z.array(allocationSchema).default([]),
});
