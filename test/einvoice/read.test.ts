import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatedTotals, readEInvoice } from '../../src/einvoice/index.js';
import { calculateInvoice } from '../../src/invoice/index.js';
import { Dec } from '../../src/money/decimal.js';

const dir = new URL('../fixtures/en16931/', import.meta.url);
const data = JSON.parse(readFileSync(new URL('en16931.json', dir), 'utf8')) as {
  examples: {
    source: { path: string };
    currency: string;
    lines: { line_net_amount: string }[];
    totals: Record<string, string | null>;
    vat_breakdown: { category: string; taxable_amount: string; tax_amount: string }[];
  }[];
};
const files = ['ubl', 'cii'].flatMap((syntax) =>
  readdirSync(new URL(`${syntax}/`, dir)).map((name) => ({ syntax, name })),
);
const read = (syntax: string, name: string) =>
  readEInvoice(readFileSync(new URL(`${syntax}/${name}`, dir), 'utf8'));
// The fixture folder renamed the Italian file (spaces to underscores).
const exampleOf = (name: string) =>
  data.examples.find((e) => e.source.path.split('/').pop()!.replaceAll(' ', '_') === name);
const same = (a: string | undefined, b: string | null | undefined) =>
  new Dec(a ?? '0').equals(new Dec(b ?? '0'));

describe('reading the official UBL and CII examples', () => {
  it('finds all 34 files (33 examples and one duplicate)', () => {
    expect(files).toHaveLength(34);
  });

  for (const { syntax, name } of files) {
    it(`${syntax}/${name}: reads the same figures the reference extraction did`, () => {
      const doc = read(syntax, name)._unsafeUnwrap();
      expect(doc.syntax).toBe(syntax.toUpperCase());
      const example = exampleOf(name === 'CII_example2.xml' ? 'CII_business_example_01.xml' : name);
      expect(example).toBeDefined();
      expect(doc.input.currency).toBe(example!.currency);
      const nets = doc.input.lines.map((l) => new Dec(l.netAmount!).toString());
      expect(nets).toEqual(example!.lines.map((l) => new Dec(l.line_net_amount).toString()));
      expect(same(doc.stated.amountDue, example!.totals.PayableAmount)).toBe(true);
      expect(same(doc.stated.taxAmount, example!.totals.TaxAmount)).toBe(true);
      expect(doc.stated.vatBreakdown.map((b) => b.vatCategory)).toEqual(
        example!.vat_breakdown.map((b) => b.category),
      );
    });

    it(`${syntax}/${name}: the stated totals break no rule beyond the validator's tolerance`, () => {
      const doc = read(syntax, name)._unsafeUnwrap();
      const findings = checkStatedTotals(calculateInvoice(doc.input)._unsafeUnwrap(), doc.stated);
      if (name === 'huf_example_cii.xml') {
        // 69180.00 x 27 % = 18678.60, the file states 18679.00 (whole forints).
        expect(findings).toEqual([
          {
            rule: 'BR-CO-17',
            term: 'BT-117',
            expected: '18678.60',
            stated: '18679.00',
            vatCategory: 'S',
            vatRatePercent: '27',
            tolerated: true,
          },
        ]);
      } else {
        expect(findings).toEqual([]);
      }
    });
  }

  it('reads a UBL credit note with its type code and credited quantities', () => {
    const doc = read('ubl', 'ubl-tc434-creditnote1.xml')._unsafeUnwrap();
    expect([doc.document, doc.input.typeCode]).toEqual(['CreditNote', '381']);
    expect(doc.input.lines[0]?.quantity).toBeDefined();
  });

  it('reads XML Schema decimals such as "100." (huf_example_cii.xml)', () => {
    const doc = read('cii', 'huf_example_cii.xml')._unsafeUnwrap();
    expect(doc.input.lines[0]).toMatchObject({ quantity: '64', priceBaseQuantity: '100' });
  });
});

describe('stated totals that break the rules', () => {
  const doc = read('ubl', 'ubl-tc434-example4.xml')._unsafeUnwrap();
  const calc = calculateInvoice(doc.input)._unsafeUnwrap();

  it('names BR-CO-15 with the expected figure when BT-112 is wrong', () => {
    // 4000.00 + 675.00 = 4675.00
    const findings = checkStatedTotals(calc, { ...doc.stated, taxInclusiveAmount: '4676.00' });
    expect(findings.map((f) => [f.rule, f.expected, f.stated])).toEqual([
      ['BR-CO-15', '4675.00', '4676.00'],
      ['BR-CO-16', '4676.00', '4675.00'],
    ]);
  });

  it('names BR-CO-17 and BR-CO-14 when a group tax is off', () => {
    // 1500.00 x 25 % = 375.00; the breakdown now sums to 676.00, not the stated 675.00.
    const vatBreakdown = doc.stated.vatBreakdown.map((b) =>
      b.vatRatePercent === '25' ? { ...b, taxAmount: '376.00' } : b,
    );
    const findings = checkStatedTotals(calc, { ...doc.stated, vatBreakdown });
    expect(findings.map((f) => [f.rule, f.expected, f.stated, f.tolerated])).toEqual([
      ['BR-CO-14', '676.00', '675.00', false],
      ['BR-CO-17', '375.00', '376.00', false],
    ]);
  });

  it('names BR-S-08 when a taxable amount does not match its lines', () => {
    const vatBreakdown = doc.stated.vatBreakdown.map((b) =>
      b.vatRatePercent === '12' ? { ...b, taxableAmount: '2400.00' } : b,
    );
    const rules = checkStatedTotals(calc, { ...doc.stated, vatBreakdown }).map((f) => f.rule);
    expect(rules).toContain('BR-S-08');
  });
});

describe('unsafe and unreadable documents', () => {
  it('refuses a DOCTYPE and an ENTITY (XXE, billion laughs)', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Invoice>&e;</Invoice>';
    expect(readEInvoice(xxe)._unsafeUnwrapErr().code).toBe('unsafe_input');
  });

  it('reports malformed XML as a parse error with its line', () => {
    const e = readEInvoice('<Invoice>\n<cbc:ID>1</Invoice>')._unsafeUnwrapErr();
    expect(e.code).toBe('parse_error');
  });

  it('refuses a document that is neither UBL nor CII', () => {
    expect(readEInvoice('<Order/>')._unsafeUnwrapErr().code).toBe('unsupported_format');
  });

  it('gives a typed error for an invoice without lines', () => {
    const xml = '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>';
    expect(readEInvoice(xml)._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('refuses a document above the size limit', () => {
    const e = readEInvoice('<Invoice/>', { maxLength: 5 })._unsafeUnwrapErr();
    expect(e.code).toBe('input_too_large');
  });
});
