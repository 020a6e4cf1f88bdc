import { describe, expect, it } from 'vitest';
import { matchPayments, paymentReferenceFor } from '../../src/matching/index.js';
import { ACME, ACME_IBAN, BETA, credit, invoice, MUELLER } from './helpers.js';

const rf = (n: string) => paymentReferenceFor(n)._unsafeUnwrap().value;
const customers = [ACME, BETA, MUELLER];
const one = (...args: Parameters<typeof matchPayments>) =>
  matchPayments(...args)._unsafeUnwrap().decisions[0]!;

describe('structured references', () => {
  const items = [
    invoice('INV-2024-0117', 'C-88', '1000.00', '2024-03-01', {
      paymentReference: rf('INV-2024-0117'),
    }),
  ];

  it('applies an exact RF reference with the exact amount automatically', () => {
    const tx = credit('t1', '1000.00', {
      structuredReference: { value: rf('INV-2024-0117'), scheme: 'iso11649', valid: true },
    });
    const d = one([tx], items, customers);
    expect(d.status).toBe('auto');
    expect(d.allocations).toEqual([
      {
        kind: 'payment',
        itemId: 'INV-2024-0117',
        customerId: 'C-88',
        currency: 'EUR',
        amount: '1000.00',
      },
    ]);
    expect(d.signals[0]!.detail).toBe(
      `reference ${rf('INV-2024-0117')} is the payment reference of INV-2024-0117`,
    );
    expect(d.policyVersion).toBe('matching-2024.2');
  });

  it('finds an RF reference written in groups of four in the text', () => {
    const grouped = paymentReferenceFor('INV-2024-0117')._unsafeUnwrap().formatted;
    const d = one(
      [credit('t1', '1000.00', { remittanceText: `Payment ${grouped} thanks` })],
      items,
      customers,
    );
    expect(d.status).toBe('auto');
    expect(d.signals.map((s) => s.code)).toContain('reference_exact');
  });

  it('reads a reference that fails its check digits as text, and says so', () => {
    const tx = credit('t1', '1000.00', {
      structuredReference: { value: 'RF00INV20240117', scheme: 'iso11649', valid: false },
    });
    const d = one([tx], items, customers);
    expect(d.signals.map((s) => s.code)).toContain('reference_invalid');
  });
});

describe('invoice numbers in free text', () => {
  const items = [
    invoice('INV-2024-0117', 'C-88', '1000.00', '2024-03-01'),
    invoice('INV-2024-0118', 'C-88', '250.00', '2024-03-02'),
    invoice('INV-1', 'C-1', '100.00', '2024-03-05'),
    invoice('INV-10', 'C-1', '110.00', '2024-03-05'),
  ];
  it.each([
    ['INV-2024-0117', 'invoice_number'],
    ['inv 2024 0117', 'invoice_number'],
    ['Rechnung 2024/117', 'invoice_number_loose'],
    ['RE 20240117', 'invoice_number_loose'],
    ['Invoice no. 2024-00117, thank you', 'invoice_number_loose'],
  ])('finds INV-2024-0117 written as %s', (text, code) => {
    const d = one([credit('t1', '1000.00', { remittanceText: text })], items, customers);
    expect(d.allocations[0]?.itemId).toBe('INV-2024-0117');
    expect(d.signals[0]!.code).toBe(code);
    expect(d.status).toBe('auto');
  });

  it('does not read INV-1 inside INV-10', () => {
    const d = one([credit('t1', '110.00', { remittanceText: 'INV-10' })], items, customers);
    expect(d.allocations.map((a) => a.itemId)).toEqual(['INV-10']);
    const e = one([credit('t1', '100.00', { remittanceText: 'INV-1' })], items, customers);
    expect(e.allocations.map((a) => a.itemId)).toEqual(['INV-1']);
  });

  it('applies one payment to several invoices named in one line', () => {
    const text = 'INV-2024-0117, INV-2024-0118';
    const d = one([credit('t1', '1250.00', { remittanceText: text })], items, customers);
    expect(d.status).toBe('auto');
    expect(d.allocations.map((a) => [a.itemId, a.amount])).toEqual([
      ['INV-2024-0117', '1000.00'],
      ['INV-2024-0118', '250.00'],
    ]);
  });

  it('finds a number one edit away, with a typo signal', () => {
    const d = one(
      [
        credit('t1', '1000.00', {
          remittanceText: 'INV-2024-01177',
          counterpartyAccount: ACME_IBAN,
        }),
      ],
      items,
      customers,
    );
    expect(d.allocations[0]?.itemId).toBe('INV-2024-0117');
    expect(d.signals.map((s) => s.code)).toContain('invoice_number_typo');
  });

  it('does not read a date as an invoice number', () => {
    const dated = [invoice('2024-0117', 'C-1', '77.00', '2024-03-01')];
    const d = one([credit('t1', '77.00', { remittanceText: 'paid on 2024-01-17' })], dated, []);
    expect(d.signals.map((s) => s.code)).not.toContain('invoice_number_loose');
  });
});

describe('the payer', () => {
  const items = [
    invoice('INV-5', 'C-88', '500.00', '2024-03-01'),
    invoice('INV-6', 'C-7', '640.00', '2024-03-01'),
  ];
  it('is identified by an IBAN on file', () => {
    const d = one([credit('t1', '500.00', { counterpartyAccount: ACME_IBAN })], items, customers);
    expect(d.status).toBe('auto');
    expect(d.signals[0]!.detail).toBe(`payer account ${ACME_IBAN} is on file for customer C-88`);
  });
  it('is identified by name whatever the legal form and case', () => {
    const d = one([credit('t1', '500.00', { counterpartyName: 'ACME GMBH' })], items, customers);
    expect(d.signals[0]!.detail).toBe(
      "payer name 'ACME GMBH' is the name of customer C-88 ('Acme GmbH & Co. KG')",
    );
  });
  it('is identified by a similar name (accents, word order, typo)', () => {
    const d = one(
      [credit('t1', '640.00', { counterpartyName: 'MASCHINENBAU MUELER' })],
      items,
      customers,
    );
    expect(d.customerId).toBe('C-7');
    expect(d.signals[0]!.code).toBe('payer_name_fuzzy');
    expect(d.signals[0]!.detail).toMatch(/^name 'MASCHINENBAU MUELER' ~ 'Müller Maschinenbau AG'/);
  });
  it('stays unknown for a stranger, and the payment is not applied', () => {
    const d = one([credit('t1', '999.99', { counterpartyName: 'Someone Else' })], items, customers);
    expect(d.status).toBe('unmatched');
    expect(d.allocations).toEqual([]);
  });
});
