/**
 * The demo's book: a Swiss customer whose two payments are in the bundled camt.053
 * statement, and three customers in the euro area at different stages of being
 * late. Amounts of the Swiss invoices are the amounts the statement credits, so the
 * import has something real to match; their payment references are the Swiss ESR
 * references the statement carries (one of which the payer mistyped).
 *
 * @module
 */
import type { IssueInvoiceRequest } from '../../engine/types.js';
import type { Customer } from '../../ledger/types.js';

/** Customers of the demo business. */
export const DEMO_CUSTOMERS: readonly Customer[] = [
  {
    id: 'C-BCV',
    name: 'Banque Cantonale Vaudoise',
    email: 'creditors@bcv.example',
    locale: 'fr-CH',
    timeZone: 'Europe/Zurich',
    accounts: ['CH2222000000123456789'],
  },
  {
    id: 'C-ACME',
    name: 'Acme Maschinenbau GmbH',
    email: 'buchhaltung@acme.example',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
  },
  {
    id: 'C-NORD',
    name: 'Nordic Design Ltd',
    email: 'accounts@nordic.example',
    locale: 'en-GB',
    timeZone: 'Europe/London',
  },
  {
    id: 'C-LUM',
    name: 'Lumière SARL',
    email: 'compta@lumiere.example',
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
  },
];

/**
 * ESR references printed on the Swiss invoices (27 digits, recursive mod 10). The
 * statement's first payment quotes ...11111 instead of ...11116: a typo in the
 * check digit, which the matcher has to see through.
 */
export const DEMO_REFERENCES: Readonly<Record<string, string>> = {
  'D-2017-001': '302388292000011111111111116',
  'D-2017-002': '302388292000022222222222222',
};

const swiss = (id: string, gross: string, issueDate: string, dueDate: string) =>
  ({
    id,
    customerId: 'C-BCV',
    issueDate,
    dueDate,
    input: {
      currency: 'CHF',
      pricesIncludeTax: true,
      lines: [
        {
          id: '1',
          itemName: 'Hosting and support, February 2017',
          quantity: '1',
          unitNetPrice: gross,
          vatCategory: 'S',
          vatRatePercent: '8',
        },
      ],
    },
  }) satisfies IssueInvoiceRequest;

/** The invoices the demo issues, in issue order. */
export const DEMO_INVOICES: readonly IssueInvoiceRequest[] = [
  {
    id: 'D-2017-000',
    customerId: 'C-ACME',
    issueDate: '2017-01-16',
    dueDate: '2017-02-15',
    input: {
      currency: 'EUR',
      lines: [
        {
          id: '1',
          itemName: 'Spindle motor SM-40',
          quantity: '3',
          unitNetPrice: '45.00',
          vatCategory: 'S',
          vatRatePercent: '19',
        },
        {
          id: '2',
          itemName: 'Installation (hours)',
          quantity: '6.5',
          unitNetPrice: '92.00',
          vatCategory: 'S',
          vatRatePercent: '19',
        },
      ],
      allowances: [
        { amount: '60.00', reason: 'Loyalty discount', vatCategory: 'S', vatRatePercent: '19' },
      ],
    },
  },
  swiss('D-2017-001', '2187.00', '2017-02-20', '2017-03-22'),
  swiss('D-2017-002', '1296.00', '2017-02-21', '2017-03-23'),
  swiss('D-2017-003', '540.00', '2017-02-28', '2017-03-30'),
  {
    id: 'D-2017-004',
    customerId: 'C-NORD',
    issueDate: '2017-03-10',
    dueDate: '2017-04-09',
    input: {
      currency: 'EUR',
      lines: [
        {
          id: '1',
          itemName: 'Brand workshop',
          quantity: '2',
          unitNetPrice: '299.33',
          vatCategory: 'S',
          vatRatePercent: '20',
        },
        {
          id: '2',
          itemName: 'Printed guidelines',
          quantity: '1',
          unitNetPrice: '179.33',
          vatCategory: 'S',
          vatRatePercent: '20',
        },
      ],
    },
  },
  {
    id: 'D-2017-005',
    customerId: 'C-LUM',
    issueDate: '2017-04-20',
    dueDate: '2017-05-20',
    input: {
      currency: 'EUR',
      lines: [
        {
          id: '1',
          itemName: 'Éclairage de scène',
          quantity: '4',
          unitNetPrice: '125.00',
          vatCategory: 'S',
          vatRatePercent: '20',
        },
      ],
    },
  },
];

/** When each step of the demo happens (the engine's clock is set to these). */
export const DEMO_DATES = {
  statementImport: '2017-03-23T09:00:00Z',
  /** Dunning runs: a customer moves up one level per run at most. */
  dunningRuns: ['2017-03-01', '2017-03-24', '2017-04-28'],
  report: '2017-04-28',
} as const;

/**
 * The demo business's reminder policy: a friendly reminder a week after the due
 * date, a second one with a fee after three weeks, a final notice after seven.
 * No statutory interest: the bundled reference-rate table starts in 2023, after the
 * demo's statement.
 */
export const DEMO_POLICY: unknown = {
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
    {
      daysAfterDue: 21,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00', CHF: '5.00' } },
    },
    { daysAfterDue: 49, channel: 'email', templateId: 'final', final: true },
  ],
  minimumOverdue: { EUR: '10.00', CHF: '10.00' },
  minDaysBetweenMessages: 7,
  grouping: 'customer',
  escalation: 'one-level-at-a-time',
  defaultLocale: 'en-GB',
  sender: {
    name: 'Receivables Demo AG',
    email: 'billing@demo.example',
    iban: 'CH9300762011623852957',
  },
};
