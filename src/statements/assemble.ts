/**
 * The steps every reader ends with: the balance check (opening balance + booked
 * entries = closing balance, reported as a warning, never thrown), warnings for
 * references that fail their check digits, and stable transaction ids (the bank's
 * reference where it is unique in the file, else statement id + position).
 *
 * @module
 */
import type { CurrencyRegistry } from '../money/currency.js';
import { Dec } from '../money/decimal.js';
import { formatIn } from './amounts.js';
import type {
  BankStatement,
  BankTransaction,
  ReconciliationCheck,
  StatementBalance,
  StatementWarning,
} from './types.js';

/** A booked amount as the balance check needs it. */
export interface EntryAmount {
  readonly amount: string;
  readonly currency: string;
  readonly direction: 'credit' | 'debit';
  /** False for pending or information-only entries, which do not move the booked balance. */
  readonly booked: boolean;
}

/** A transaction before its id is settled: `id` is the bank's candidate, if any. */
export type DraftTransaction = Omit<BankTransaction, 'id'> & {
  readonly id?: string;
  /** Position inside the statement (`3`, `3.2` for a batch part), for the fallback id. */
  readonly position: string;
};

/** A statement before ids and the balance check. */
export type DraftStatement = Omit<BankStatement, 'transactions' | 'reconciliation'> & {
  readonly transactions: readonly DraftTransaction[];
  readonly entries: readonly EntryAmount[];
};

function pick(balances: readonly StatementBalance[], type: string): StatementBalance | undefined {
  return balances.find((b) => b.type === type);
}

/**
 * Checks opening + booked entries = closing for one statement; undefined when the
 * statement does not state both balances.
 *
 * @example
 * reconcile(
 *   [opening('100.00'), closing('120.00')],
 *   [{ amount: '20.00', currency: 'EUR', direction: 'credit', booked: true }],
 * )?.ok
 * //=> true
 */
export function reconcile(
  balances: readonly StatementBalance[],
  entries: readonly EntryAmount[],
  currencies?: CurrencyRegistry,
): ReconciliationCheck | undefined {
  const opening = pick(balances, 'opening');
  const closing = pick(balances, 'closing');
  if (!opening || !closing) return undefined;

  let total = new Dec(0);
  let oneCurrency = opening.currency === closing.currency;
  for (const e of entries) {
    if (!e.booked) continue;
    if (e.currency !== opening.currency) oneCurrency = false;
    total = e.direction === 'credit' ? total.plus(e.amount) : total.minus(e.amount);
  }
  const entriesSum = formatIn(total, opening.currency, currencies);
  if (!oneCurrency) {
    return { ok: false, opening: opening.amount, entries: entriesSum, closing: closing.amount };
  }
  const difference = new Dec(closing.amount).minus(opening.amount).minus(total);
  return {
    ok: difference.isZero(),
    opening: opening.amount,
    entries: entriesSum,
    closing: closing.amount,
    difference: formatIn(
      difference.isZero() ? new Dec(0) : difference,
      opening.currency,
      currencies,
    ),
  };
}

function balanceWarning(statementId: string, check: ReconciliationCheck): StatementWarning {
  const message =
    check.difference === undefined
      ? `Statement ${statementId}: balances and entries are in different currencies`
      : `Statement ${statementId}: opening ${check.opening} + entries ${check.entries} ` +
        `differs from closing ${check.closing} by ${check.difference}`;
  return { code: 'balance_mismatch', message, where: statementId };
}

function referenceWarnings(t: BankTransaction): StatementWarning[] {
  const refs = t.structuredReferences ?? (t.structuredReference ? [t.structuredReference] : []);
  return refs
    .filter((r) => !r.valid)
    .map((r) => ({
      code: 'invalid_reference_check_digits' as const,
      message: `Transaction ${t.id}: ${r.scheme} reference ${r.value} fails its check digits`,
      where: t.source ?? t.id,
    }));
}

/**
 * Settles ids, runs the balance check and collects the warnings of a whole file.
 * Ids: a transaction keeps the bank's candidate when no other transaction in the
 * file has the same one; otherwise it gets `<statement id>/<position>`.
 *
 * @example
 * finishStatements([draft]).statements[0]?.transactions[0]?.id
 * //=> 'STMT-1/1'
 */
export function finishStatements(
  drafts: readonly DraftStatement[],
  currencies?: CurrencyRegistry,
): {
  statements: BankStatement[];
  warnings: StatementWarning[];
} {
  const seen = new Map<string, number>();
  for (const s of drafts) {
    for (const t of s.transactions) if (t.id) seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
  }
  const used = new Set<string>();
  const warnings: StatementWarning[] = [];
  const statements = drafts.map((draft) => {
    const { entries, transactions, ...rest } = draft;
    const txs = transactions.map((t) => {
      const { position, id: candidate, ...fields } = t;
      let id = candidate && seen.get(candidate) === 1 ? candidate : `${draft.id}/${position}`;
      for (let n = 2; used.has(id); n++) id = `${draft.id}/${position}#${n}`;
      used.add(id);
      const tx: BankTransaction = { id, ...fields };
      warnings.push(...referenceWarnings(tx));
      return tx;
    });
    const check = reconcile(draft.balances, entries, currencies);
    if (check && !check.ok) warnings.push(balanceWarning(draft.id, check));
    const statement: BankStatement = { ...rest, transactions: txs };
    return check ? { ...statement, reconciliation: check } : statement;
  });
  return { statements, warnings };
}
