/**
 * Payment terms with `receivables`: due dates, business days, instalments and
 * early-payment discounts. Run with `npx tsx examples/terms.ts`. It prints:
 *
 *     issued 2020-06-11, EOM + 1 month -> due 2020-07-31
 *     issued 2024-01-15, EOM + 1 month -> due 2024-02-29
 *     issued 2024-02-10, EOM + 1 month -> due 2024-03-31
 *     net 30 from 2024-08-01, following -> 2024-09-03
 *     net 30 from 2024-08-01, modified-following -> 2024-08-30
 *     5.47 EUR in thirds, largest-remainder: 1.83, 1.82, 1.82
 *     5.47 EUR in thirds, last-absorbs: 1.82, 1.82, 1.83
 *     offers for the ledger: [{"until":"2024-03-11","percent":"2","baseAmount":"1190.00"},
 *       {"until":"2024-03-21","percent":"1","baseAmount":"1190.00"}]
 *     paid 2024-03-11: discount 23.80, pays 1166.20 (tier 1: 2 % until 2024-03-11)
 *     paid 2024-03-12: discount 11.90, pays 1178.10 (tier 2: 1 % until 2024-03-21)
 *     paid 2024-03-22: discount 0.00, pays 1190.00
 *     Invalid payment terms: "net thirty": not a form of terms this reader knows
 */
import { money } from '../src/money/index.js';
import {
  discountFor,
  discountOffers,
  dueDate,
  instalmentSchedule,
  type PaymentTerms,
  parsePaymentTerms,
} from '../src/terms/index.js';

// "1 month after end of month": the last day of the month after the invoice month.
const eom1: PaymentTerms = { kind: 'end-of-month', months: 1 };
for (const issued of ['2020-06-11', '2024-01-15', '2024-02-10']) {
  console.log(`issued ${issued}, EOM + 1 month -> due ${dueDate(issued, eom1)._unsafeUnwrap()}`);
}

// Net 30 from 1 August 2024 lands on Saturday 31 August; Monday 2 September is a
// holiday in this calendar, so `following` goes to Tuesday.
const net30: PaymentTerms = { kind: 'net', days: 30 };
const calendar = { holidays: ['2024-09-02'] };
for (const convention of ['following', 'modified-following'] as const) {
  const due = dueDate('2024-08-01', net30, { calendar, convention })._unsafeUnwrap();
  console.log(`net 30 from 2024-08-01, ${convention} -> ${due}`);
}

// Three instalments of 33.34 / 33.33 / 33.33 %: always exactly the total.
const thirds: PaymentTerms = {
  kind: 'instalments',
  instalments: ['33.34', '33.33', '33.33'].map((percent) => ({
    percent,
    terms: { kind: 'end-of-month', months: 1 },
  })),
};
for (const policy of ['largest-remainder', 'last-absorbs'] as const) {
  const parts = instalmentSchedule(money('5.47', 'EUR'), thirds, { policy })._unsafeUnwrap();
  console.log(`5.47 EUR in thirds, ${policy}: ${parts.map((p) => p.amount.amount).join(', ')}`);
}

// "2/10, 1/20 net 30" from text, the discount on the gross amount.
const terms = parsePaymentTerms('2/10, 1/20 net 30', { discountBase: 'gross' })._unsafeUnwrap();
const invoice = { issueDate: '2024-03-01', terms, grossAmount: money('1190.00', 'EUR') };
console.log(
  'offers for the ledger:',
  JSON.stringify(discountOffers('2024-03-01', terms, invoice)._unsafeUnwrap()),
);
for (const paid of ['2024-03-11', '2024-03-12', '2024-03-22']) {
  const d = discountFor(invoice, paid)._unsafeUnwrap();
  console.log(
    `paid ${paid}: discount ${d.discount.amount}, pays ${d.amountAfterDiscount.amount}` +
      (d.tier ? ` (tier ${d.tier.index + 1}: ${d.tier.percent} % until ${d.tier.until})` : ''),
  );
}

// Bad input is a value, never an exception.
console.log(
  parsePaymentTerms('net thirty').match(
    () => 'ok',
    (e) => e.message,
  ),
);
