import fc from 'fast-check';
import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { ReceivablesError } from '../../src/errors/index.js';
import {
  type CsvMapping,
  readBai2,
  readCamt,
  readCsvStatement,
  readMt940,
  readStatement,
} from '../../src/statements/index.js';
import type { StatementFile } from '../../src/statements/types.js';
import { fixture, index } from './fixtures.js';

const mapping: CsvMapping = {
  currency: 'EUR',
  header: false,
  columns: { bookingDate: 0, amount: 1, remittanceText: 2 },
};

type Reader = (content: string | Uint8Array) => Result<StatementFile, ReceivablesError>;
const readers: [string, Reader][] = [
  ['camt', (c) => readCamt(c)],
  ['mt940', (c) => readMt940(c)],
  ['bai2', (c) => readBai2(c)],
  ['csv', (c) => readCsvStatement(c, mapping)],
  ['auto', (c) => readStatement(c)],
];

const EXPECTED_CODES = ['parse_error', 'unsafe_input', 'input_too_large', 'unsupported_format'];

/** A proper error: one of the reader codes, and not the last-defence guard's. */
function expectProper(result: Result<StatementFile, ReceivablesError>): void {
  if (result.isOk()) {
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    return;
  }
  expect(EXPECTED_CODES).toContain(result.error.code);
  expect(result.error.message).not.toContain('unexpected failure');
}

type Mutation = {
  kind: 'delete' | 'truncate' | 'duplicate' | 'byte';
  at: number;
  length: number;
  byte: number;
};

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = m.at % (bytes.length + 1);
  const end = Math.min(bytes.length, at + m.length);
  const parts = {
    delete: () => [bytes.subarray(0, at), bytes.subarray(end)],
    truncate: () => [bytes.subarray(0, at)],
    duplicate: () => [bytes.subarray(0, end), bytes.subarray(at)],
    byte: () => [bytes.subarray(0, at), Uint8Array.of(m.byte), bytes.subarray(at + 1)],
  }[m.kind]();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'truncate', 'duplicate', 'byte') as fc.Arbitrary<
    Mutation['kind']
  >,
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 200 }),
  byte: fc.integer({ min: 0, max: 255 }),
});

describe('every reader returns a Result and never throws', () => {
  it.each(readers)('%s on random text and random bytes', (_name, read) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 })),
        (input) => {
          expectProper(read(input));
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each(readers)('%s on format-shaped random lines', (_name, read) => {
    const line = fc.oneof(
      fc.constantFrom(
        ':20:X',
        ':25:A/B',
        ':28C:1/1',
        ':60F:C240102EUR1,',
        ':62F:C240102EUR1,',
        '-',
      ),
      fc.constantFrom(
        ':61:240102C1,NTRFX',
        ':86:166?00X?20SVWZ+Y?32Z',
        '01,A,B,240102,0800,1,,,2/',
      ),
      fc.constantFrom(
        '02,A,B,1,240102,,USD/',
        '03,1,USD,010,1,,/',
        '16,142,1,,R,,T/',
        '49,1,2/',
        '98,1,1,4/',
        '99,1,1,6/',
      ),
      fc.constantFrom(
        '<Document>',
        '<BkToCstmrStmt>',
        '<Stmt><Id>1</Id>',
        '<Ntry>',
        '</Ntry>',
        '88,X',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) =>
        expectProper(read(lines.join('\n'))),
      ),
      { numRuns: 150 },
    );
  });
});

describe('mutations of the real files give proper errors, not the last-defence guard', () => {
  const files = index.files.map((f) => ({ name: f.file as string, bytes: fixture(f.file) }));
  it.each(files)('$name', ({ bytes }) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const input = mutations.reduce(mutate, bytes);
        expectProper(readStatement(input));
      }),
      { numRuns: 60 },
    );
  });

  it('gives a located parse_error for every truncation of a camt file', () => {
    const bytes = fixture('camt053_oca_test-camt053.xml');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: bytes.length - 20 }), (cut) => {
        const e = readStatement(bytes.subarray(0, cut))._unsafeUnwrapErr();
        expect(e.code).toBe('parse_error');
        expect(e).toHaveProperty('line');
      }),
      { numRuns: 100 },
    );
  });
});
