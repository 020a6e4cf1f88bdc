import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatedTotals, readEInvoice, type StatedTotals } from '../../src/einvoice/index.js';
import { calculateInvoice } from '../../src/invoice/index.js';

const dir = new URL('../fixtures/en16931/', import.meta.url);
const FIXTURES = [
  'ubl/BIS3_Invoice_positive.XML',
  'ubl/ubl-tc434-creditnote1.xml',
  'ubl/sample-discount-price.xml',
  'ubl/ubl-tc434-example4.xml',
  'cii/CII_example3.xml',
  'cii/CII_business_example_Z.xml',
].map((path) => readFileSync(new URL(path, dir), 'utf8'));

/** Characters that matter to XML, plus some that matter to numbers and to JavaScript. */
const xmlUnit = fc.constantFrom(
  ...'<>/&;#x="\' \n!?[]-:.,+0123456789abcdeEINV_',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#0;',
  '__proto__',
  'constructor',
  '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">',
  '</Invoice>',
);
const xmlText = fc.string({ unit: xmlUnit, maxLength: 80 });

type Edit = { at: number; remove: number; insert: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(xmlText, fc.string({ maxLength: 10 })),
});

function mutate(xml: string, edits: readonly Edit[]): string {
  let out = xml;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

/** Reads, computes and checks; any throw fails the property. */
function readComputeCheck(input: string | Uint8Array): void {
  const doc = readEInvoice(input);
  if (doc.isErr()) {
    expect(typeof doc.error.code).toBe('string');
    return;
  }
  const calculation = calculateInvoice(doc.value.input);
  if (calculation.isOk()) checkStatedTotals(calculation.value, doc.value.stated);
}

describe('readEInvoice and checkStatedTotals never throw', () => {
  it('on random XML-ish text', () => {
    fc.assert(
      fc.property(xmlText, (xml) => readComputeCheck(xml)),
      { numRuns: 300 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => readComputeCheck(bytes)),
      { numRuns: 200 },
    );
  });

  it('on mutated official examples', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (xml, edits) => readComputeCheck(mutate(xml, edits)),
      ),
      { numRuns: 300 },
    );
  });

  it('on stated totals with any text in any figure', () => {
    const doc = readEInvoice(FIXTURES[3]!)._unsafeUnwrap();
    const calc = calculateInvoice(doc.input)._unsafeUnwrap();
    const figure = fc.option(fc.oneof(fc.string({ maxLength: 8 }), xmlText), {
      nil: undefined,
    });
    const stated = fc.record({
      lineExtensionAmount: figure,
      taxExclusiveAmount: figure,
      taxAmount: figure,
      taxInclusiveAmount: figure,
      prepaidAmount: figure,
      amountDue: figure,
      vatBreakdown: fc.array(
        fc.record({
          vatCategory: fc.constantFrom('S', 'Z', 'E', ''),
          vatRatePercent: figure,
          taxableAmount: figure,
          taxAmount: figure,
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(stated, (s) => {
        const findings = checkStatedTotals(calc, s as StatedTotals);
        for (const f of findings) expect(f.expected).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 300 },
    );
  });
});
