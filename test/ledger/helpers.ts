import type {
  Ledger,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
} from '../../src/ledger/index.js';
import { EMPTY_LEDGER } from '../../src/ledger/index.js';

export const invoice = (
  id: string,
  amount: string,
  over: Partial<LedgerInvoice> = {},
): LedgerInvoice => ({
  id,
  customerId: 'C1',
  currency: 'EUR',
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  amount,
  ...over,
});

export const payment = (
  id: string,
  amount: string,
  over: Partial<LedgerPayment> = {},
): LedgerPayment => ({
  id,
  customerId: 'C1',
  currency: 'EUR',
  date: '2026-02-01',
  amount,
  ...over,
});

export const creditNote = (
  id: string,
  amount: string,
  over: Partial<LedgerCreditNote> = {},
): LedgerCreditNote => ({
  id,
  customerId: 'C1',
  currency: 'EUR',
  issueDate: '2026-01-05',
  amount,
  ...over,
});

export const charge = (
  id: string,
  kind: LedgerCharge['kind'],
  amount: string,
  over: Partial<LedgerCharge> = {},
): LedgerCharge => ({
  id,
  kind,
  customerId: 'C1',
  currency: 'EUR',
  date: '2026-02-10',
  amount,
  ...over,
});

export const ledgerOf = (parts: Partial<Ledger>): Ledger => ({ ...EMPTY_LEDGER, ...parts });
