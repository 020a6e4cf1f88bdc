import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEInvoice } from '../../src/einvoice/index.js';

const dir = new URL('../fixtures/en16931/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const positive = fixture('ubl/BIS3_Invoice_positive.XML');
const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const code = (xml: unknown, options = {}) =>
  readEInvoice(xml as string, options)._unsafeUnwrapErr().code;
const error = (xml: unknown, options = {}) =>
  readEInvoice(xml as string, options)._unsafeUnwrapErr();

describe('what the XML parser refuses comes back as a typed error', () => {
  it('refuses nesting deeper than 100 elements as input_too_large, naming the depth', () => {
    // Invoice + 101 nested <a> = 102 levels.
    const xml = `<Invoice>${'<a>'.repeat(101)}${'</a>'.repeat(101)}</Invoice>`;
    expect(error(xml)).toMatchObject({
      code: 'input_too_large',
      limit: '100 nested elements',
      actual: '102 nested elements',
    });
  });

  it('refuses element names that would alter JavaScript objects as unsafe_input', () => {
    expect(code('<Invoice><cbc:__proto__>x</cbc:__proto__></Invoice>')).toBe('unsafe_input');
    expect(code('<constructor/>')).toBe('unsafe_input');
    expect(code('<rsm:CrossIndustryInvoice><rsm:prototype/></rsm:CrossIndustryInvoice>')).toBe(
      'unsafe_input',
    );
  });
});

describe('what readEInvoice takes', () => {
  it('reads UTF-8 bytes as it reads the text', () => {
    const bytes = new TextEncoder().encode(positive);
    const fromBytes = readEInvoice(bytes)._unsafeUnwrap();
    expect(fromBytes).toEqual(readEInvoice(positive)._unsafeUnwrap());
    expect(fromBytes.stated.amountDue).toBe('782179.43');
  });

  it('drops a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(positive)]);
    expect(readEInvoice(bytes).isOk()).toBe(true);
  });

  it('refuses bytes that are not UTF-8 or declare another encoding', () => {
    expect(code(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).toBe('parse_error');
    const latin1 = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a/>');
    expect(code(latin1)).toBe('unsupported_format');
  });

  it('answers anything else with invalid_input', () => {
    for (const value of [null, undefined, 42, {}, ['<Invoice/>']]) {
      expect(code(value)).toBe('invalid_input');
    }
  });

  it('refuses a size limit that is not a whole number above 0', () => {
    expect(error(positive, { maxLength: Number.NaN })).toMatchObject({
      code: 'invalid_input',
      path: ['maxLength'],
    });
    expect(code(positive, { maxLines: -1 })).toBe('invalid_input');
  });
});

describe('documents that are not well-formed or not UBL or CII', () => {
  it('refuses an entity XML does not predefine', () => {
    const xml = `<Invoice xmlns="${UBL}">\n<cbc:ID>&foo;</cbc:ID></Invoice>`;
    expect(error(xml)).toMatchObject({ code: 'parse_error', line: 2 });
    expect(code(`<Invoice xmlns="${UBL}" a="&bar;"/>`)).toBe('parse_error');
    // U+0000 is not an XML character, so &#0; is no character reference.
    expect(code(`<Invoice xmlns="${UBL}"><cbc:ID>&#0;</cbc:ID></Invoice>`)).toBe('parse_error');
  });

  it('still decodes the predefined entities and character references', () => {
    const xml = positive.replace('<cbc:ID>12345</cbc:ID>', '<cbc:ID>A&amp;B&#x2D;&#49;</cbc:ID>');
    expect(readEInvoice(xml)._unsafeUnwrap().input.id).toBe('A&B-1');
  });

  it('refuses two root elements and text after the root', () => {
    expect(error('<Invoice/><CreditNote/>')).toMatchObject({ code: 'parse_error', line: 1 });
    expect(code(`${positive}\ntrailing text`)).toBe('parse_error');
  });

  it('refuses a UBL root element outside the UBL namespace', () => {
    const bogus = positive.replace(`xmlns="${UBL}"`, 'xmlns="urn:example:not-ubl"');
    expect(error(bogus)).toMatchObject({ code: 'unsupported_format' });
    expect(code(positive.replace(`xmlns="${UBL}"`, ''))).toBe('unsupported_format');
  });

  it('refuses CII content under a root element named Invoice', () => {
    const cii = fixture('cii/CII_example3.xml');
    const asUbl = cii
      .replace('<rsm:CrossIndustryInvoice', `<rsm:Invoice`)
      .replace('</rsm:CrossIndustryInvoice>', '</rsm:Invoice>');
    expect(code(asUbl)).toBe('unsupported_format');
  });

  it('reads a root element whose namespace is bound to a prefix', () => {
    const prefixed = positive
      .replace(`<Invoice xmlns="${UBL}"`, `<ubl:Invoice xmlns:ubl="${UBL}"`)
      .replace('</Invoice>', '</ubl:Invoice>');
    expect(readEInvoice(prefixed)._unsafeUnwrap().stated.amountDue).toBe('782179.43');
  });
});

describe('size limits', () => {
  const amount = '<cbc:LineExtensionAmount currencyID="DKK">1</cbc:LineExtensionAmount>';
  const line = (i: number) => `<cac:InvoiceLine><cbc:ID>${i}</cbc:ID>${amount}</cac:InvoiceLine>`;
  const withLines = (n: number) =>
    `<Invoice xmlns="${UBL}">${Array.from({ length: n }, (_, i) => line(i)).join('')}</Invoice>`;

  it('refuses more than 20,000 lines by default, and as many as maxLines says', () => {
    expect(error(withLines(20_001))).toMatchObject({
      code: 'input_too_large',
      limit: '20000 invoice lines',
      actual: '20001 invoice lines',
    });
    expect(error(withLines(3), { maxLines: 2 })).toMatchObject({ actual: '3 invoice lines' });
  });

  it('refuses documents above 8 MiB by default', () => {
    const big = `<Invoice xmlns="${UBL}">${' '.repeat(8 * 1024 * 1024)}</Invoice>`;
    expect(error(big)).toMatchObject({ code: 'input_too_large', limit: '8388608 characters' });
  });

  it('refuses a text or a tag longer than 100,000 characters', () => {
    const note = `<Invoice xmlns="${UBL}"><cbc:Note>${'x'.repeat(100_001)}</cbc:Note></Invoice>`;
    expect(error(note)).toMatchObject({ actual: 'a text of 100001 characters' });
    const attribute = `<Invoice xmlns="${UBL}" a="${'x'.repeat(100_000)}"/>`;
    expect(error(attribute)).toMatchObject({ code: 'input_too_large' });
  });

  it('lets an attachment be as long as the document may be', () => {
    // The Italian example carries a 3.3 MB PDF in cbc:EmbeddedDocumentBinaryObject.
    const doc = fixture('ubl/FT_G2G_TD01_con_Allegato,_Bonifico_e_Split_Payment.xml');
    expect(doc.length).toBeGreaterThan(3_000_000);
    expect(readEInvoice(doc).isOk()).toBe(true);
  });

  it('refuses more tags than one per 16 characters of the size limit', () => {
    // maxLength 16000 allows 1000 tags; 1001 empty elements + the root's 2 tags.
    const xml = `<Invoice xmlns="${UBL}">${'<a/>'.repeat(1001)}</Invoice>`;
    expect(error(xml, { maxLength: 16_000 })).toMatchObject({ limit: '1000 tags' });
  });
});
