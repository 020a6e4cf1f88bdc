/**
 * The invoice mail: a readable HTML body and a plain-text twin, built from the
 * calculation (lines, VAT breakdown, totals) with every value from data escaped.
 * Amounts are formatted for the customer's locale with `Intl`; the figures
 * themselves are the calculation's exact decimal strings.
 *
 * @module
 */
import type { InvoiceCalculation, InvoiceInput } from '../invoice/types.js';
import type { Customer, LedgerInvoice } from '../ledger/types.js';
import type { MailMessage } from '../ports/mailer.js';

/**
 * Text made safe for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"Acme" & Co</b>')
 * //=> '&lt;b&gt;&quot;Acme&quot; &amp; Co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const formatters = new Map<string, (amount: string) => string>();

function formatter(locale: string, currency: string): (amount: string) => string {
  const key = `${locale} ${currency}`;
  let format = formatters.get(key);
  if (format === undefined) {
    try {
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency });
      // Intl takes a decimal string exactly (no float conversion) in current engines.
      format = (amount) => intl.format(amount as unknown as number);
    } catch {
      format = (amount) => `${amount} ${currency}`;
    }
    // Building an Intl.NumberFormat costs far more than using one: keep one per pair.
    formatters.set(key, format);
  }
  return format;
}

/** What the invoice mail shows. */
export interface InvoiceMailInput {
  readonly invoice: LedgerInvoice;
  readonly input: InvoiceInput;
  readonly calculation: InvoiceCalculation;
  readonly customer: Customer;
  readonly from: string;
  readonly sellerName?: string;
  readonly paymentLink?: string;
}

/**
 * The invoice as a mail message (no attachments yet).
 *
 * @example
 * renderInvoiceMail(mail).subject
 * //=> 'Invoice INV-2024-000001 from Seller GmbH'
 */
export function renderInvoiceMail(m: InvoiceMailInput): MailMessage {
  const { invoice, calculation: c } = m;
  const number = invoice.number ?? invoice.id;
  const money = formatter(m.customer.locale ?? 'en-GB', c.currency);
  const names = new Map(m.input.lines.map((l) => [l.id, l.itemName ?? l.id]));
  const seller = m.sellerName ?? m.from;
  const rows = c.lines.map((l) => [
    names.get(l.id) ?? l.id,
    `${l.vatRatePercent} %`,
    money(l.netAmount),
  ]);
  const vat = c.vatBreakdown.map((b) => [
    `VAT ${b.vatCategory} ${b.vatRatePercent} % on ${money(b.taxableAmount)}`,
    money(b.taxAmount),
  ]);
  const totals: [string, string][] = [
    ['Total without VAT', money(c.totals.taxExclusiveAmount)],
    ...(vat as [string, string][]),
    ['Total with VAT', money(c.totals.taxInclusiveAmount)],
    ['Amount due', money(c.totals.amountDue)],
  ];
  const pay = [
    `Due date: ${invoice.dueDate}`,
    ...(invoice.paymentReference ? [`Payment reference: ${invoice.paymentReference}`] : []),
    ...(m.paymentLink ? [`Pay online: ${m.paymentLink}`] : []),
  ];
  const text = [
    `Invoice ${number} from ${seller}`,
    `To: ${m.customer.name}`,
    `Issue date: ${invoice.issueDate}`,
    '',
    ...rows.map(([name, rate, net]) => `${name}  (VAT ${rate})  ${net}`),
    '',
    ...totals.map(([label, value]) => `${label}: ${value}`),
    '',
    ...pay,
  ].join('\n');
  const e = escapeHtml;
  const cells = (r: readonly string[]) => r.map((v) => `<td>${e(v)}</td>`).join('');
  const html = [
    `<h1>Invoice ${e(number)}</h1>`,
    `<p>From ${e(seller)} to ${e(m.customer.name)}, issued ${e(invoice.issueDate)}.</p>`,
    '<table><thead><tr><th>Item</th><th>VAT</th><th>Net</th></tr></thead><tbody>',
    ...rows.map((r) => `<tr>${cells(r)}</tr>`),
    '</tbody></table>',
    '<table>',
    ...totals.map(([label, value]) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`),
    '</table>',
    `<p>${pay.map((p) => e(p)).join('<br>')}</p>`,
    ...(m.paymentLink ? [`<p><a href="${e(m.paymentLink)}">Pay online</a></p>`] : []),
  ].join('\n');
  const to = m.customer.email ? [m.customer.email] : [];
  return { from: m.from, to, subject: `Invoice ${number} from ${seller}`, text, html };
}
