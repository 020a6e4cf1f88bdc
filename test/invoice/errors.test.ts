import { describe, expect, it } from 'vitest';
import { calculateInvoice } from '../../src/invoice/index.js';

const line = (vatCategory: string, vatRatePercent?: string) => ({
  id: '1',
  quantity: '1',
  unitNetPrice: '10.00',
  vatCategory,
  ...(vatRatePercent === undefined ? {} : { vatRatePercent }),
});
const fail = (input: unknown) => calculateInvoice(input)._unsafeUnwrapErr();

describe('invoice input errors', () => {
  it('requires an exemption reason for exempt lines (BR-E-10)', () => {
    const e = fail({ currency: 'EUR', lines: [line('E', '0')] });
    expect(e).toMatchObject({ code: 'missing_exemption_reason', category: 'E', rule: 'BR-E-10' });
    expect(e.path).toEqual(['exemptionReasons', 'E']);
  });

  it.each([
    ['AE', 'BR-AE-10'],
    ['K', 'BR-IC-10'],
    ['G', 'BR-G-10'],
    ['O', 'BR-O-10'],
  ])('requires an exemption reason for %s (%s)', (category, rule) => {
    expect(fail({ currency: 'EUR', lines: [line(category)] })).toMatchObject({ rule });
  });

  it('accepts an exempt line with its reason, with zero tax', () => {
    const c = calculateInvoice({
      currency: 'EUR',
      lines: [line('E', '0')],
      exemptionReasons: { E: { code: 'VATEX-EU-132' } },
    })._unsafeUnwrap();
    expect(c.vatBreakdown[0]).toEqual({
      vatCategory: 'E',
      vatRatePercent: '0',
      taxableAmount: '10.00',
      taxAmount: '0.00',
      exemptionReason: { code: 'VATEX-EU-132' },
    });
  });

  it('refuses a standard-rated line without a rate above zero (BR-S-05)', () => {
    expect(fail({ currency: 'EUR', lines: [line('S', '0')] })).toMatchObject({
      code: 'invalid_tax_rate',
      rule: 'BR-S-05',
      path: ['lines', 0, 'vatRatePercent'],
    });
  });

  it('refuses a zero-rated allowance with a rate (BR-Z-06)', () => {
    const e = fail({
      currency: 'EUR',
      lines: [line('Z', '0')],
      allowances: [{ amount: '1.00', vatCategory: 'Z', vatRatePercent: '7' }],
    });
    expect(e).toMatchObject({ code: 'invalid_tax_rate', rule: 'BR-Z-06' });
  });

  it('refuses an exemption reason on a standard-rated invoice (BR-S-10)', () => {
    const e = fail({
      currency: 'EUR',
      lines: [line('S', '19')],
      exemptionReasons: { S: { text: 'none' } },
    });
    expect(e).toMatchObject({ code: 'unexpected_exemption_reason', rule: 'BR-S-10' });
  });

  it('refuses "outside the scope" next to another category (BR-O-11)', () => {
    const e = fail({
      currency: 'EUR',
      lines: [line('O'), line('S', '19')],
      exemptionReasons: { O: { text: 'Not subject to VAT' } },
    });
    expect(e).toMatchObject({ code: 'vat_category_conflict', rule: 'BR-O-11' });
  });

  it('refuses amounts with more decimals than the currency has', () => {
    const e = fail({ currency: 'JPY', lines: [{ ...line('S', '10'), netAmount: '10.5' }] });
    expect(e).toMatchObject({ code: 'invalid_amount', path: ['lines', 0, 'netAmount'] });
  });

  it('refuses JavaScript numbers, exponents and unknown currencies', () => {
    expect(fail({ currency: 'EUR', lines: [{ ...line('S', '19'), quantity: 1 }] }).code).toBe(
      'invalid_input',
    );
    expect(
      fail({ currency: 'EUR', lines: [{ ...line('S', '19'), quantity: '1e3' }] }).path,
    ).toEqual(['lines', 0, 'quantity']);
    expect(fail({ currency: 'XYZ', lines: [line('S', '19')] }).code).toBe('unknown_currency');
  });

  it('refuses an invoice without lines (BR-16) and a zero price base quantity', () => {
    expect(fail({ currency: 'EUR', lines: [] }).code).toBe('invalid_input');
    const e = fail({ currency: 'EUR', lines: [{ ...line('S', '19'), priceBaseQuantity: '0' }] });
    expect(e).toMatchObject({ code: 'invalid_number', path: ['lines', 0, 'priceBaseQuantity'] });
  });

  it('refuses a negative net price (BR-27)', () => {
    const e = fail({ currency: 'EUR', lines: [{ ...line('S', '19'), unitNetPrice: '-1' }] });
    expect(e).toMatchObject({ code: 'invalid_number', path: ['lines', 0, 'unitNetPrice'] });
  });
});
