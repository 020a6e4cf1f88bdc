import { describe, expect, it } from 'vitest';
import { calculateInvoice, type InvoiceInput } from '../../src/invoice/index.js';

const s = (ratePercent: string) => ({ vatCategory: 'S' as const, vatRatePercent: ratePercent });
const net = (id: string, amount: string, rate: string) => ({
  id,
  quantity: '1',
  unitNetPrice: amount,
  ...s(rate),
});
const calc = (input: InvoiceInput) => calculateInvoice(input)._unsafeUnwrap();

describe('tax rounding policies', () => {
  const lines = [net('1', '299.33', '20'), net('2', '179.33', '20'), net('3', '99.34', '20')];

  it('rounds VAT once per group by default (BR-CO-17)', () => {
    // 578.00 x 20 % = 115.60 exactly.
    const t = calc({ currency: 'EUR', lines }).totals;
    expect([t.taxExclusiveAmount, t.taxAmount, t.taxInclusiveAmount]).toEqual([
      '578.00',
      '115.60',
      '693.60',
    ]);
  });

  it('rounds VAT on each line when the line policy is chosen', () => {
    // 59.866 -> 59.87, 35.866 -> 35.87, 19.868 -> 19.87: 115.61.
    const c = calc({ currency: 'EUR', lines, taxRounding: 'line' });
    expect([c.totals.taxAmount, c.totals.taxInclusiveAmount]).toEqual(['115.61', '693.61']);
    expect(c.lines.map((l) => l.taxAmount)).toEqual(['59.87', '35.87', '19.87']);
    expect(c.lines.map((l) => l.grossAmount)).toEqual(['359.20', '215.20', '119.21']);
    expect(c.vatBreakdown).toEqual([
      { vatCategory: 'S', vatRatePercent: '20', taxableAmount: '578.00', taxAmount: '115.61' },
    ]);
  });

  it('gives 15.33 by default and 15.34 per line for 55.55 and 11.11 at 23 %', () => {
    // 66.66 x 23 % = 15.3318; per line 12.7765 -> 12.78 and 2.5553 -> 2.56.
    const lines23 = [net('1', '55.55', '23'), net('2', '11.11', '23')];
    expect(calc({ currency: 'EUR', lines: lines23 }).totals.taxAmount).toBe('15.33');
    const perLine = calc({ currency: 'EUR', lines: lines23, taxRounding: 'line' });
    expect(perLine.totals.taxAmount).toBe('15.34');
  });
});

describe('tax-inclusive prices', () => {
  it('keeps two lines of 379.00 at 21 % at a gross of 758.00', () => {
    // 758.00 x 21/121 = 131.553... -> 131.55; net 758.00 - 131.55 = 626.45.
    const c = calc({
      currency: 'EUR',
      pricesIncludeTax: true,
      lines: [net('1', '379.00', '21'), net('2', '379.00', '21')],
    });
    expect(c.totals).toMatchObject({
      lineExtensionAmount: '626.45',
      taxAmount: '131.55',
      taxInclusiveAmount: '758.00',
      amountDue: '758.00',
    });
    // Each line still shows its 379.00: 313.22 + 65.78 and 313.23 + 65.77 (one extra cent).
    expect(c.lines.map((l) => l.grossAmount)).toEqual(['379.00', '379.00']);
    const nets = c.lines.map((l) => l.netAmount).sort();
    expect(nets).toEqual(['313.22', '313.23']);
  });

  it('takes 4545 yen of tax out of a 50000 JPY line at 10 %', () => {
    // 50000 x 10/110 = 4545.45 -> 4545; net 45455.
    const c = calc({ currency: 'JPY', pricesIncludeTax: true, lines: [net('1', '50000', '10')] });
    expect(c.totals).toMatchObject({
      lineExtensionAmount: '45455',
      taxAmount: '4545',
      taxInclusiveAmount: '50000',
    });
  });

  it('keeps the gross per line under the line policy', () => {
    // 379.00 x 21/121 = 65.776... -> 65.78 per line, net 313.22 each.
    const c = calc({
      currency: 'EUR',
      pricesIncludeTax: true,
      taxRounding: 'line',
      lines: [net('1', '379.00', '21'), net('2', '379.00', '21')],
    });
    expect(c.totals).toMatchObject({ taxAmount: '131.56', taxInclusiveAmount: '758.00' });
    expect(c.lines.map((l) => l.netAmount)).toEqual(['313.22', '313.22']);
  });
});

describe('allowances and charges', () => {
  it('takes a document allowance off the taxable amount before tax', () => {
    // 3 x 45.00 = 135.00 - 60.00 = 75.00; x 21 % = 15.75; gross 90.75.
    const c = calc({
      currency: 'EUR',
      lines: [{ id: '1', quantity: '3', unitNetPrice: '45.00', ...s('21') }],
      allowances: [{ amount: '60.00', reason: 'Discount', ...s('21') }],
    });
    expect(c.vatBreakdown[0]).toMatchObject({ taxableAmount: '75.00', taxAmount: '15.75' });
    expect(c.totals).toMatchObject({
      allowanceTotalAmount: '60.00',
      taxExclusiveAmount: '75.00',
      taxInclusiveAmount: '90.75',
    });
  });

  it('computes percentage allowances and charges of a line and of the document', () => {
    // Line: 10 x 12.345 = 123.45; -10 % = 12.35 (12.345 half-up); +2.00 charge -> 113.10.
    // Document: 5 % of the group's 113.10 = 5.655 -> 5.66.
    const c = calc({
      currency: 'EUR',
      lines: [
        {
          id: '1',
          quantity: '10',
          unitNetPrice: '12.345',
          allowances: [{ percent: '10' }],
          charges: [{ amount: '2.00' }],
          ...s('19'),
        },
      ],
      allowances: [{ percent: '5', ...s('19') }],
      charges: [{ percent: '10', baseAmount: '20.00', ...s('19') }],
    });
    expect(c.lines[0]?.netAmount).toBe('113.10');
    // Charge 10 % of 20.00 = 2.00: taxable 113.10 - 5.66 + 2.00 = 109.44; 19 % = 20.7936.
    expect(c.vatBreakdown[0]).toMatchObject({ taxableAmount: '109.44', taxAmount: '20.79' });
  });

  it('uses the price base quantity and the gross price less its discount', () => {
    // (0.1234 - 0.0022) x 100 / 1 = 12.12; 25 % = 3.03 (sample-discount-price.xml).
    const c = calc({
      currency: 'EUR',
      lines: [
        { id: '1', quantity: '100', unitGrossPrice: '0.1234', priceDiscount: '0.0022', ...s('25') },
        { id: '2', quantity: '3', unitNetPrice: '10', priceBaseQuantity: '4', ...s('25') },
      ],
    });
    // Line 2: 3 x 10 / 4 = 7.50.
    expect(c.lines.map((l) => l.netAmount)).toEqual(['12.12', '7.50']);
  });
});

describe('currencies and cash rounding', () => {
  it('rounds to three decimals in KWD', () => {
    // 1.2345 x 3 = 3.7035 -> 3.704; x 5 % = 0.1852 -> 0.185.
    const c = calc({
      currency: 'KWD',
      lines: [{ id: '1', quantity: '3', unitNetPrice: '1.2345', ...s('5') }],
    });
    expect([c.totals.lineExtensionAmount, c.totals.taxAmount]).toEqual(['3.704', '0.185']);
  });

  it('rounds the amount due to CHF 0.05 and states the difference (BT-114)', () => {
    // 10.00 + 8.1 % = 10.81 -> 10.80; rounding -0.01.
    const c = calc({
      currency: 'CHF',
      lines: [net('1', '10.00', '8.1')],
      cashRounding: { increment: '0.05' },
    });
    expect(c.totals).toMatchObject({ payableRoundingAmount: '-0.01', amountDue: '10.80' });
  });

  it('takes the prepaid amount off the amount due', () => {
    const c = calc({ currency: 'EUR', lines: [net('1', '100.00', '19')], prepaidAmount: '50.00' });
    expect(c.totals.amountDue).toBe('69.00');
  });
});

describe('credit notes and negative lines', () => {
  it('computes a credit note with negative quantities as the negative invoice', () => {
    const c = calc({
      currency: 'EUR',
      typeCode: '381',
      lines: [{ id: '1', quantity: '-2', unitNetPrice: '10.005', ...s('19') }],
    });
    // -2 x 10.005 = -20.01; x 19 % = -3.8019 -> -3.80.
    expect(c.typeCode).toBe('381');
    expect(c.totals).toMatchObject({ taxExclusiveAmount: '-20.01', taxAmount: '-3.80' });
  });
});
