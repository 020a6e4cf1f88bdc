import { describe, expect, it } from 'vitest';
import {
  createMessageRenderer,
  DEFAULT_TEMPLATES,
  type DunningAction,
  EMPTY_DUNNING_HISTORY,
  planDunning,
  renderDunningMessage,
  renderStatementOfAccount,
} from '../../src/dunning/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import type { Ledger } from '../../src/ledger/types.js';
import { invoice, ledgerWith, policy } from './helpers.js';

const sender = { name: 'ACME & Söhne GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
const p = policy({
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
    {
      daysAfterDue: 30,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
      claimInterest: true,
    },
  ],
});

function ledgerFor(locale: string, name = 'Muster GmbH'): Ledger {
  const base = ledgerWith({
    invoices: [
      invoice('INV-3', '1250.00', '2024-02-01', {
        number: '2024-0003',
        paymentReference: 'RF18539007547034',
      }),
    ],
  });
  return { ...base, customers: [{ ...base.customers[0]!, locale, name }] };
}

function actionFor(ledger: Ledger, asOf = '2024-02-08'): DunningAction {
  return planDunning(ledger, EMPTY_DUNNING_HISTORY, p, asOf)._unsafeUnwrap().actions[0]!;
}

describe('renderDunningMessage', () => {
  it('writes English, German and French with amounts and dates of the locale', () => {
    const en = renderDunningMessage(actionFor(ledgerFor('en-GB')), { sender })._unsafeUnwrap();
    expect(en.language).toBe('en');
    expect(en.subject).toBe('Payment reminder: 2024-0003');
    expect(en.text).toContain(
      'Due 1 Feb 2024, 7 Days overdue: €1,250.00 (Reference RF18539007547034)',
    );
    expect(en.text).toContain('Total due: €1,250.00');

    const de = renderDunningMessage(actionFor(ledgerFor('de-DE')), { sender })._unsafeUnwrap();
    expect(de.subject).toBe('Zahlungserinnerung: 2024-0003');
    expect(de.text).toContain('Zu zahlen: 1.250,00\u00a0€');
    expect(de.text).toContain('Fällig 01.02.2024');

    const fr = renderDunningMessage(actionFor(ledgerFor('fr-FR')), { sender })._unsafeUnwrap();
    expect(fr.subject).toBe('Rappel de paiement: 2024-0003');
    // French groups thousands with a narrow no-break space and puts a no-break space
    // before the euro sign.
    expect(fr.text).toContain('Total à payer: 1\u202f250,00\u00a0€');
    expect(fr.text).toContain('Échéance 1 févr. 2024');
  });

  it('gives payment instructions with the structured reference of the invoice', () => {
    const m = renderDunningMessage(actionFor(ledgerFor('en-GB')), { sender })._unsafeUnwrap();
    expect(m.text).toContain(
      'Please transfer the total due to ACME & Söhne GmbH, IBAN DE89370400440532013000, ' +
        'BIC COBADEFFXXX, quoting the reference RF18539007547034.',
    );
    expect(m.html).toContain('ACME &amp; Söhne GmbH');
    expect(m.html).toContain('<strong>RF18539007547034</strong>');
  });

  it('shows fees and interest apart from the overdue principal', () => {
    const ledger = ledgerFor('en-GB');
    const first = actionFor(ledger);
    const history = {
      actions: [
        { ...first, channel: 'email', items: [{ itemId: 'INV-3', level: 1 }], charges: [] },
      ],
    };
    const second = planDunning(ledger, history, p, '2024-03-02')._unsafeUnwrap().actions[0]!;
    // 2024-02-02..03-02 = 30 days at 12.50 %: 1250 x 12.5 x 30 / 36500 = 12.842... -> 12.84
    const m = renderDunningMessage(second, { sender })._unsafeUnwrap();
    expect(m.text).toContain('Overdue: €1,250.00');
    expect(m.text).toContain('- Reminder fee (2024-0003): €5.00');
    expect(m.text).toContain('- Late-payment interest (2024-0003): €12.84');
    expect(m.text).toContain('- Fixed compensation for recovery costs (2024-0003): €40.00');
    // 1250.00 + 5.00 + 12.84 + 40.00 = 1307.84
    expect(m.text).toContain('Total due: €1,307.84');
  });

  it('deducts money received but not yet applied', () => {
    const ledger = ledgerFor('en-GB');
    const payments = [
      { id: 'P-1', customerId: 'C1', currency: 'EUR', date: '2024-02-05', amount: '250.00' },
    ];
    const m = renderDunningMessage(actionFor({ ...ledger, payments }), { sender })._unsafeUnwrap();
    // 1250.00 overdue - 250.00 received = 1000.00
    expect(m.text).toContain('Payments not yet applied: -€250.00');
    expect(m.text).toContain('Total due: €1,000.00');
  });

  it('escapes customer data in HTML and keeps line breaks out of the subject', () => {
    const name = '<script>alert("x")</script>\r\nBcc: victim@example.com';
    const ledger = ledgerFor('en-GB', name);
    const base = ledger.invoices[0]!;
    const evil = { ...ledger, invoices: [{ ...base, number: 'INV\r\nX-Injected: yes' }] };
    const m = renderDunningMessage(actionFor(evil), { sender })._unsafeUnwrap();
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toBe('Payment reminder: INV X-Injected: yes');
    expect(m.text).toContain('<script>'); // plain text is not HTML: shown as written
  });

  it('uses the host templates when given, and reports an unknown template', () => {
    const renderer = createMessageRenderer({
      ...DEFAULT_TEMPLATES,
      'reminder-1': {
        en: { subject: 'Hi {{customerName}}', text: '{{totalDue}}', html: '<b>{{totalDue}}</b>' },
      },
    });
    const m = renderer.renderDunningMessage(actionFor(ledgerFor('en-GB')))._unsafeUnwrap();
    expect([m.subject, m.text, m.html]).toEqual([
      'Hi Muster GmbH',
      '€1,250.00',
      '<b>€1,250.00</b>',
    ]);
    const none = createMessageRenderer({}).renderDunningMessage(actionFor(ledgerFor('en-GB')));
    expect(none._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', kind: 'template' });
  });
});

describe('renderStatementOfAccount', () => {
  it('lists open items, the aging summary and unapplied cash', () => {
    const ledger: Ledger = {
      ...ledgerFor('de-DE'),
      invoices: [
        invoice('INV-1', '100.00', '2024-01-10'),
        invoice('INV-2', '200.00', '2024-03-20'),
      ],
      payments: [
        { id: 'P-1', customerId: 'C1', currency: 'EUR', date: '2024-03-01', amount: '30.00' },
      ],
    };
    const balances = balancesAsOf(ledger, '2024-03-15');
    const m = renderStatementOfAccount(
      { balances, customer: ledger.customers[0]!, currency: 'EUR' },
      undefined,
      { sender },
    )._unsafeUnwrap();
    expect(m.subject).toBe('Kontoauszug 15.03.2024');
    // INV-1 is 65 days past due (2024-01-10 -> 2024-03-15): bucket 61-90.
    expect(m.text).toContain('- Noch nicht fällig: 200,00\u00a0€');
    expect(m.text).toContain('- 61-90: 100,00\u00a0€');
    expect(m.text).toContain('Noch nicht zugeordnete Zahlungen: 30,00\u00a0€');
    // 100.00 + 200.00 - 30.00 = 270.00
    expect(m.text).toContain('Saldo: 270,00\u00a0€');
  });
});

describe('renderDunningMessage: a locale without templates', () => {
  it('writes in the language of the template it uses, numbers and lang included', () => {
    const ar = renderDunningMessage(actionFor(ledgerFor('ar-EG')), { sender })._unsafeUnwrap();
    expect(ar.language).toBe('en');
    expect(ar.html).toContain('<html lang="en">');
    // English text with Western digits, as the English template is used.
    expect(ar.text).toContain('Total due: €1,250.00');
    expect(ar.text).not.toMatch(/[\u0660-\u0669]/);
  });

  it('falls back to the policy default locale when the template has it', () => {
    const options = { sender, fallbackLocale: 'de-DE' };
    const xx = renderDunningMessage(actionFor(ledgerFor('xx')), options)._unsafeUnwrap();
    expect(xx.language).toBe('de');
    expect(xx.html).toContain('<html lang="de">');
    expect(xx.text).toContain('Zu zahlen: 1.250,00\u00a0€');
    // A fallback without templates of its own (Arabic) ends in English.
    const none = { sender, fallbackLocale: 'ar-EG' };
    expect(renderDunningMessage(actionFor(ledgerFor('xx')), none)._unsafeUnwrap().language).toBe(
      'en',
    );
  });
});

describe('renderDunningMessage: bidi controls in data', () => {
  it('strips overrides and isolates from names and references in every part', () => {
    const name = 'Evil \u202eRTL\u202c Co \u2066iso\u2069 \u2067x\u2068y\u202a\u202b\u202d';
    const rendered = renderDunningMessage(actionFor(ledgerFor('en-GB', name)), {
      sender: { ...sender, name: 'ACME\u202e 1.250,00' },
    })._unsafeUnwrap();
    for (const part of [rendered.subject, rendered.text, rendered.html]) {
      expect(part).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    expect(rendered.text).toContain('Dear Evil RTL Co iso xy,');
    expect(rendered.text).toContain('ACME 1.250,00');
  });
});
