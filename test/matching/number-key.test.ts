import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberKey } from '../../src/matching/index.js';

/** The definition the scanner implements, written with regular expressions. */
function byDefinition(written: string) {
  const groups = written.toUpperCase().match(/[A-Z]+|\d+/g) ?? [];
  let i = 0;
  let prefix = '';
  while (i < groups.length && !/^\d/.test(groups[i]!)) prefix += groups[i++];
  const rest = groups.slice(i);
  if (rest.length === 0) return undefined;
  const strip = (g: string) => g.replace(/^0+(?=\d)/, '');
  return {
    prefix,
    key: rest.map((g) => (/^\d/.test(g) ? strip(g) : g)).join('-'),
    digits: strip(rest.filter((g) => /^\d/.test(g)).join('')),
    compact: `${prefix}${rest.join('')}`,
  };
}

describe('numberKey', () => {
  it('reduces the ways people write one invoice number to the same groups and digits', () => {
    // Hand-reduced: prefix letters dropped from the key, zeros leading a group dropped.
    expect(numberKey('INV-2024-0117')).toEqual({
      prefix: 'INV',
      key: '2024-117',
      digits: '20240117',
      compact: 'INV20240117',
    });
    expect(numberKey('inv 2024/117')?.key).toBe('2024-117');
    expect(numberKey('Rechnung Nr. 2024-000117')?.digits).toBe('2024000117');
    expect(numberKey('000')).toEqual({ prefix: '', key: '0', digits: '0', compact: '000' });
    expect(numberKey('Straße 7a')).toEqual({
      prefix: 'STRASSE',
      key: '7-A',
      digits: '7',
      compact: 'STRASSE7A',
    });
    expect(numberKey('no digits here')).toBeUndefined();
  });

  it('agrees with its definition on any text', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'aZ09-/ .ßüÜ#x0'.split(''), 'ﬀ', 'İ'),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 24 })), (s) => {
        expect(numberKey(s)).toEqual(byDefinition(s));
      }),
      { numRuns: 300 },
    );
  });
});
