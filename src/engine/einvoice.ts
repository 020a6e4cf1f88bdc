/**
 * The e-invoice attached to invoice mails unless the host supplies its own.
 *
 * @module
 */
import { toUblInvoice } from '../einvoice/index.js';
import type { InvoiceCalculation, InvoiceInput } from '../invoice/types.js';
import type { Customer } from '../ledger/types.js';
import type { MailAttachment } from '../ports/mailer.js';
import type { InvoiceRecord } from '../ports/records.js';

/**
 * The default e-invoice attachment: the invoice as an EN 16931 UBL 2.1 document,
 * with the seller and buyer names the engine knows (addresses and VAT ids are the
 * host's to add through `policies.eInvoice`).
 */
export function ublAttachment(
  invoice: InvoiceRecord,
  calculation: InvoiceCalculation,
  input: InvoiceInput,
  customer: Customer,
  sellerName: string | undefined,
): MailAttachment {
  const number = invoice.number ?? invoice.id;
  const xml = toUblInvoice(input, calculation, {
    id: number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    buyer: { name: customer.name, id: customer.id },
    ...(sellerName ? { seller: { name: sellerName } } : {}),
    ...(invoice.paymentReference ? { paymentReference: invoice.paymentReference } : {}),
  });
  return { filename: `invoice-${number}.xml`, contentType: 'application/xml', content: xml };
}
