/**
 * Which currency and which customers a metric covers. Metrics are computed in one
 * currency at a time: amounts of different currencies are never added, so a ledger
 * holding several needs the currency named.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import { currencyOf } from '../money/currency.js';
import type { MetricsOptions } from './types.js';

/** The resolved scope: a currency with its minor units and a customer filter. */
export interface MetricsScope {
  readonly currency: string;
  readonly minorUnits: number;
  /** True when the customer's documents count. */
  readonly includes: (customerId: string) => boolean;
  /** Segment of a customer, when the ledger names one. */
  readonly segmentOf: (customerId: string) => string | undefined;
}

function currenciesOf(ledger: Ledger, includes: (id: string) => boolean): string[] {
  const seen = new Set<string>();
  const add = (r: { readonly customerId: string; readonly currency: string }) => {
    if (!seen.has(r.currency) && includes(r.customerId)) seen.add(r.currency);
  };
  for (const r of ledger.invoices) if (r.status !== 'draft' && r.status !== 'void') add(r);
  ledger.creditNotes.forEach(add);
  ledger.payments.forEach(add);
  ledger.charges.forEach(add);
  return [...seen].sort();
}

/**
 * Resolves the currency and customer filter of metrics options.
 *
 * @param ledger - the receivables ledger
 * @param options - currency, customer ids and segment, all optional
 */
export function resolveScope(
  ledger: Ledger,
  options: MetricsOptions,
): Result<MetricsScope, ErrorOf<'unknown_currency' | 'currency_required'>> {
  const segments = new Map<string, string | undefined>();
  for (const c of ledger.customers) segments.set(c.id, c.segment);
  const segmentOf = (id: string) => segments.get(id);
  const ids = options.customerIds === undefined ? undefined : new Set(options.customerIds);
  const segment = options.segment;
  const includes = (id: string) =>
    (ids === undefined || ids.has(id)) && (segment === undefined || segmentOf(id) === segment);

  let code = options.currency;
  if (code === undefined) {
    const found = currenciesOf(ledger, includes);
    if (found.length !== 1)
      return err(receivablesError('currency_required', { currencies: found }));
    code = found[0]!;
  }
  return currencyOf(code, undefined, ['currency']).andThen((c) =>
    ok({ currency: c.code, minorUnits: c.minorUnits, includes, segmentOf }),
  );
}
