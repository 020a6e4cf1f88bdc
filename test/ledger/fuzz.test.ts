/**
 * Fuzzing the ledger's readers: whatever comes in, `parseLedger`, `readLedgerText` and
 * `readLedgerCsv` return a Result and never throw; and whatever ledger they accept,
 * the reports built on it (balances, aging, metrics) run without throwing either.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../src/aging/index.js';
import {
  balancesAsOf,
  type Ledger,
  parseLedger,
  readLedgerCsv,
  readLedgerText,
} from '../../src/ledger/index.js';
import { collectionMetrics } from '../../src/metrics/index.js';
import { ledgerArb } from './arbitraries.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const exampleJson = JSON.parse(readFileSync('examples/data/ledger.json', 'utf8')) as Json;
const exampleCsv = readFileSync('examples/data/ledger.csv', 'utf8');

/** Values that have broken readers before: edge numbers, near-dates, near-amounts, ids. */
const nasty = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1.5,
    1e21,
    '',
    ' ',
    '0',
    '-10.00',
    '1e3',
    '10.005',
    '150',
    'NaN',
    'Infinity',
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '2026-13-01',
    'EUR',
    'JPY',
    'XXX',
    '__proto__',
    'constructor',
    'INV-1001',
    'P-0',
    'C1',
    'draft',
    'void',
    'fee',
    {},
    [],
    [[[[[]]]]],
    { __proto__: null },
    '9'.repeat(40),
    `0.${'1'.repeat(30)}`,
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Every path to a value inside a JSON tree. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}

type Edit = { kind: 'set' | 'delete' | 'duplicate'; at: number; value: Json };

/** Applies edits to a deep copy: replace a value, delete a key, or repeat an array entry. */
function mutate(root: Json, edits: readonly Edit[]): Json {
  let tree = structuredClone(root);
  for (const e of edits) {
    const all = paths(tree);
    const path = all[e.at % all.length]!;
    // A copy of the value: fast-check hands out the same constant object again, and
    // putting it inside itself would make a cycle that JSON cannot have.
    const value = structuredClone(e.value);
    if (path.length === 0) {
      tree = value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((t, k) => (t as never)[k], tree) as never;
    const key = path.at(-1)!;
    if (e.kind === 'delete') {
      if (Array.isArray(parent)) (parent as Json[]).splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key];
    } else if (e.kind === 'duplicate' && Array.isArray(parent)) {
      (parent as Json[]).push(structuredClone((parent as Json[])[key as number]!));
    } else (parent as Record<string | number, Json>)[key] = value;
  }
  return tree;
}

const edits = fc.array(
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('set', 'set', 'delete', 'duplicate'),
    at: fc.nat(),
    value: nasty,
  }),
  { minLength: 1, maxLength: 4 },
);

const aValidLedger = fc.oneof(
  fc.constant(exampleJson),
  ledgerArb.map((l) => JSON.parse(JSON.stringify(l)) as Json),
);

/** Everything a host may do with a ledger the readers accepted: none of it may throw. */
function reportOn(ledger: Ledger): void {
  for (const asOf of ['2025-12-31', '2026-02-15', '2026-12-31']) {
    balancesAsOf(ledger, asOf);
    expect(ageReceivables(ledger, { asOf }).isErr()).toBe(false);
  }
  const currency = ledger.invoices[0]?.currency ?? 'EUR';
  collectionMetrics(ledger, [{ from: '2026-01-01', to: '2026-03-31' }], { currency });
}

/** More runs for a deliberate fuzzing session: `FUZZ_RUNS=20000 npx vitest run ...`. */
const runs = (n: number) => ({ numRuns: Number(process.env.FUZZ_RUNS ?? n) });

function isResult(r: unknown): boolean {
  const x = r as { isOk?: () => boolean; isErr?: () => boolean };
  return typeof x.isOk === 'function' && x.isOk() !== x.isErr!();
}

describe('the ledger readers never throw', () => {
  it('parseLedger returns a Result for any value at all', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (input) => {
        expect(isResult(parseLedger(input))).toBe(true);
      }),
      runs(300),
    );
  });

  it('parseLedger returns a Result for a mutated valid ledger; what it accepts reports', () => {
    fc.assert(
      fc.property(aValidLedger, edits, (valid, e) => {
        const input = mutate(valid, e);
        const r = parseLedger(input);
        expect(isResult(r)).toBe(true);
        if (r.isOk()) reportOn(r.value);
        // The same ledger as JSON text reads the same way.
        const text = readLedgerText(JSON.stringify(input) ?? '');
        expect(text.isOk()).toBe(r.isOk());
      }),
      runs(300),
    );
  });

  it('readLedgerText and readLedgerCsv return a Result for any text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', '{', '[', 'type', 'x', '1') }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(isResult(readLedgerText(t))).toBe(true);
        expect(isResult(readLedgerCsv(t))).toBe(true);
      }),
      runs(300),
    );
  });

  it('readLedgerCsv returns a Result for the example CSV with characters changed', () => {
    const change = fc.record({
      at: fc.nat(),
      cut: fc.nat(3),
      put: fc.constantFrom(
        '',
        ',',
        '"',
        '\n',
        '-',
        '.',
        '0',
        '9',
        'x',
        'invoice',
        'allocation',
        'constructor',
      ),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 5 }), (changes) => {
        let csv = exampleCsv;
        for (const c of changes) {
          const at = c.at % (csv.length + 1);
          csv = csv.slice(0, at) + c.put + csv.slice(at + c.cut);
        }
        const r = readLedgerCsv(csv);
        expect(isResult(r)).toBe(true);
        if (r.isOk()) reportOn(r.value);
      }),
      runs(200),
    );
  });
});

describe('what the fuzzing found, kept as cases', () => {
  it('reads a record type or invoice id named like an Object.prototype member as unknown', () => {
    for (const type of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const e = readLedgerCsv(`type,id,name\n${type},C,n\n`)._unsafeUnwrapErr();
      expect(e).toMatchObject({ code: 'parse_error', line: 2 });
      expect(e.message).toContain('unknown record type');
    }
    const part = 'type,id,invoiceId,dueDate,amount\ninstalment,X,constructor,2026-01-01,1\n';
    expect(readLedgerCsv(part)._unsafeUnwrapErr().message).toContain('unknown invoice');
  });

  it('refuses a column named twice instead of renaming it (and warning on the console)', () => {
    const csv = 'type,id,name,name\ncustomer,C1,Acme,Other\n';
    expect(readLedgerCsv(csv)._unsafeUnwrapErr()).toMatchObject({ code: 'parse_error', line: 1 });
    expect(readLedgerCsv(csv)._unsafeUnwrapErr().message).toContain('"name" appears twice');
    // Blanks around a header name do not make it another column.
    expect(readLedgerCsv('type , id ,name\ncustomer,C1,Acme\n')._unsafeUnwrap().customers).toEqual([
      { id: 'C1', name: 'Acme' },
    ]);
  });

  it('turns a getter or proxy that throws into invalid_input', () => {
    const getter = {
      get invoices(): never {
        throw new Error('boom');
      },
    };
    expect(parseLedger(getter)._unsafeUnwrapErr().code).toBe('invalid_input');
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(parseLedger(trap)._unsafeUnwrapErr().message).toContain('trap');
  });
});
