import { describe, expect, it } from 'vitest';
import {
  createBelgianReference,
  createFinnishReference,
  createKid,
  createQrReference,
  createRfReference,
  detectReferenceSchemes,
  finnishToRfReference,
  formatQrReference,
  formatRfReference,
  paymentReferenceFor,
  referenceGenerator,
  validateBelgianReference,
  validateEsrReference,
  validateFinnishReference,
  validateKid,
  validateQrReference,
  validateReference,
  validateRfReference,
} from '../../src/matching/references/index.js';
import data from '../fixtures/references/references.json' with { type: 'json' };

interface Case {
  readonly value: string;
  readonly valid: boolean | null;
  readonly mode?: string;
  readonly esr_only?: boolean;
  readonly compact?: string;
}

describe('ISO 11649 RF references (reference data)', () => {
  it.each(data.iso11649.validate as Case[])('validate $value -> $valid', (c) => {
    const r = validateRfReference(c.value);
    expect(r.isOk()).toBe(c.valid);
    if (c.compact !== undefined) expect(r._unsafeUnwrap().value).toBe(c.compact);
    if (r.isErr()) expect(r.error.code).toBe('invalid_reference');
  });
  it.each(data.iso11649.generate)('generate from $base -> $expected', (c) => {
    expect(createRfReference(c.base)._unsafeUnwrap().value).toBe(c.expected);
  });
  it.each(data.iso11649.format)('format $compact', (c) => {
    expect(formatRfReference(c.compact)).toBe(c.formatted);
  });
  it('rejects RF00 and RF01 although they pass a bare mod-97 test', () => {
    const r = validateRfReference('RF0072');
    expect(r._unsafeUnwrapErr().reason).toBe('check digits outside 02..98');
  });
  it('generated references always validate and carry check digits in 02..98', () => {
    for (const base of ['0', 'A', 'ZZZZZZZZZZZZZZZZZZZZZ', '000000000000000000001']) {
      const r = createRfReference(base)._unsafeUnwrap();
      expect(validateRfReference(r.value).isOk()).toBe(true);
    }
    expect(createRfReference('TOO-LONG-1234567890123').isErr()).toBe(true);
  });
});

describe('Finnish reference numbers (reference data)', () => {
  it.each(data.finnish_reference.validate as Case[])('validate $value -> $valid', (c) => {
    expect(validateFinnishReference(c.value).isOk()).toBe(c.valid);
  });
  it.each(data.finnish_reference.national_to_rf)('national $national -> $rf', (c) => {
    expect(finnishToRfReference(c.national)._unsafeUnwrap().value).toBe(c.rf);
  });
  it.each(data.finnish_reference.virtual_barcodes)('bar code reference $reference', (c) => {
    const ok = c.reference.startsWith('RF')
      ? validateRfReference(c.reference)
      : validateFinnishReference(c.reference);
    expect(ok.isOk()).toBe(true);
  });
  it('creates 1231234 from 123123 (README example)', () => {
    expect(createFinnishReference('123123')._unsafeUnwrap().value).toBe('1231234');
  });
});

describe('Norwegian KID (reference data)', () => {
  const modeOf = (m: string) => (m === 'MOD10' ? 'MOD10' : m === 'MOD11' ? 'MOD11' : 'any');
  it.each(data.norwegian_kid as Case[])('validate $value ($mode) -> $valid', (c) => {
    expect(validateKid(c.value, modeOf(c.mode ?? 'any')).isOk()).toBe(c.valid);
  });
  it('creates the README examples', () => {
    expect(createKid('1234')._unsafeUnwrap().value).toBe('12344');
    expect(createKid('1234', 'MOD11')._unsafeUnwrap().value).toBe('12343');
    expect(createKid('234567')._unsafeUnwrap().value).toBe('2345676');
  });
});

describe('Swiss QR and ESR references (reference data)', () => {
  const cases = (data.swiss_qr_reference.validate as Case[]).filter((c) => c.valid !== null);
  it.each(cases)('validate $value -> $valid', (c) => {
    const r = c.esr_only ? validateEsrReference(c.value) : validateQrReference(c.value);
    expect(r.isOk()).toBe(c.valid);
  });
  it.each(data.swiss_qr_reference.format)('format $compact', (c) => {
    expect(formatQrReference(c.compact)).toBe(c.formatted);
  });
  it('the formatting-only case has a valid check digit too (re-check in the data)', () => {
    expect(validateQrReference('123456000000001291146290514').isOk()).toBe(true);
  });
  it('creates 000000000000000000001234565 from 123456', () => {
    expect(createQrReference('123456')._unsafeUnwrap().value).toBe('000000000000000000001234565');
  });
});

describe('Belgian structured communication (reference data)', () => {
  it.each(data.belgian_structured_communication.validate as Case[])(
    'validate $value -> $valid',
    (c) => {
      expect(validateBelgianReference(c.value).isOk()).toBe(c.valid);
    },
  );
  it.each(data.belgian_structured_communication.check_digits)('check of $base', (c) => {
    expect(createBelgianReference(c.base)._unsafeUnwrap().value).toBe(`${c.base}${c.check}`);
  });
});

describe('validateReference and generators', () => {
  it('guesses RF and Belgian, and asks for the scheme of bare digits', () => {
    expect(validateReference('rf18 5390 0754 7034')._unsafeUnwrap().scheme).toBe('iso11649');
    expect(validateReference('1234561')._unsafeUnwrapErr().code).toBe('invalid_reference');
    expect(validateReference('1234561', 'finnish').isOk()).toBe(true);
  });
  it('detects every scheme a digit string passes', () => {
    // 210000000003139471430009017 is a valid QR reference, hence a valid ESR one.
    expect(detectReferenceSchemes('210000000003139471430009017')).toContain('qr');
    expect(detectReferenceSchemes('RF18539007547034')).toEqual(['iso11649']);
  });
  it('derives a valid reference from an invoice number in every scheme', () => {
    for (const scheme of ['iso11649', 'finnish', 'kid', 'qr', 'belgian'] as const) {
      const r = paymentReferenceFor('INV-2024-0117', scheme)._unsafeUnwrap();
      expect(validateReference(r.value, scheme).isOk()).toBe(true);
    }
    // RF over "INV20240117": the reference keeps the invoice number readable.
    expect(paymentReferenceFor('INV-2024-0117')._unsafeUnwrap().value).toMatch(/INV20240117$/);
    expect(paymentReferenceFor('ABC', 'kid')._unsafeUnwrapErr().code).toBe('invalid_reference');
  });
  it('a host generator gives the reference from the subject', () => {
    const gen = referenceGenerator('belgian');
    const r = gen({ invoiceId: 'i-1', number: '2024/17', customerId: 'C1' })._unsafeUnwrap();
    // 0000202417 mod 97 = 202417 - 97*2086 = 202417 - 202342 = 75
    expect(r.formatted).toBe('+++000/0202/41775+++');
  });
});
