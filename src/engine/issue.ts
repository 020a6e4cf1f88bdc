/**
 * Issuing an invoice: compute it (EN 16931), number it from the store's sequence,
 * give it a payment reference, persist it with its calculation, and queue its mail
 * in the same unit of work. With a gateway, the payment link is asked for after the
 * invoice is committed (never while holding the store's lock) and the mail is
 * queued in a second unit of work; calling again with the same id resumes a run
 * that stopped in between, and otherwise changes nothing.
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import { atPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import { calculateInvoice } from '../invoice/index.js';
import type { InvoiceCalculation } from '../invoice/types.js';
import type { LedgerInvoice } from '../ledger/types.js';
import { referenceGenerator } from '../matching/references/generator.js';
import type { MailAttachment } from '../ports/mailer.js';
import type { InvoiceRecord, JsonValue, Stored } from '../ports/records.js';
import type { StoreSession } from '../ports/store.js';
import { ublAttachment } from './einvoice.js';
import { enqueue } from './outbox.js';
import { renderInvoiceMail } from './render-invoice.js';
import type { IssuedInvoice, IssueInvoiceRequest, ReceivablesDeps } from './types.js';

/**
 * The default invoice number: `INV-<year of issue>-<sequence, 6 digits>`.
 *
 * @example
 * defaultInvoiceNumber(42, '2024-03-01')
 * //=> 'INV-2024-000042'
 */
export function defaultInvoiceNumber(sequence: number, issueDate: string): string {
  return `INV-${issueDate.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
}

const outboxKey = (invoiceId: string) => `invoice:${invoiceId}`;

function ledgerView(record: Stored<InvoiceRecord>): LedgerInvoice {
  const { version: _v, sequence: _s, paymentLink: _p, ...invoice } = record;
  return invoice;
}

async function queueMail(
  s: StoreSession,
  deps: ReceivablesDeps,
  request: IssueInvoiceRequest,
  invoice: InvoiceRecord,
  calculation: InvoiceCalculation,
): Promise<Result<string | undefined, ReceivablesError>> {
  return safeTry(async function* () {
    const queued = yield* await s.outbox.list({ key: outboxKey(invoice.id) });
    if (queued[0]) return ok(queued[0].id);
    const customer = yield* await s.customers.get(invoice.customerId);
    if (!customer?.email || request.send === false) return ok(undefined);
    const number = invoice.number ?? invoice.id;
    const message = renderInvoiceMail({
      invoice,
      input: request.input,
      calculation,
      customer,
      from: deps.policies.from,
      ...(deps.policies.sellerName ? { sellerName: deps.policies.sellerName } : {}),
      ...(invoice.paymentLink ? { paymentLink: invoice.paymentLink } : {}),
    });
    const data: MailAttachment = {
      filename: `invoice-${number}.json`,
      contentType: 'application/json',
      content: JSON.stringify(calculation, null, 2),
    };
    const eInvoice = deps.policies.eInvoice
      ? deps.policies.eInvoice(invoice, calculation, request.input)
      : ublAttachment(invoice, calculation, request.input, customer, deps.policies.sellerName);
    const attachments = eInvoice ? [eInvoice, data] : [data];
    const key = outboxKey(invoice.id);
    const record = yield* await enqueue(s, deps, {
      key,
      kind: 'invoice',
      customerId: invoice.customerId,
      message: { ...message, attachments },
    });
    return ok(record.id);
  });
}

async function persist(
  s: StoreSession,
  deps: ReceivablesDeps,
  request: IssueInvoiceRequest,
  calculation: InvoiceCalculation,
): Promise<Result<Stored<InvoiceRecord>, ReceivablesError>> {
  return safeTry(async function* () {
    const customer = yield* await s.customers.get(request.customerId);
    if (!customer) {
      return err(
        receivablesError('not_found', { kind: 'customer', id: request.customerId }, ['customerId']),
      );
    }
    const sequence = yield* await s.nextSequence('invoice');
    const number = (deps.policies.invoiceNumber ?? defaultInvoiceNumber)(
      sequence,
      request.issueDate,
    );
    const generate = deps.policies.paymentReference ?? referenceGenerator('iso11649');
    const reference = yield* generate({ invoiceId: request.id, number, customerId: customer.id });
    const record: InvoiceRecord = {
      id: request.id,
      number,
      sequence,
      customerId: customer.id,
      currency: calculation.currency,
      issueDate: request.issueDate,
      dueDate: request.dueDate,
      amount: calculation.totals.amountDue,
      status: 'issued',
      paymentReference: reference.value,
      ...(request.instalments ? { instalments: request.instalments } : {}),
      ...(request.discounts ? { discounts: request.discounts } : {}),
    };
    const stored = yield* await s.invoices.insert(record);
    yield* await s.documents.insert({
      id: request.id,
      kind: 'invoice',
      customerId: customer.id,
      document: calculation as unknown as JsonValue,
    });
    return ok(stored);
  });
}

function checkedCalculation(
  request: IssueInvoiceRequest,
): Result<InvoiceCalculation, ReceivablesError> {
  const calculated = calculateInvoice(request.input);
  if (calculated.isErr()) return err(calculated.error);
  const due = calculated.value.totals.amountDue;
  if (!/^\d/.test(due) || /^0(\.0*)?$/.test(due)) {
    const reason = 'an invoice must leave a positive amount due';
    return err(receivablesError('invalid_amount', { input: due, reason }, ['input']));
  }
  return calculated;
}

async function issueInSession(
  s: StoreSession,
  deps: ReceivablesDeps,
  request: IssueInvoiceRequest,
  calculation: InvoiceCalculation,
  wantsLink: boolean,
) {
  return safeTry(async function* () {
    const existing = yield* await s.invoices.get(request.id);
    const record = existing ?? (yield* await persist(s, deps, request, calculation));
    // A second issue of the same id answers with what was issued the first time.
    const stored = existing ? yield* await s.documents.get(request.id) : undefined;
    const issued = (stored?.document as unknown as InvoiceCalculation) ?? calculation;
    const needsLink = wantsLink && record.paymentLink === undefined;
    const outboxId = needsLink
      ? undefined
      : yield* await queueMail(s, deps, request, record, issued);
    return ok({
      record,
      created: existing === undefined,
      needsLink,
      outboxId,
      calculation: issued,
    });
  });
}

/**
 * Issues many invoices, `batchSize` per unit of work (default 500): for billing runs.
 * Without a gateway it does exactly what {@link issueInvoice} does for each, with far
 * fewer commits; with one it issues them one by one. A failure stops the run and
 * rolls back only the batch it happened in; the invoices of earlier batches stay.
 *
 * @example
 * (await issueInvoices(deps, requests)).map((r) => r.length)
 * //=> Ok(1000)
 */
export async function issueInvoices(
  deps: ReceivablesDeps,
  requests: readonly IssueInvoiceRequest[],
  options: { readonly batchSize?: number } = {},
): Promise<Result<IssuedInvoice[], ReceivablesError>> {
  const issued: IssuedInvoice[] = [];
  if (deps.gateway) {
    for (const request of requests) {
      const one = await issueInvoice(deps, request);
      if (one.isErr()) return err(one.error);
      issued.push(one.value);
    }
    return ok(issued);
  }
  const size = Math.max(1, options.batchSize ?? 500);
  for (let start = 0; start < requests.length; start += size) {
    const batch = requests.slice(start, start + size);
    const calculations: InvoiceCalculation[] = [];
    for (const [i, request] of batch.entries()) {
      const c = checkedCalculation(request);
      if (c.isErr()) return err(atPath(c.error, [start + i]));
      calculations.push(c.value);
    }
    const done = await deps.store.transaction(async (s) =>
      safeTry(async function* () {
        const out: IssuedInvoice[] = [];
        for (const [i, request] of batch.entries()) {
          const calculation = calculations[i] as InvoiceCalculation;
          const r = yield* await issueInSession(s, deps, request, calculation, false);
          out.push({
            invoice: ledgerView(r.record),
            calculation: r.calculation,
            created: r.created,
            ...(r.outboxId === undefined ? {} : { outboxId: r.outboxId }),
          });
        }
        return ok(out);
      }),
    );
    if (done.isErr()) return err(done.error);
    issued.push(...done.value);
  }
  return ok(issued);
}

/**
 * Issues one invoice; see the module description for what happens when.
 *
 * @example
 * (await issueInvoice(deps, { id: 'INV-1', customerId: 'C1', issueDate: '2024-03-01',
 *   dueDate: '2024-03-31', input })).map((r) => r.invoice.number)
 * //=> Ok('INV-2024-000001')
 */
export async function issueInvoice(
  deps: ReceivablesDeps,
  request: IssueInvoiceRequest,
): Promise<Result<IssuedInvoice, ReceivablesError>> {
  const calculated = checkedCalculation(request);
  if (calculated.isErr()) return err(calculated.error);
  const calculation = calculated.value;
  const wantsLink = deps.gateway !== undefined && request.paymentLink !== false;
  const first = await deps.store.transaction(async (s) =>
    issueInSession(s, deps, request, calculation, wantsLink),
  );
  if (first.isErr()) return err(first.error);
  const { record, created, needsLink, outboxId, calculation: issued } = first.value;
  const done = (r: Stored<InvoiceRecord>, id: string | undefined): IssuedInvoice => ({
    invoice: ledgerView(r),
    calculation: issued,
    created,
    ...(id === undefined ? {} : { outboxId: id }),
  });
  if (!needsLink || !deps.gateway) return ok(done(record, outboxId));

  const link = await deps.gateway.createPaymentLink({
    invoiceId: record.id,
    invoiceNumber: record.number ?? record.id,
    customerId: record.customerId,
    amount: record.amount,
    currency: record.currency,
    ...(record.paymentReference ? { reference: record.paymentReference } : {}),
    idempotencyKey: `link:${record.id}`,
  });
  if (link.isErr()) return err(link.error);
  const second = await deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const current = yield* await s.invoices.get(record.id);
      if (!current) return err(receivablesError('not_found', { kind: 'invoice', id: record.id }));
      const { version, ...data } = current;
      const linked = data.paymentLink
        ? current
        : yield* await s.invoices.update({ ...data, paymentLink: link.value.url }, version);
      const id = yield* await queueMail(s, deps, request, linked, issued);
      return ok(done(linked, id));
    }),
  );
  return second;
}
