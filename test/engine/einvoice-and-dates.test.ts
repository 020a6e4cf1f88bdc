import { describe, expect, it } from 'vitest';
import { readEInvoice } from '../../src/einvoice/index.js';
import { acme, harness, issueOne } from './harness.js';

describe('the e-invoice attached to invoice mails', () => {
  it('is an EN 16931 UBL invoice that reads back to the issued totals', async () => {
    const { engine, mailer } = harness();
    await engine.saveCustomer(acme);
    const issued = await issueOne(engine);
    await engine.deliverOutbox();

    const xml = mailer.delivered[0]?.message.attachments?.find(
      (a) => a.contentType === 'application/xml',
    );
    expect(xml?.filename).toBe('invoice-INV-2024-000001.xml');
    expect(xml?.content).toContain('urn:cen.eu:en16931:2017');
    expect(xml?.content).toContain(`<cbc:PaymentID>${issued.invoice.paymentReference}`);
    const read = readEInvoice(xml?.content ?? '')._unsafeUnwrap();
    // 2 x 50.00 at 19 %: the same 119.00 the ledger holds.
    expect(read.stated.amountDue).toBe('119.00');
    expect(read.stated.taxAmount).toBe('19.00');
  });

  it('is left out when the host returns none', async () => {
    const { engine, mailer } = harness({ policies: { eInvoice: () => undefined } });
    await engine.saveCustomer(acme);
    await issueOne(engine);
    await engine.deliverOutbox();
    const types = mailer.delivered[0]?.message.attachments?.map((a) => a.contentType);
    expect(types).toEqual(['application/json']);
  });
});

describe('dates a host passes to the engine', () => {
  it('are checked before any work: an impossible date is invalid_date at asOf', async () => {
    const { engine } = harness();
    await engine.saveCustomer(acme);
    const imported = await engine.importStatement('<Document/>', { asOf: '2024-02-30' });
    expect(imported._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_date', path: ['asOf'] });
    const statement = await engine.statementOfAccount('C1', '2024-13-01', { currency: 'EUR' });
    expect(statement._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_date', path: ['asOf'] });
  });
});
