/**
 * A small ledger whose metrics are computed by hand in the tests. Customers: A
 * (segment north), B (segment south), C and D (no segment). All EUR.
 *
 * January 2026: INV-A1 600.00 (issued 01-05, due 01-20) paid 01-25 by PA1 (5 days
 * late, 20 days to pay); INV-B1 400.00 (issued 01-10, due 02-09) stays open.
 * February: no sales at all.
 * March: INV-C1 300.00 to C (issued 03-02, due 04-01); credit note CN-B1 500.00 to B
 * (03-05), 400.00 of it applied to INV-B1 the same day: net sales 300 - 500 = -200,
 * and B keeps 100.00 of unapplied credit.
 * April: INV-A2 1000.00 (issued 04-01, due 04-15); B's 100.00 credit refunded 04-05;
 * C pays INV-C1 on 04-10 (PC1, 9 days late, 39 days to pay); A pays 400.00 of INV-A2
 * on 04-30 (PA2, 15 days late, 29 days to pay).
 * May: INV-D1 200.00 to D (issued 05-01, due 05-31); D has never paid.
 */
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';

const eur = { currency: 'EUR' } as const;

export const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [
    { id: 'A', name: 'Alpha', segment: 'north' },
    { id: 'B', name: 'Beta', segment: 'south' },
    { id: 'C', name: 'Gamma' },
    { id: 'D', name: 'Delta' },
  ],
  invoices: [
    {
      ...eur,
      id: 'INV-A1',
      customerId: 'A',
      issueDate: '2026-01-05',
      dueDate: '2026-01-20',
      amount: '600.00',
    },
    {
      ...eur,
      id: 'INV-B1',
      customerId: 'B',
      issueDate: '2026-01-10',
      dueDate: '2026-02-09',
      amount: '400.00',
    },
    {
      ...eur,
      id: 'INV-C1',
      customerId: 'C',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
      amount: '300.00',
    },
    {
      ...eur,
      id: 'INV-A2',
      customerId: 'A',
      issueDate: '2026-04-01',
      dueDate: '2026-04-15',
      amount: '1000.00',
    },
    {
      ...eur,
      id: 'INV-D1',
      customerId: 'D',
      issueDate: '2026-05-01',
      dueDate: '2026-05-31',
      amount: '200.00',
    },
  ],
  creditNotes: [
    {
      ...eur,
      id: 'CN-B1',
      customerId: 'B',
      issueDate: '2026-03-05',
      amount: '500.00',
      invoiceId: 'INV-B1',
    },
  ],
  payments: [
    { ...eur, id: 'PA1', customerId: 'A', date: '2026-01-25', amount: '600.00' },
    { ...eur, id: 'PC1', customerId: 'C', date: '2026-04-10', amount: '300.00' },
    { ...eur, id: 'PA2', customerId: 'A', date: '2026-04-30', amount: '400.00' },
  ],
  refunds: [
    { ...eur, id: 'RB1', customerId: 'B', date: '2026-04-05', amount: '100.00', sourceId: 'CN-B1' },
  ],
  allocations: [
    { id: 'AL1', sourceId: 'PA1', itemId: 'INV-A1', amount: '600.00', date: '2026-01-25' },
    { id: 'AL2', sourceId: 'CN-B1', itemId: 'INV-B1', amount: '400.00', date: '2026-03-05' },
    { id: 'AL3', sourceId: 'PC1', itemId: 'INV-C1', amount: '300.00', date: '2026-04-10' },
    { id: 'AL4', sourceId: 'PA2', itemId: 'INV-A2', amount: '400.00', date: '2026-04-30' },
  ],
};
