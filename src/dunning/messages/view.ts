/**
 * The data a message template sees: every amount and date already formatted for the
 * customer's locale with `Intl` (amounts from their decimal strings, never through a
 * JavaScript number; dates as calendar dates, in UTC so no zone shifts them).
 *
 * @module
 */
import type { OpenItem } from '../../ledger/types.js';
import { type CurrencyOptions, formatMoney, minorUnitsOf } from '../../money/index.js';
import { type IsoDate, toDayNumber } from '../../terms/date.js';
import type { DunningSender } from '../policy.js';
import type { DunningAction, DunningActionItem } from '../types.js';
import { PHRASES, type Phrases } from './phrases.js';

/** One row of the items table. */
export interface ItemRow {
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly daysOverdue: number;
  readonly openAmount: string;
  readonly reference?: string;
}

/** What a reminder template renders. */
export interface MessageView {
  readonly language: string;
  readonly locale: string;
  readonly customerName: string;
  readonly date: string;
  readonly level: number;
  /** Invoice numbers of the items, comma separated (for the subject). */
  readonly numbers: string;
  readonly items: readonly ItemRow[];
  readonly charges: readonly {
    readonly label: string;
    readonly amount: string;
    readonly itemNumber?: string;
  }[];
  readonly overdueTotal: string;
  readonly chargesTotal: string;
  /** Payments and credits not yet applied, when there are any. */
  readonly unapplied?: string;
  readonly totalDue: string;
  /** The structured reference to quote, when all items share one. */
  readonly reference?: string;
  readonly sender: Partial<DunningSender>;
}

/** Locale-bound formatters, created once per locale. */
export interface Formatters {
  readonly language: string;
  readonly locale: string;
  readonly phrases: Phrases;
  readonly money: (amount: string, currency: string) => string;
  readonly date: (date: IsoDate) => string;
}

/**
 * Formatters for a BCP 47 locale; an unusable locale falls back to `en`.
 *
 * @example
 * formatters('de-DE').money('1234.50', 'EUR')
 * //=> '1.234,50\u00a0€'
 */
export function formatters(locale: string, options: CurrencyOptions = {}): Formatters {
  let canonical = 'en';
  try {
    canonical = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    canonical = 'en';
  }
  const language = canonical.split('-')[0]!.toLowerCase();
  const dates = new Intl.DateTimeFormat(canonical, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Map<string, Intl.NumberFormat>();
  const places = new Map<string, number>();
  const formattedDates = new Map<IsoDate, string>();
  return {
    language,
    locale: canonical,
    phrases: PHRASES[language] ?? PHRASES.en!,
    money: (amount, currency) => {
      // One Intl formatter per currency, for amounts already on the minor unit; any
      // other amount (more decimals, a host currency) goes through formatMoney.
      let nf = numbers.get(currency);
      if (nf === undefined && /^[A-Z]{3}$/.test(currency)) {
        const digits = minorUnitsOf(currency, options.currencies);
        nf = new Intl.NumberFormat(canonical, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        numbers.set(currency, nf);
        places.set(currency, digits);
      }
      const dot = amount.indexOf('.');
      const decimals = dot < 0 ? 0 : amount.length - dot - 1;
      return nf !== undefined && decimals <= places.get(currency)!
        ? nf.format(amount as unknown as number)
        : formatMoney({ amount, currency }, { locale: canonical, currencies: options.currencies });
    },
    date: (date) => {
      // Reminders repeat the same few due dates: format each once per locale.
      let text = formattedDates.get(date);
      if (text === undefined) {
        text = dates.format(toDayNumber(date) * 86_400_000);
        formattedDates.set(date, text);
      }
      return text;
    },
  };
}

/**
 * A table row for an action item or an open item.
 *
 * @example
 * itemRow(item, 'EUR', formatters('en-GB'), '2024-02-08').daysOverdue
 * //=> 7
 */
export function itemRow(
  item: DunningActionItem | OpenItem,
  currency: string,
  f: Formatters,
  today: IsoDate,
): ItemRow {
  const id = 'itemId' in item ? item.itemId : item.id;
  // Instalments share the invoice number; their own id tells them apart.
  const number = item.kind === 'instalment' ? id : (item.number ?? id);
  return {
    number,
    issueDate: f.date(item.issueDate),
    dueDate: f.date(item.dueDate),
    daysOverdue: Math.max(0, toDayNumber(today) - toDayNumber(item.dueDate)),
    openAmount: f.money(item.openAmount, currency),
    ...(item.paymentReference ? { reference: item.paymentReference } : {}),
  };
}

const displayNumber = (i: DunningActionItem) =>
  i.kind === 'instalment' ? i.itemId : (i.number ?? i.itemId);

/**
 * The view of a planned dunning action.
 *
 * @example
 * actionView(action, formatters('en-GB'), {}).totalDue
 * //=> '€250.00'
 */
export function actionView(
  action: DunningAction,
  f: Formatters,
  sender: Partial<DunningSender>,
): MessageView {
  const { currency } = action;
  const all = [...action.items, ...action.listedItems].sort((a, b) =>
    a.dueDate === b.dueDate ? (a.itemId < b.itemId ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
  );
  const numberOf = new Map(all.map((i) => [i.itemId, displayNumber(i)]));
  const label = (kind: 'fee' | 'interest' | 'compensation') => f.phrases[kind];
  const charges = [
    ...action.openCharges.map((c) => ({ label: label(c.kind), amount: c.openAmount })),
    ...action.charges.map((c) => ({
      label: label(c.kind),
      amount: c.amount,
      ...(c.itemId && numberOf.has(c.itemId) ? { itemNumber: numberOf.get(c.itemId)! } : {}),
    })),
  ].map((c) => ({ ...c, amount: f.money(c.amount, currency) }));
  const references = new Set(all.map((i) => i.paymentReference));
  const only = references.size === 1 ? [...references][0] : undefined;
  return {
    language: f.language,
    locale: f.locale,
    customerName: action.message.customerName,
    date: f.date(action.date),
    level: action.level,
    numbers: [...new Set(all.map(displayNumber))].join(', '),
    items: all.map((i) => itemRow(i, currency, f, action.date)),
    charges,
    overdueTotal: f.money(action.overdueAmount, currency),
    chargesTotal: f.money(action.chargesAmount, currency),
    ...(/^0+(\.0+)?$/.test(action.unappliedAmount)
      ? {}
      : { unapplied: f.money(action.unappliedAmount, currency) }),
    totalDue: f.money(action.totalDue, currency),
    ...(only ? { reference: only } : {}),
    sender,
  };
}
