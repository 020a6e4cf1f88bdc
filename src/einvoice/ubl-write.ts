/**
 * Writes an OASIS UBL 2.1 Invoice, or CreditNote for a credit note type code, with
 * the EN 16931 core (CEN/TS 16931-3-2 syntax binding) from the calculation input and
 * its result: document data, seller and buyer, payment means, document allowances
 * and charges, the VAT breakdown, the totals and the lines. What the model does not
 * hold is left out: delivery, periods, references to orders and contracts,
 * attachments, the VAT total in an accounting currency. `readEInvoice` reads the
 * written document back to the same figures (a property test checks it).
 *
 * @module
 */
import { invariant } from '../errors/index.js';
import type { ExemptionReason, InvoiceCalculation, InvoiceInput } from '../invoice/types.js';
import { Dec } from '../money/decimal.js';
import {
  amount,
  documentAllowanceCharges,
  taxCategory,
  type UblContext,
  ublLine,
} from './ubl-write-lines.js';
import { element, parent } from './xml-write.js';

/** A seller (BG-4) or buyer (BG-7) as the document names it. */
export interface UblParty {
  /** Registration name (BT-27 / BT-44). */
  readonly name?: string;
  /** Seller or buyer identifier (BT-29 / BT-46). */
  readonly id?: string;
  /** VAT identifier (BT-31 / BT-48), e.g. `DE123456789`. */
  readonly vatId?: string;
  /** Legal registration identifier (BT-30 / BT-47). */
  readonly legalId?: string;
  readonly street?: string;
  readonly city?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 country code (BT-40 / BT-55), mandatory in EN 16931. */
  readonly countryCode?: string;
  /** Electronic address (BT-34 / BT-49) with its EAS scheme, e.g. `0088`. */
  readonly electronicAddress?: { readonly id: string; readonly scheme: string };
}

/** The document data besides lines and totals; every field is optional. */
export interface UblInvoiceDetails {
  /** Invoice number (BT-1); `input.number`, then `input.id`, when absent. */
  readonly id?: string;
  /** Issue date (BT-2), `YYYY-MM-DD`; `input.issueDate` when absent. */
  readonly issueDate?: string;
  /** Payment due date (BT-9). */
  readonly dueDate?: string;
  /** Buyer reference (BT-10). */
  readonly buyerReference?: string;
  /** Invoice note (BT-22). */
  readonly note?: string;
  readonly seller?: UblParty;
  readonly buyer?: UblParty;
  /** Payment means code (BT-81, UNTDID 4461); `30` (credit transfer) by default. */
  readonly paymentMeansCode?: string;
  /** Remittance information (BT-83), e.g. an RF creditor reference. */
  readonly paymentReference?: string;
  /** The account to pay into (BT-84), e.g. an IBAN. */
  readonly payeeAccount?: string;
}

const NAMESPACE = 'urn:oasis:names:specification:ubl:schema:xsd:';
/** UNTDID 1001 codes EN 16931 treats as credit notes (written as a UBL CreditNote). */
const CREDIT_CODES: ReadonlySet<string> = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);

function party(name: string, p: UblParty | undefined): string {
  const address = p?.electronicAddress;
  return parent(name, [
    parent('cac:Party', [
      element('cbc:EndpointID', address?.id, { schemeID: address?.scheme }),
      parent('cac:PartyIdentification', [element('cbc:ID', p?.id)]),
      parent('cac:PostalAddress', [
        element('cbc:StreetName', p?.street),
        element('cbc:CityName', p?.city),
        element('cbc:PostalZone', p?.postalCode),
        parent('cac:Country', [element('cbc:IdentificationCode', p?.countryCode)]),
      ]),
      p?.vatId === undefined
        ? ''
        : parent('cac:PartyTaxScheme', [
            element('cbc:CompanyID', p.vatId),
            parent('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
          ]),
      parent('cac:PartyLegalEntity', [
        element('cbc:RegistrationName', p?.name),
        element('cbc:CompanyID', p?.legalId),
      ]),
    ]),
  ]);
}

function paymentMeans(details: UblInvoiceDetails, credit: boolean): string {
  // A UBL 2.1 CreditNote has no document DueDate: its BT-9 lives in the payment means.
  const due = credit ? details.dueDate : undefined;
  if (due === undefined && details.paymentReference === undefined && !details.payeeAccount) {
    return '';
  }
  return parent('cac:PaymentMeans', [
    element('cbc:PaymentMeansCode', details.paymentMeansCode ?? '30'),
    element('cbc:PaymentDueDate', due),
    element('cbc:PaymentID', details.paymentReference),
    parent('cac:PayeeFinancialAccount', [element('cbc:ID', details.payeeAccount)]),
  ]);
}

const nonZero = (value: string) => (new Dec(value).isZero() ? undefined : value);

/**
 * The invoice as a UBL 2.1 document (an `Invoice`, or a `CreditNote` for type codes
 * such as 381), with `urn:cen.eu:en16931:2017` as its specification identifier.
 * Every text is XML-escaped. Amounts are the calculation's own strings.
 *
 * @param input - the invoice as it was computed
 * @param calculation - `calculateInvoice(input)`, giving every amount written
 * @param details - number, dates, parties and payment data (see {@link UblInvoiceDetails})
 * @throws InvariantError when neither `details` nor `input` give the number or issue
 *   date, or the calculation is not of this input (programmer misuse)
 *
 * @example
 * const input = {
 *   currency: 'EUR',
 *   number: 'INV-1',
 *   issueDate: '2025-01-31',
 *   lines: [{ id: '1', netAmount: '10.00', vatCategory: 'S', vatRatePercent: '19' }],
 * } as const;
 * const xml = toUblInvoice(input, calculateInvoice(input)._unsafeUnwrap());
 * readEInvoice(xml).map((doc) => doc.stated.amountDue)
 * //=> Ok('11.90')
 */
export function toUblInvoice(
  input: InvoiceInput,
  calculation: InvoiceCalculation,
  details: UblInvoiceDetails = {},
): string {
  const id = details.id ?? input.number ?? input.id;
  const issueDate = details.issueDate ?? input.issueDate;
  invariant(id !== undefined && issueDate !== undefined, 'A UBL invoice needs BT-1 and BT-2');
  invariant(
    calculation.lines.length === input.lines.length && calculation.currency === input.currency,
    'The calculation is not of this invoice input',
  );
  const credit = CREDIT_CODES.has(calculation.typeCode);
  const ctx: UblContext = {
    currency: calculation.currency,
    minorUnits: calculation.totals.amountDue.split('.')[1]?.length ?? 0,
    credit,
    input,
  };
  const root = credit ? 'CreditNote' : 'Invoice';
  const t = calculation.totals;
  const reason = (r: ExemptionReason | undefined) => [
    element('cbc:TaxExemptionReasonCode', r?.code),
    element('cbc:TaxExemptionReason', r?.text),
  ];

  const body = parent(
    root,
    [
      element('cbc:CustomizationID', 'urn:cen.eu:en16931:2017'),
      element('cbc:ID', id),
      element('cbc:IssueDate', issueDate),
      element('cbc:DueDate', credit ? undefined : details.dueDate),
      element(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', calculation.typeCode),
      element('cbc:Note', details.note),
      element('cbc:DocumentCurrencyCode', calculation.currency),
      element('cbc:BuyerReference', details.buyerReference),
      party('cac:AccountingSupplierParty', details.seller),
      party('cac:AccountingCustomerParty', details.buyer),
      paymentMeans(details, credit),
      ...documentAllowanceCharges(
        ctx,
        input.allowances ?? [],
        calculation.allowances,
        calculation.lines,
      ),
      ...documentAllowanceCharges(ctx, input.charges ?? [], calculation.charges, calculation.lines),
      parent('cac:TaxTotal', [
        amount(ctx, 'cbc:TaxAmount', t.taxAmount),
        ...calculation.vatBreakdown.map((g) =>
          parent('cac:TaxSubtotal', [
            amount(ctx, 'cbc:TaxableAmount', g.taxableAmount),
            amount(ctx, 'cbc:TaxAmount', g.taxAmount),
            taxCategory(
              'cac:TaxCategory',
              g.vatCategory,
              g.vatRatePercent,
              reason(g.exemptionReason),
            ),
          ]),
        ),
      ]),
      parent('cac:LegalMonetaryTotal', [
        amount(ctx, 'cbc:LineExtensionAmount', t.lineExtensionAmount),
        amount(ctx, 'cbc:TaxExclusiveAmount', t.taxExclusiveAmount),
        amount(ctx, 'cbc:TaxInclusiveAmount', t.taxInclusiveAmount),
        amount(
          ctx,
          'cbc:AllowanceTotalAmount',
          input.allowances?.length ? t.allowanceTotalAmount : undefined,
        ),
        amount(
          ctx,
          'cbc:ChargeTotalAmount',
          input.charges?.length ? t.chargeTotalAmount : undefined,
        ),
        amount(ctx, 'cbc:PrepaidAmount', nonZero(t.prepaidAmount)),
        amount(ctx, 'cbc:PayableRoundingAmount', nonZero(t.payableRoundingAmount)),
        amount(ctx, 'cbc:PayableAmount', t.amountDue),
      ]),
      ...input.lines.map((line, i) => ublLine(ctx, line, calculation.lines[i]!)),
    ],
    {
      xmlns: `${NAMESPACE}${root}-2`,
      'xmlns:cac': `${NAMESPACE}CommonAggregateComponents-2`,
      'xmlns:cbc': `${NAMESPACE}CommonBasicComponents-2`,
    },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
