import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatedTotals, readEInvoice, type StatedTotals } from '../../src/einvoice/index.js';
import { calculateInvoice } from '../../src/invoice/index.js';

const dir = new URL('../fixtures/en16931/', import.meta.url);
const positive = readFileSync(new URL('ubl/BIS3_Invoice_positive.XML', dir), 'utf8');
const cii = readFileSync(new URL('cii/CII_example3.xml', dir), 'utf8');

describe('stated figures that are not numbers', () => {
  it('refuses a payable amount that is not a decimal number, at its element', () => {
    const xml = positive.replace(/(<cbc:PayableAmount[^>]*>)[^<]*/, '$1abc');
    expect(readEInvoice(xml)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      input: 'abc',
      path: ['Invoice', 'LegalMonetaryTotal', 'PayableAmount'],
    });
  });

  it('refuses a breakdown rate and tax that are not numbers, at their elements', () => {
    const rate = positive.replace(/(<cac:TaxSubtotal>[\s\S]*?<cbc:Percent>)[^<]*/, '$1x');
    expect(readEInvoice(rate)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_number',
      input: 'x',
      path: ['Invoice', 'TaxTotal', 0, 'TaxSubtotal', 0, 'TaxCategory', 'Percent'],
    });
    const tax = positive.replace(/(<cac:TaxSubtotal>[\s\S]*?<cbc:TaxAmount[^>]*>)[^<]*/, '$11,5');
    expect(readEInvoice(tax)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      input: '1,5',
      path: ['Invoice', 'TaxTotal', 0, 'TaxSubtotal', 0, 'TaxAmount'],
    });
  });

  it('refuses the same in CII, at the CII element', () => {
    const xml = cii.replace(/(<ram:DuePayableAmount>)[^<]*/, '$1NaN');
    expect(readEInvoice(xml)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: [
        'CrossIndustryInvoice',
        'SupplyChainTradeTransaction',
        'ApplicableHeaderTradeSettlement',
        'SpecifiedTradeSettlementHeaderMonetarySummation',
        'DuePayableAmount',
      ],
    });
  });

  it('still reads XML Schema decimals such as "+5" and "782179.43 " in the totals', () => {
    const xml = positive.replace(/(<cbc:PayableAmount[^>]*>)[^<]*/, '$1 +782179.43 ');
    expect(readEInvoice(xml)._unsafeUnwrap().stated.amountDue).toBe('782179.43');
  });
});

describe('checkStatedTotals on stated totals built by hand', () => {
  const doc = readEInvoice(positive)._unsafeUnwrap();
  const calc = calculateInvoice(doc.input)._unsafeUnwrap();

  it('reports a figure that is not a number under its rule, and does not throw', () => {
    const stated: StatedTotals = { ...doc.stated, amountDue: 'abc' };
    // BT-115 = 782179.43 - 0 + 0 from the stated BT-112; the text "abc" matches nothing.
    expect(checkStatedTotals(calc, stated)).toEqual([
      { rule: 'BR-CO-16', term: 'BT-115', expected: '782179.43', stated: 'abc', tolerated: false },
    ]);
  });

  it('counts an unreadable figure as absent in the rules built on it', () => {
    const stated: StatedTotals = { ...doc.stated, taxAmount: 'x' };
    // BR-CO-14 expects 156435.89 and sees "x"; BR-CO-15 then takes BT-110 as 0:
    // 625743.54 + 0 = 625743.54, but 782179.43 is stated.
    expect(checkStatedTotals(calc, stated).map((f) => [f.rule, f.expected, f.stated])).toEqual([
      ['BR-CO-14', '156435.89', 'x'],
      ['BR-CO-15', '625743.54', '782179.43'],
    ]);
  });

  it('treats a breakdown rate that is not a number as no match for the group', () => {
    const vatBreakdown = doc.stated.vatBreakdown.map((b) => ({ ...b, vatRatePercent: '25%' }));
    const rules = checkStatedTotals(calc, { ...doc.stated, vatBreakdown }).map((f) => f.rule);
    // The computed S 25 % group finds no stated group; the stated one matches no lines.
    expect(rules).toEqual(['BR-S-08', 'BR-S-08']);
  });
});
