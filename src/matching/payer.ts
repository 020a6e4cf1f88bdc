/**
 * Who paid: the payer's account (IBAN or other) looked up among the accounts on
 * file, else the payer's name compared with customer names and aliases, exactly
 * (after normalisation) or by similarity. Name candidates come from a word index,
 * so a lookup compares with a handful of customers, never with all of them.
 *
 * @module
 */
import type { Customer } from '../ledger/types.js';
import { nameKey, nameSimilarity } from './names.js';
import { addTo, type MultiMap, valuesOf } from './numbers.js';

/** The customers, indexed by account, name key and name word. */
export interface PayerIndex {
  readonly customers: readonly Customer[];
  readonly byAccount: MultiMap;
  readonly byName: MultiMap;
  readonly byWord: MultiMap;
  /** Name keys of each customer (name and aliases). */
  readonly keys: readonly (readonly string[])[];
}

/** How a customer was identified as the payer. */
export interface PayerMatch {
  readonly customer: number;
  readonly how: 'account' | 'name_exact' | 'name_fuzzy';
  readonly similarity: number;
  /** The name the payer's name resembled (for fuzzy and exact names). */
  readonly matchedName?: string;
}

/**
 * An account number as compared: no spaces, upper case.
 *
 * @example
 * normaliseAccount('de89 3704 0044')
 * //=> 'DE8937040044'
 */
export function normaliseAccount(account: string): string {
  return account.replace(/\s+/g, '').toUpperCase();
}

/**
 * Builds the payer index over the customers (position = customer index).
 *
 * @example
 * buildPayerIndex([{ id: 'C1', name: 'Acme GmbH' }]).byName.get('acme')
 * //=> 0
 */
export function buildPayerIndex(customers: readonly Customer[]): PayerIndex {
  const index: PayerIndex = {
    customers,
    byAccount: new Map(),
    byName: new Map(),
    byWord: new Map(),
    keys: customers.map((c) => [c.name, ...(c.aliases ?? [])].map(nameKey)),
  };
  customers.forEach((c, i) => {
    for (const account of c.accounts ?? []) addTo(index.byAccount, normaliseAccount(account), i);
    for (const key of index.keys[i]!) {
      if (key === '') continue;
      addTo(index.byName, key, i);
      for (const word of key.split(' ')) {
        addTo(index.byWord, word, i);
        if (word.length >= 5) addTo(index.byWord, `~${word.slice(0, 4)}`, i);
      }
    }
  });
  return index;
}

/** Words shared by this many customers say too little to look them up by. */
const COMMON_WORD = 200;
/** At most this many customers are compared by similarity per payment. */
const MAX_COMPARED = 64;

/**
 * The customers the payer may be, strongest evidence first: every customer with
 * the payer's account; else every customer whose name key equals the payer's;
 * else every customer at least `minSimilarity` alike.
 *
 * @example
 * identifyPayer(buildPayerIndex([acme]), undefined, 'ACME', 0.85)[0]?.how
 * //=> 'name_exact'
 */
export function identifyPayer(
  index: PayerIndex,
  account: string | undefined,
  name: string | undefined,
  minSimilarity: number,
): PayerMatch[] {
  if (account !== undefined && account.trim() !== '') {
    const byAccount = valuesOf(index.byAccount, normaliseAccount(account));
    if (byAccount.length > 0) {
      return byAccount.map((customer) => ({ customer, how: 'account', similarity: 1 }));
    }
  }
  if (name === undefined) return [];
  const key = nameKey(name);
  if (key === '') return [];
  const exact = valuesOf(index.byName, key);
  if (exact.length > 0) {
    return exact.map((customer) => ({
      customer,
      how: 'name_exact',
      similarity: 1,
      matchedName: index.customers[customer]!.name,
    }));
  }
  return fuzzyByName(index, key, minSimilarity);
}

function fuzzyByName(index: PayerIndex, key: string, minSimilarity: number): PayerMatch[] {
  const seen = new Set<number>();
  for (const word of key.split(' ')) {
    const lists = [valuesOf(index.byWord, word)];
    if (word.length >= 5) lists.push(valuesOf(index.byWord, `~${word.slice(0, 4)}`));
    for (const list of lists) {
      if (list.length > COMMON_WORD) continue;
      for (const c of list) if (seen.size < MAX_COMPARED) seen.add(c);
    }
  }
  const matches: PayerMatch[] = [];
  for (const customer of [...seen].sort((a, b) => a - b)) {
    const keys = index.keys[customer]!;
    let best = 0;
    let bestAt = 0;
    keys.forEach((k, i) => {
      const s = nameSimilarity(key, k);
      if (s > best) [best, bestAt] = [s, i];
    });
    if (best >= minSimilarity) {
      const c = index.customers[customer]!;
      const matchedName = bestAt === 0 ? c.name : c.aliases![bestAt - 1]!;
      matches.push({ customer, how: 'name_fuzzy', similarity: best, matchedName });
    }
  }
  return matches.sort((a, b) => b.similarity - a.similarity || a.customer - b.customer);
}
