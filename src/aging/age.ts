/**
 * Aging of receivables as of a date: every open item's open amount placed in a bucket
 * by its days past due (or days since issue), per customer and currency, with unapplied
 * cash and credit as negative amounts, so the buckets of a customer always add up to
 * its balance. Sums are exact, in integer minor units (see `ledger/units.ts`).
 *
 * Leaves out: conversion between currencies (each currency is aged on its own), and
 * disputed items are aged like any other (the `disputed` flag is in `balancesAsOf`).
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { issueDateOf } from '../ledger/items.js';
import { replayLedger } from '../ledger/replay.js';
import { dueDateOf, openOf, unitsOf } from '../ledger/state.js';
import type {
  Balances,
  Customer,
  Ledger,
  LedgerCreditNote,
  LedgerPayment,
} from '../ledger/types.js';
import { parseUnits } from '../ledger/units.js';
import { type IsoDate, isIsoDate, toDayNumber } from '../terms/date.js';
import { resolveBuckets } from './buckets.js';
import { Collector } from './collect.js';
import { buildReport } from './report.js';
import type { AgeReceivablesOptions, AgingReport } from './types.js';

function isBalances(input: Ledger | Balances): input is Balances {
  return typeof (input as Balances).asOf === 'string' && Array.isArray((input as Balances).sources);
}

function collectLedger(ledger: Ledger, asOf: IsoDate, byIssue: boolean, c: Collector): void {
  const state = replayLedger(ledger, asOf);
  const t = state.items;
  for (let i = 0; i < t.count; i++) {
    const open = openOf(t, i);
    if (!(open > 0)) continue;
    const r = t.record[i]!;
    const date = byIssue ? issueDateOf(t, i) : dueDateOf(t, i);
    c.item(r.customerId, r.currency, t.minorUnits[i]!, open, date);
  }
  const s = state.sources;
  for (let k = 0; k < s.count; k++) {
    const left = s.left.get(k);
    if (!(left > 0)) continue;
    const r = s.record[k]!;
    const cash = s.cash[k] === 1;
    const date = cash ? (r as LedgerPayment).date : (r as LedgerCreditNote).issueDate;
    c.source(r.customerId, r.currency, s.minorUnits[k]!, left, date, cash);
  }
}

function collectBalances(
  balances: Balances,
  byIssue: boolean,
  c: Collector,
): Result<true, ReceivablesError> {
  let lastCurrency = '';
  let lastUnits = 0;
  const unitsFor = (currency: string) => {
    if (currency !== lastCurrency) {
      lastUnits = unitsOf(currency);
      lastCurrency = currency;
    }
    return lastUnits;
  };
  // The error path is built only for a bad amount: an array per amount read would be
  // a million short-lived allocations for a million items.
  const refuse = (amount: string, currency: string, path: (string | number)[]) =>
    err(
      receivablesError(
        'invalid_amount',
        { input: amount, reason: `not a ${currency} amount` },
        path,
      ),
    );
  const items = balances.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const mu = unitsFor(item.currency);
    const open = parseUnits(item.openAmount, mu);
    if (open === undefined)
      return refuse(item.openAmount, item.currency, ['items', i, 'openAmount']);
    if (!(open > 0)) continue;
    c.item(item.customerId, item.currency, mu, open, byIssue ? item.issueDate : item.dueDate);
  }
  const sources = balances.sources;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const mu = unitsFor(s.currency);
    const left = parseUnits(s.unappliedAmount, mu);
    if (left === undefined) {
      return refuse(s.unappliedAmount, s.currency, ['sources', i, 'unappliedAmount']);
    }
    if (left > 0) c.source(s.customerId, s.currency, mu, left, s.date, s.kind === 'payment');
  }
  return ok(true);
}

/**
 * Ages receivables as of a date, per customer and in total, per currency.
 *
 * Each open item's open amount goes to the bucket of its days past due (asOf minus
 * due date) or, with `basis: 'days-since-issue'`, of asOf minus issue date. Unapplied
 * cash and credit are negative amounts in the bucket of their own date (days since
 * received or issued), or with `unapplied: 'net-oldest'` are taken off the oldest
 * buckets first (anything beyond all that is open stays, negative, in the first
 * bucket). Either way a row's buckets add up to its balance, to the minor unit.
 *
 * @param input - a ledger, or balances already computed by `balancesAsOf`
 * @param options - reporting date, basis, buckets, unapplied treatment
 *
 * @example
 * ageReceivables(ledger, { asOf: '2019-01-31' }).map((r) => r.rows[0]?.balance)
 * //=> Ok('700.00')
 */
export function ageReceivables(
  input: Ledger | Balances,
  options: AgeReceivablesOptions = {},
): Result<AgingReport, ReceivablesError> {
  const given = isBalances(input) ? input : undefined;
  const asOf = options.asOf ?? given?.asOf;
  if (!isIsoDate(asOf))
    return err(receivablesError('invalid_date', { input: String(asOf) }, ['asOf']));
  if (given && given.asOf !== asOf) {
    const issues = [
      { path: ['asOf'], message: `the balances are as of ${given.asOf}, not ${asOf}` },
    ];
    return err(receivablesError('invalid_input', { issues }, ['asOf']));
  }
  const basis = options.basis ?? 'days-past-due';
  if (basis !== 'days-past-due' && basis !== 'days-since-issue') {
    return err(
      receivablesError('invalid_policy', { reason: `unknown aging basis ${String(basis)}` }, [
        'basis',
      ]),
    );
  }
  const unapplied = options.unapplied ?? 'own-bucket';
  if (unapplied !== 'own-bucket' && unapplied !== 'net-oldest') {
    const reason = `unknown unapplied treatment ${String(unapplied)}`;
    return err(receivablesError('invalid_policy', { reason }, ['unapplied']));
  }
  const resolved = resolveBuckets(options.buckets);
  if (resolved.isErr()) return err(resolved.error);
  const buckets = resolved.value;

  const uppers = buckets.slice(0, -1).map((b) => b.to as number);
  const collector = new Collector(toDayNumber(asOf), uppers);
  const byIssue = basis === 'days-since-issue';
  try {
    if (given) {
      const r = collectBalances(given, byIssue, collector);
      if (r.isErr()) return err(r.error);
    } else collectLedger(input as Ledger, asOf, byIssue, collector);
  } catch (error) {
    // A ledger that parseLedger would refuse (an amount off its minor unit, an unknown
    // currency, a malformed date): the replay's RangeError becomes an error value.
    if (!(error instanceof RangeError)) throw error;
    const issues = [{ path: [], message: error.message }];
    return err(receivablesError('invalid_input', { issues }, []));
  }

  const customers: readonly Customer[] =
    options.customers ?? (given ? [] : (input as Ledger).customers);
  const report = buildReport(collector, customers, unapplied === 'net-oldest');
  return ok({ asOf, basis, unapplied, buckets, ...report });
}
