/**
 * A seeded, realistic book for measuring cash application: customers whose names
 * payers write in many ways (upper case, without legal form, words swapped,
 * accents dropped, a typo) and who pay from known or unknown accounts; open
 * invoices with terms, early-payment discounts and RF references; and one bank
 * statement whose payments follow the documented mix below, each with the true
 * allocation a careful person would make. The same seed gives the same book.
 *
 * Mix of the statement (share of transactions):
 * | category        | share | what the payer did |
 * |-----------------|-------|--------------------|
 * | reference       | 22 %  | structured RF reference, exact amount |
 * | free-text       | 18 %  | invoice number in the text (prefix or not, separators, leading zeros), exact amount |
 * | typo            |  5 %  | invoice number with one wrong, missing or extra digit, known payer |
 * | combined-named  |  4 %  | 2-3 invoices of one customer in one payment, all numbers in the text |
 * | combined-oldest |  3 %  | no text: the customer's 2-4 oldest invoices (by due date), as a payer settling everything due up to a date does |
 * | combined-random |  1 %  | no text: 2-3 invoices of the customer picked at random |
 * | discount        |  8 %  | paid within the discount period, net of the 2 % discount |
 * | partial         |  5 %  | 30-70 % of a named invoice |
 * | fee             |  4 %  | named invoice less a bank fee of 7.50-20.00 |
 * | short           |  2 %  | named invoice less 0.01-1.00 (within tolerance) |
 * | overpaid        |  3 %  | named invoice plus 1.00-50.00 |
 * | no-reference    | 12 %  | no text at all, known payer (account or name), exact amount |
 * | stranger        |  6 %  | unknown payer, unknown amount, text without invoice numbers |
 * | reversal        |  4 %  | return of an earlier payment of this statement |
 * | debit           |  3 %  | bank charges and outgoing transfers |
 *
 * Combined payments without remittance text are modelled on how customers pay by
 * statement: they settle their oldest bills, everything due up to some date, in one
 * transfer (3 of the 4 points); a random choice of bills (1 point) stands for
 * everything else (bills skipped because disputed, paid from another account...).
 * For those two categories the truth records whether the amount is ambiguous: some
 * other set of at most 5 of the customer's open items adds up to the same cent
 * (matching-ambiguity.ts, written apart from the matcher). Nothing in the book can
 * then tell the sets apart but the pattern of the choice itself.
 */
import type { Customer, OpenItem } from '../src/ledger/types.js';
import { olderFirst } from '../src/matching/book.js';
import { paymentReferenceFor } from '../src/matching/index.js';
import type { BankTransaction } from '../src/statements/types.js';
import { type Amounts, countSets } from './matching-ambiguity.js';
import { prng } from './util.js';

/** The expected outcome of one transaction. */
export interface Truth {
  readonly category: string;
  /** Sorted `kind:item:amount` strings; empty when nothing should be applied. */
  readonly allocations: readonly string[];
  /** Whether the book holds one right answer a matcher could find. */
  readonly unique: boolean;
  /**
   * A combined payment without text whose amount other sets of at most 5 of the
   * customer's items add up to as well: nothing in the book says which one was meant.
   */
  readonly ambiguous?: boolean;
  /** For a reversal: the transaction it undoes. */
  readonly undoes?: string;
  readonly ignored?: boolean;
}

/** The generated book. */
export interface MatchingBook {
  readonly customers: Customer[];
  readonly items: OpenItem[];
  readonly transactions: BankTransaction[];
  readonly truth: ReadonlyMap<string, Truth>;
}

const MIX: readonly [string, number][] = [
  ['reference', 22],
  ['free-text', 18],
  ['typo', 5],
  ['combined-named', 4],
  ['combined-oldest', 3],
  ['combined-random', 1],
  ['discount', 8],
  ['partial', 5],
  ['fee', 4],
  ['short', 2],
  ['overpaid', 3],
  ['no-reference', 12],
  ['stranger', 6],
  ['reversal', 4],
  ['debit', 3],
];

const WORDS = (
  'Nordic Alpine Baltic Central Coastal Delta Eastern Golden Harbor Iron Lake Metro ' +
  'North Pacific Prime Quantum River Silver Solar Summit Union United Valley West ' +
  'Atlas Bergmann Fischer Hoffmann Keller König Lehmann Meyer Müller Schäfer Schmidt ' +
  'Wagner Weber Zimmermann Dupont Lefèvre Moreau García Martínez Rossi Bianchi Jansen'
).split(' ');
const TRADES = (
  'Steel Logistics Foods Textiles Motors Systems Pharma Media Energy Tools Print ' +
  'Plastics Timber Glass Chemicals Software Electric Marine Farms Optics'
).split(' ');
const CITIES = 'Berlin Hamburg Wien Zürich Lyon Milano Delft Oslo Turku Gent Graz Basel'.split(' ');
const FORMS = ['GmbH', 'AG', 'GmbH & Co. KG', 'Ltd', 'Inc', 'SA', 'B.V.', 'Oy', 'AS', 'S.r.l.'];

const STATEMENT_DAY = '2024-06-15';

function cents(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

function iban(n: number): string {
  return `DE${String(10 + (n % 89)).padStart(2, '0')}${String(n).padStart(18, '0')}`;
}

function dayOf(offset: number): string {
  const d = new Date(Date.UTC(2024, 3, 1 + offset));
  return d.toISOString().slice(0, 10);
}

/** Generates a book: `customers` customers, `items` open invoices, `transactions` payments. */
export function generateBook(
  counts: { customers: number; items: number; transactions: number },
  seed = 20240615,
): MatchingBook {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

  const customers: Customer[] = [];
  const names: { base: string[]; form: string }[] = [];
  for (let i = 0; i < counts.customers; i += 1) {
    const base = [pick(WORDS), pick(TRADES), CITIES[i % CITIES.length]!, String(i)];
    const form = pick(FORMS);
    names.push({ base, form });
    const known = r() < 0.7;
    customers.push({
      id: `C-${i}`,
      name: `${base.join(' ')} ${form}`,
      ...(known && { accounts: [iban(i)] }),
    });
  }

  const items: OpenItem[] = [];
  const byCustomer: number[][] = customers.map(() => []);
  for (let i = 0; i < counts.items; i += 1) {
    // A few large customers: a quarter of the invoices go to the first 2 % of customers.
    const c =
      r() < 0.25
        ? int(0, Math.max(0, Math.floor(counts.customers / 50) - 1))
        : int(0, counts.customers - 1);
    const issueOffset = int(0, 74);
    const issue = dayOf(issueOffset);
    const number = `INV-2024-${String(i + 1).padStart(6, '0')}`;
    const amount = int(5_000, 2_000_000);
    const discount = r() < 0.4;
    const reference = r() < 0.5;
    const until = dayOf(issueOffset + 10);
    items.push({
      id: number,
      kind: 'invoice',
      invoiceId: number,
      number,
      customerId: `C-${c}`,
      currency: 'EUR',
      issueDate: issue,
      dueDate: dayOf(issueOffset + 30),
      amount: cents(amount),
      allocatedAmount: '0.00',
      writtenOffAmount: '0.00',
      openAmount: cents(amount),
      status: 'open',
      disputed: false,
      ...(reference && { paymentReference: paymentReferenceFor(number)._unsafeUnwrap().value }),
      ...(discount && { discounts: [{ until, percent: '2' }] }),
    });
    byCustomer[c]!.push(i);
  }

  const used = new Set<number>();
  const freeItem = (filter: (i: number) => boolean = () => true): number | undefined => {
    for (let tries = 0; tries < 50; tries += 1) {
      const i = int(0, items.length - 1);
      if (!used.has(i) && filter(i)) {
        used.add(i);
        return i;
      }
    }
    return undefined;
  };
  const openOf = (i: number) => Math.round(Number(items[i]!.openAmount) * 100);
  const withDiscount = (i: number) => (items[i]!.discounts?.[0]?.until ?? '') >= STATEMENT_DAY;
  // A customer's open items as a matcher sees them on the statement day.
  const amountsOf = (c: number): Amounts[] =>
    byCustomer[c]!.map((k) =>
      withDiscount(k)
        ? { full: openOf(k), discounted: openOf(k) - Math.round(openOf(k) * 0.02) }
        : { full: openOf(k) },
    );
  const cust = (i: number) => Number(items[i]!.customerId.slice(2));
  const payerOf = (c: number, preferName = false): Partial<BankTransaction> => {
    const known = customers[c]!.accounts?.[0];
    if (known !== undefined && !preferName && r() < 0.85) {
      return { counterpartyAccount: known, counterpartyName: customers[c]!.name.toUpperCase() };
    }
    return {
      counterpartyAccount: iban(900_000_000 + int(0, 99_999)),
      counterpartyName: variant(c),
    };
  };
  const variant = (c: number): string => {
    const { base, form } = names[c]!;
    switch (int(0, 4)) {
      case 0:
        return `${base.join(' ')} ${form}`.toUpperCase();
      case 1:
        return base.join(' ');
      case 2:
        return [base[1], base[0], base[2], base[3]].join(' ');
      case 3:
        return `${base.join(' ')} ${form}`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      default:
        return `${base.join(' ').replace(/e/, '')} ${form}`;
    }
  };
  const written = (i: number): string => {
    const n = items[i]!.number!;
    const digits = n.slice(9).replace(/^0+/, '');
    return pick([
      n,
      `Rechnung ${n}`,
      `Invoice 2024/${digits}`,
      `RE ${n.replace(/-/g, ' ')}`,
      `2024-${digits}`,
      `inv${n.slice(4)}`,
    ]);
  };
  const typo = (i: number): string => {
    const n = items[i]!.number!;
    const d = n.slice(9);
    const at = int(0, d.length - 1);
    const digit = String((Number(d[at]) + int(1, 9)) % 10);
    const changed = pick([
      d.slice(0, at) + digit + d.slice(at + 1),
      d.slice(0, at) + d.slice(at + 1),
      d.slice(0, at) + digit + d.slice(at),
    ]);
    return `INV-2024-${changed}`;
  };

  const transactions: BankTransaction[] = [];
  const truth = new Map<string, Truth>();
  const credits: { id: string; amount: string; e2e: string }[] = [];
  const pay = (i: number, c: number) => `payment:${items[i]!.id}:${cents(c)}`;
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  for (let t = 0; t < counts.transactions; t += 1) {
    const id = `TX-${t}`;
    const roll = r() * total;
    let below = 0;
    const category =
      MIX.find(([, w]) => {
        below += w;
        return roll < below;
      })?.[0] ?? 'stranger';
    const base = {
      id,
      statementId: 'ST-2024-06-15',
      bookingDate: STATEMENT_DAY,
      valueDate: STATEMENT_DAY,
      currency: 'EUR',
      direction: 'credit' as const,
      reversal: false,
      endToEndId: `E2E-${seed}-${t}`,
    };
    const add = (tx: Partial<BankTransaction> & { amount: string }, tr: Truth) => {
      transactions.push({ ...base, ...tx });
      truth.set(id, tr);
      if (tx.direction === undefined) credits.push({ id, amount: tx.amount, e2e: base.endToEndId });
    };
    const single =
      !category.startsWith('combined') &&
      category !== 'stranger' &&
      category !== 'reversal' &&
      category !== 'debit';
    const i = single
      ? freeItem(
          category === 'discount'
            ? withDiscount
            : category === 'reference'
              ? (k) => items[k]!.paymentReference !== undefined
              : undefined,
        )
      : undefined;
    if (single && i === undefined) continue;
    const c = i === undefined ? 0 : cust(i);
    const o = i === undefined ? 0 : openOf(i);
    switch (category) {
      case 'reference': {
        const ref = items[i!]!.paymentReference!;
        add(
          {
            amount: cents(o),
            structuredReference: { value: ref, scheme: 'iso11649', valid: true },
            ...payerOf(c),
          },
          { category, allocations: [pay(i!, o)], unique: true },
        );
        break;
      }
      case 'free-text':
        add(
          { amount: cents(o), remittanceText: written(i!), ...payerOf(c) },
          { category, allocations: [pay(i!, o)], unique: true },
        );
        break;
      case 'typo':
        add(
          { amount: cents(o), remittanceText: typo(i!), ...payerOf(c) },
          { category, allocations: [pay(i!, o)], unique: true },
        );
        break;
      case 'discount': {
        const d = Math.round(o * 0.02);
        const text = r() < 0.5 ? { remittanceText: written(i!) } : {};
        add(
          { amount: cents(o - d), ...text, ...payerOf(c) },
          {
            category,
            allocations: [pay(i!, o - d), `discount:${items[i!]!.id}:${cents(d)}`].sort(),
            unique: true,
          },
        );
        break;
      }
      case 'partial': {
        const p = Math.round(o * (0.3 + r() * 0.4));
        add(
          { amount: cents(p), remittanceText: written(i!), ...payerOf(c) },
          { category, allocations: [pay(i!, p)], unique: true },
        );
        break;
      }
      case 'fee': {
        const fee = int(750, 2000);
        add(
          { amount: cents(o - fee), remittanceText: written(i!), ...payerOf(c) },
          { category, allocations: [pay(i!, o - fee)], unique: true },
        );
        break;
      }
      case 'short': {
        const s = Math.min(int(1, 100), Math.floor(o / 100));
        add(
          { amount: cents(o - s), remittanceText: written(i!), ...payerOf(c) },
          {
            category,
            allocations: [
              pay(i!, o - s),
              `short-payment-write-off:${items[i!]!.id}:${cents(s)}`,
            ].sort(),
            unique: true,
          },
        );
        break;
      }
      case 'overpaid': {
        const extra = int(100, 5000);
        add(
          { amount: cents(o + extra), remittanceText: written(i!), ...payerOf(c) },
          {
            category,
            allocations: [pay(i!, o), `unapplied:${items[i!]!.customerId}:${cents(extra)}`].sort(),
            unique: true,
          },
        );
        break;
      }
      case 'no-reference':
        add(
          { amount: cents(o), ...payerOf(c) },
          { category, allocations: [pay(i!, o)], unique: customers[c]!.accounts !== undefined },
        );
        break;
      case 'combined-named':
      case 'combined-oldest':
      case 'combined-random': {
        const first = freeItem();
        if (first === undefined) continue;
        const owner = cust(first);
        const open = byCustomer[owner]!.filter((k) => !used.has(k) || k === first);
        let picked: number[];
        if (category === 'combined-oldest') {
          // Paying by statement: everything up to some due date, i.e. the N oldest bills.
          used.delete(first);
          const oldest = [...byCustomer[owner]!].sort((a, b) => olderFirst(items[a]!, items[b]!));
          picked = oldest.slice(0, int(2, 4));
          if (picked.length < 2 || picked.some((k) => used.has(k))) continue;
        } else {
          const others = open.filter((k) => k !== first);
          picked = [first];
          for (let n = int(1, 2); n > 0 && others.length > 0; n -= 1) {
            picked.push(others.splice(int(0, others.length - 1), 1)[0]!);
          }
          if (picked.length < 2) {
            used.delete(first);
            continue;
          }
        }
        for (const k of picked) used.add(k);
        const sum = picked.reduce((s, k) => s + openOf(k), 0);
        const text =
          category === 'combined-named'
            ? { remittanceText: picked.map((k) => items[k]!.number).join(', ') }
            : {};
        const alternatives =
          category === 'combined-named' ? 1 : countSets(amountsOf(owner), sum, 5, 2);
        add(
          { amount: cents(sum), ...text, ...payerOf(owner) },
          {
            category,
            allocations: picked.map((k) => pay(k, openOf(k))).sort(),
            unique: alternatives === 1,
            ...(alternatives > 1 && { ambiguous: true }),
          },
        );
        break;
      }
      case 'stranger':
        add(
          {
            amount: cents(int(1_000, 500_000) + 37),
            remittanceText: `Order ${int(10, 99)}/${pick(CITIES)} thank you`,
            counterpartyName: `Private person ${t}`,
            counterpartyAccount: iban(800_000_000 + t),
          },
          { category, allocations: [], unique: false },
        );
        break;
      case 'reversal': {
        const earlier = credits.length > 0 ? credits[int(0, credits.length - 1)] : undefined;
        if (earlier === undefined) continue;
        add(
          {
            amount: earlier.amount,
            direction: 'debit',
            reversal: true,
            endToEndId: earlier.e2e,
            remittanceText: 'RETURN AC04 account closed',
          },
          { category, allocations: [], unique: false, undoes: earlier.id, ignored: true },
        );
        break;
      }
      default:
        add(
          { amount: cents(int(100, 100_000)), direction: 'debit', remittanceText: 'Account fees' },
          { category, allocations: [], unique: false, ignored: true },
        );
    }
  }
  return { customers, items, transactions, truth };
}
