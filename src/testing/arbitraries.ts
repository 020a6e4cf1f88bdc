/**
 * fast-check arbitraries for hosts' own property tests: money in any ISO currency
 * (0, 2 and 3 decimals), invoice drafts that `calculateInvoice` accepts, consistent
 * ledgers (every allocation within its payment and its invoice), bank transactions
 * and dunning policies. fast-check is an optional peer dependency, imported only by
 * this entry.
 *
 * @module
 */
import fc from 'fast-check';
import type { DunningPolicy } from '../dunning/policy.js';
import { parseDunningPolicy } from '../dunning/policy.js';
import type { InvoiceInput, InvoiceLineInput } from '../invoice/types.js';
import type { Allocation, Ledger, LedgerInvoice, LedgerPayment } from '../ledger/types.js';
import { minorUnitsOf } from '../money/currency.js';
import type { Money } from '../money/money.js';
import type { BankTransaction } from '../statements/types.js';
import { addDays, type IsoDate } from '../terms/date.js';

/** Currencies the arbitraries pick from by default: 2, 0 and 3 decimals. */
export const SAMPLE_CURRENCIES: readonly string[] = ['EUR', 'USD', 'CHF', 'JPY', 'KWD', 'GBP'];

/**
 * A decimal string with exactly `decimals` decimals for an integer count of minor units.
 *
 * @example
 * unitsToAmount(123456n, 2)
 * //=> '1234.56'
 */
export function unitsToAmount(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Options of {@link amountArbitrary}. */
export interface AmountOptions {
  /** Smallest amount in minor units; default 1. */
  readonly minUnits?: bigint;
  /** Largest amount in minor units; default 10^9 (10 million EUR). */
  readonly maxUnits?: bigint;
}

/**
 * Amounts in a currency, as decimal strings on its minor unit.
 *
 * @example
 * fc.sample(amountArbitrary('JPY'), 1)[0]
 * //=> '48213' (for example)
 */
export function amountArbitrary(
  currency: string,
  options: AmountOptions = {},
): fc.Arbitrary<string> {
  const decimals = minorUnitsOf(currency);
  return fc
    .bigInt({ min: options.minUnits ?? 1n, max: options.maxUnits ?? 1_000_000_000n })
    .map((units) => unitsToAmount(units, decimals));
}

/**
 * Money in one of `currencies`.
 *
 * @example
 * fc.sample(moneyArbitrary(['KWD']), 1)[0]
 * //=> { amount: '12.345', currency: 'KWD' } (for example)
 */
export function moneyArbitrary(
  currencies: readonly string[] = SAMPLE_CURRENCIES,
  options: AmountOptions = {},
): fc.Arbitrary<Money> {
  return fc
    .constantFrom(...currencies)
    .chain((currency) =>
      amountArbitrary(currency, options).map((amount) => ({ amount, currency })),
    );
}

/**
 * Calendar dates between two dates, inclusive.
 *
 * @example
 * fc.sample(dateArbitrary('2024-01-01', '2024-01-31'), 1)[0]
 * //=> '2024-01-17' (for example)
 */
export function dateArbitrary(
  from: IsoDate = '2020-01-01',
  to: IsoDate = '2026-12-31',
): fc.Arbitrary<IsoDate> {
  const span = Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000,
  );
  return fc.integer({ min: 0, max: Math.max(0, span) }).map((d) => addDays(from, d));
}

const rates = [
  { vatCategory: 'S', vatRatePercent: '19' },
  { vatCategory: 'S', vatRatePercent: '7' },
  { vatCategory: 'S', vatRatePercent: '20' },
  { vatCategory: 'Z', vatRatePercent: '0' },
] as const;

/**
 * Invoice drafts of 1-10 lines (quantity x net price, or a net amount), standard and
 * zero-rated VAT, that `calculateInvoice` accepts.
 *
 * @example
 * calculateInvoice(fc.sample(invoiceDraftArbitrary(), 1)[0]).isOk()
 * //=> true
 */
export function invoiceDraftArbitrary(
  currencies: readonly string[] = SAMPLE_CURRENCIES,
): fc.Arbitrary<InvoiceInput> {
  return fc.constantFrom(...currencies).chain((currency) => {
    const price = amountArbitrary(currency, { maxUnits: 10_000_000n });
    const line = fc
      .record({
        rate: fc.constantFrom(...rates),
        quantity: fc.integer({ min: 1, max: 100 }).map(String),
        price,
        byAmount: fc.boolean(),
      })
      .map(({ rate, quantity, price: p, byAmount }) => ({ rate, quantity, price: p, byAmount }));
    return fc.array(line, { minLength: 1, maxLength: 10 }).map((lines) => ({
      currency,
      lines: lines.map(
        (l, i): InvoiceLineInput =>
          l.byAmount
            ? { id: String(i + 1), netAmount: l.price, ...l.rate }
            : { id: String(i + 1), quantity: l.quantity, unitNetPrice: l.price, ...l.rate },
      ),
    }));
  });
}

/** Options of {@link ledgerArbitrary}. */
export interface LedgerOptions {
  readonly currency?: string;
  readonly maxCustomers?: number;
  readonly maxInvoices?: number;
}

/**
 * Consistent ledgers in one currency: customers, invoices, and payments each
 * allocated to one invoice of its customer for at most what the invoice and the
 * payment hold (the rest of an overpayment stays unapplied).
 *
 * @example
 * parseLedger(fc.sample(ledgerArbitrary(), 1)[0]).isOk()
 * //=> true
 */
export function ledgerArbitrary(options: LedgerOptions = {}): fc.Arbitrary<Ledger> {
  const currency = options.currency ?? 'EUR';
  const decimals = minorUnitsOf(currency);
  const invoice = fc.record({
    customer: fc.integer({ min: 0, max: (options.maxCustomers ?? 5) - 1 }),
    issueDate: dateArbitrary('2024-01-01', '2024-12-31'),
    terms: fc.constantFrom(0, 14, 30, 60),
    units: fc.bigInt({ min: 1n, max: 10_000_000n }),
    paid: fc.option(
      fc.record({ days: fc.integer({ min: 0, max: 90 }), share: fc.integer({ min: 1, max: 120 }) }),
    ),
  });
  return fc.array(invoice, { maxLength: options.maxInvoices ?? 20 }).map((rows) => {
    const customerIds = [...new Set(rows.map((r) => r.customer))].sort((a, b) => a - b);
    const invoices: LedgerInvoice[] = [];
    const payments: LedgerPayment[] = [];
    const allocations: Allocation[] = [];
    rows.forEach((r, i) => {
      const id = `INV-${i + 1}`;
      const customerId = `C${r.customer + 1}`;
      const amount = unitsToAmount(r.units, decimals);
      invoices.push({
        id,
        customerId,
        currency,
        issueDate: r.issueDate,
        dueDate: addDays(r.issueDate, r.terms),
        amount,
      });
      if (!r.paid) return;
      const paidUnits = (r.units * BigInt(r.paid.share)) / 100n;
      if (paidUnits <= 0n) return;
      const date = addDays(r.issueDate, r.paid.days);
      const pid = `PAY-${i + 1}`;
      payments.push({
        id: pid,
        customerId,
        currency,
        date,
        amount: unitsToAmount(paidUnits, decimals),
      });
      const applied = paidUnits < r.units ? paidUnits : r.units;
      allocations.push({
        id: `AL-${i + 1}`,
        sourceId: pid,
        itemId: id,
        date,
        amount: unitsToAmount(applied, decimals),
      });
    });
    return {
      customers: customerIds.map((c) => ({ id: `C${c + 1}`, name: `Customer ${c + 1}` })),
      invoices,
      creditNotes: [],
      payments,
      refunds: [],
      charges: [],
      writeOffs: [],
      allocations,
    };
  });
}

/**
 * Booked bank transactions (mostly credits), with references or remittance text.
 *
 * @example
 * fc.sample(bankTransactionArbitrary(), 1)[0].direction
 * //=> 'credit' (for example)
 */
export function bankTransactionArbitrary(currency = 'EUR'): fc.Arbitrary<BankTransaction> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: 1_000_000 }),
      date: dateArbitrary('2024-01-01', '2024-12-31'),
      amount: amountArbitrary(currency),
      // One in ten is money going out, which cash application must leave alone.
      debit: fc.integer({ min: 0, max: 9 }).map((d) => d === 0),
      text: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
      name: fc.option(fc.constantFrom('Acme GmbH', 'ACME GMBH', 'Globex Corp.', 'J. Doe'), {
        nil: undefined,
      }),
    })
    .map((r) => ({
      id: `TX-${r.n}`,
      statementId: 'STMT-1',
      bookingDate: r.date,
      valueDate: r.date,
      amount: r.amount,
      currency,
      direction: r.debit ? 'debit' : 'credit',
      reversal: false,
      ...(r.name === undefined ? {} : { counterpartyName: r.name }),
      ...(r.text === undefined ? {} : { remittanceText: r.text }),
    }));
}

const TEMPLATE_IDS = ['reminder-1', 'reminder-2', 'reminder-3', 'final'];

/**
 * Valid dunning policies: 1-4 ascending levels, optional fixed or percentage fees,
 * minimums, grace days and contact limits.
 *
 * @example
 * fc.sample(dunningPolicyArbitrary(), 1)[0].levels.length >= 1
 * //=> true
 */
export function dunningPolicyArbitrary(): fc.Arbitrary<DunningPolicy> {
  const fee = fc.oneof(
    fc.constant(undefined),
    fc.constant({ type: 'fixed' as const, amounts: { EUR: '5.00' } }),
    fc.integer({ min: 1, max: 15 }).map((p) => ({ type: 'percent' as const, percent: String(p) })),
  );
  return fc
    .record({
      days: fc.uniqueArray(fc.integer({ min: -10, max: 120 }), { minLength: 1, maxLength: 4 }),
      fees: fc.array(fee, { minLength: 4, maxLength: 4 }),
      graceDays: fc.integer({ min: 0, max: 5 }),
      minDaysBetweenMessages: fc.integer({ min: 0, max: 14 }),
      minimum: fc.constantFrom('0.00', '10.00', '50.00'),
      finalLast: fc.boolean(),
    })
    .map((r) => {
      const days = [...r.days].sort((a, b) => a - b);
      const levels = days.map((d, i) => ({
        daysAfterDue: d,
        channel: 'email',
        // Built-in template ids, so that the engine can render every level.
        templateId: TEMPLATE_IDS[i]!,
        ...(r.fees[i] ? { fee: r.fees[i] } : {}),
        final: r.finalLast && i === days.length - 1,
      }));
      const input = {
        levels,
        graceDays: r.graceDays,
        minDaysBetweenMessages: r.minDaysBetweenMessages,
        minimumOverdue: { EUR: r.minimum },
      };
      return parseDunningPolicy(input)._unsafeUnwrap();
    });
}
