/**
 * Computing an invoice with the library API: the official EN 16931 example
 * ubl-tc434-example5.xml (DKK, two VAT rates, a line allowance and a line charge,
 * document allowance and charge, a prepaid half), with its data written out here.
 *
 * Run: npx tsx examples/invoice.ts
 */
import { calculateInvoice, type InvoiceInput } from '../src/invoice/index.js';

const s25 = { vatCategory: 'S', vatRatePercent: '25' } as const;
const invoice: InvoiceInput = {
  number: 'TOSL110',
  issueDate: '2013-04-10',
  currency: 'DKK',
  lines: [
    {
      id: '1',
      itemName: 'Printing paper',
      quantity: '1000',
      unitNetPrice: '1.00',
      allowances: [{ percent: '10', baseAmount: '1000.00', reason: 'Loyal customer' }],
      charges: [{ percent: '10', baseAmount: '1000.00', reason: 'Packaging' }],
      ...s25,
    },
    { id: '2', itemName: 'Parker Pen', quantity: '100', unitNetPrice: '5.00', ...s25 },
    {
      id: '3',
      itemName: 'American Cookies',
      quantity: '500',
      unitNetPrice: '5.00',
      vatCategory: 'S',
      vatRatePercent: '12',
    },
  ],
  allowances: [{ percent: '10', baseAmount: '1500.00', reason: 'Loyal customer', ...s25 }],
  charges: [{ percent: '10', baseAmount: '1500.00', reason: 'Packaging', ...s25 }],
  prepaidAmount: '2337.50',
};

const result = calculateInvoice(invoice);
if (result.isErr()) {
  console.error(result.error.message);
  process.exitCode = 1;
} else {
  const { vatBreakdown, totals } = result.value;
  for (const g of vatBreakdown) {
    console.log(`VAT ${g.vatCategory} ${g.vatRatePercent} %: ${g.taxableAmount} -> ${g.taxAmount}`);
  }
  console.log(`Total with VAT ${totals.taxInclusiveAmount}, due ${totals.amountDue} DKK`);
}
// Prints (the figures the example file states):
// VAT S 12 %: 2500.00 -> 300.00
// VAT S 25 %: 1500.00 -> 375.00
// Total with VAT 4675.00, due 2337.50 DKK
