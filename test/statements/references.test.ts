import { describe, expect, it } from 'vitest';
import {
  isBelgianReference,
  isIso11649,
  isSwissReference,
  mod10Recursive,
  structuredReference,
} from '../../src/statements/references.js';

describe('reference check digits', () => {
  it('checks ISO 11649 by mod 97-10 and refuses check digits 00, 01 and 99', () => {
    // ISO 11649's example: 539007547034 + "RF18" -> 5390075470342715 18 mod 97 = 1.
    expect(isIso11649('RF18539007547034')).toBe(true);
    expect(isIso11649('RF18539007547035')).toBe(false);
    expect(isIso11649('RF01539007547034')).toBe(false);
  });

  it('checks Swiss QR references by recursive mod 10', () => {
    // Swiss QR-bill example 21000000000313947143000901 + check digit 7.
    expect(mod10Recursive('21000000000313947143000901')).toBe(7);
    expect(isSwissReference('210000000003139471430009017')).toBe(true);
    // 26 zeros give check digit 0, so ...0003 fails (as index.json says of the OCA sample).
    expect(isSwissReference('000000000000000000000000003')).toBe(false);
  });

  it('checks Belgian structured communications by mod 97', () => {
    // 0909337554 mod 97 = 93.
    expect(isBelgianReference('090933755493')).toBe(true);
    expect(isBelgianReference('090933755494')).toBe(false);
  });

  it('classifies by the file label and keeps the value as written without spaces', () => {
    expect(structuredReference('+++090/9337/55493+++', { code: 'SCOR', issuer: 'BBA' })).toEqual({
      value: '090933755493',
      scheme: 'belgian',
      valid: true,
    });
    expect(structuredReference('ISR ref 1', { proprietary: 'ISR Reference' })).toEqual({
      value: 'ISRref1',
      scheme: 'esr',
      valid: false,
    });
    expect(structuredReference('ABC-1', { proprietary: 'BANK' })).toEqual({
      value: 'ABC-1',
      scheme: 'other',
      valid: true,
    });
  });
});
