/**
 * The column mapping a host gives to read a bank's CSV export: separators, decimal
 * and thousands marks, the date layout, which column holds which field (by header
 * name or 0-based index), and either a signed amount column or an amount plus a
 * debit/credit column with the values that mean credit and debit.
 *
 * @module
 */
import { z } from 'zod';

/** A column: its header name, or its 0-based index. */
export type CsvColumn = string | number;

/** Date layouts a CSV mapping understands. */
export type CsvDateFormat =
  | 'YYYY-MM-DD'
  | 'DD.MM.YYYY'
  | 'DD.MM.YY'
  | 'MM/DD/YYYY'
  | 'DD/MM/YYYY'
  | 'DD-MM-YYYY'
  | 'YYYYMMDD';

/** Which column holds which transaction field. */
export interface CsvColumns {
  readonly bookingDate: CsvColumn;
  readonly valueDate?: CsvColumn;
  /** Signed (or unsigned with `direction`) amount; or use `debitAmount`/`creditAmount`. */
  readonly amount?: CsvColumn;
  /** Debit amount column ("Soll"), paired with `creditAmount`: one of both is filled. */
  readonly debitAmount?: CsvColumn;
  /** Credit amount column ("Haben"), paired with `debitAmount`. */
  readonly creditAmount?: CsvColumn;
  /** A debit/credit column; without one, the amount's sign says the direction. */
  readonly direction?: CsvColumn;
  readonly currency?: CsvColumn;
  readonly counterpartyName?: CsvColumn;
  readonly counterpartyAccount?: CsvColumn;
  /** One column, or several joined with a space (banks split the purpose). */
  readonly remittanceText?: CsvColumn | readonly CsvColumn[];
  readonly endToEndId?: CsvColumn;
  /** A structured reference (RF, QR...) column. */
  readonly reference?: CsvColumn;
  /** The bank's own transaction id, used as the stable id where unique. */
  readonly id?: CsvColumn;
  readonly bankTransactionCode?: CsvColumn;
}

/** How to read a bank's CSV export. */
export interface CsvMapping {
  readonly columns: CsvColumns;
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
  /** `.` (default) or `,`. */
  readonly decimalSeparator?: '.' | ',';
  /** Thousands grouping mark to drop (`,`, `.`, space, `'`); none by default. */
  readonly thousandsSeparator?: ',' | '.' | ' ' | "'";
  readonly dateFormat?: CsvDateFormat;
  /** Whether the first row (after `skipRows`) is a header (default true). */
  readonly header?: boolean;
  /** Rows to skip before the header or data (a bank's preamble). */
  readonly skipRows?: number;
  /** Rows to skip at the end, after the last non-empty row (a bank's totals footer). */
  readonly skipFooterRows?: number;
  /** Currency of every row when there is no currency column. */
  readonly currency?: string;
  /** Values of the direction column that mean credit (default C, CR, CRDT, credit, H). */
  readonly creditValues?: readonly string[];
  /** Values of the direction column that mean debit (default D, DR, DBIT, debit, S). */
  readonly debitValues?: readonly string[];
  /** Id of the statement the rows form (default `csv`). */
  readonly statementId?: string;
  readonly account?: string;
}

const column = z.union([z.string().min(1), z.number().int().min(0).max(10_000)]);

/** Schema of a {@link CsvMapping}. */
export const csvMappingSchema: z.ZodType<CsvMapping> = z.object({
  columns: z
    .object({
      bookingDate: column,
      valueDate: column.optional(),
      amount: column.optional(),
      debitAmount: column.optional(),
      creditAmount: column.optional(),
      direction: column.optional(),
      currency: column.optional(),
      counterpartyName: column.optional(),
      counterpartyAccount: column.optional(),
      remittanceText: z.union([column, z.array(column).min(1)]).optional(),
      endToEndId: column.optional(),
      reference: column.optional(),
      id: column.optional(),
      bankTransactionCode: column.optional(),
    })
    .refine(
      (c) =>
        c.amount !== undefined
          ? c.debitAmount === undefined && c.creditAmount === undefined
          : c.debitAmount !== undefined && c.creditAmount !== undefined,
      { message: 'give either amount, or both debitAmount and creditAmount', path: ['amount'] },
    )
    .refine((c) => c.amount !== undefined || c.direction === undefined, {
      message: 'direction needs an amount column',
      path: ['direction'],
    }),
  delimiter: z.string().min(1).max(4).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  thousandsSeparator: z.enum([',', '.', ' ', "'"]).optional(),
  dateFormat: z
    .enum([
      'YYYY-MM-DD',
      'DD.MM.YYYY',
      'DD.MM.YY',
      'MM/DD/YYYY',
      'DD/MM/YYYY',
      'DD-MM-YYYY',
      'YYYYMMDD',
    ])
    .optional(),
  header: z.boolean().optional(),
  skipRows: z.number().int().min(0).max(1000).optional(),
  skipFooterRows: z.number().int().min(0).max(1000).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  creditValues: z.array(z.string()).min(1).optional(),
  debitValues: z.array(z.string()).min(1).optional(),
  statementId: z.string().min(1).optional(),
  account: z.string().optional(),
});

const DATE_LAYOUTS: Record<CsvDateFormat, RegExp> = {
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/,
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/,
  'DD.MM.YY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{2})$/,
  'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  'DD-MM-YYYY': /^(?<d>\d{1,2})-(?<m>\d{1,2})-(?<y>\d{4})$/,
  YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
};

/**
 * A date in the mapping's layout as `YYYY-MM-DD` (not yet checked for the calendar).
 *
 * @example
 * csvDate('2.1.2024', 'DD.MM.YYYY')
 * //=> '2024-01-02'
 */
export function csvDate(text: string, format: CsvDateFormat): string | undefined {
  const g = DATE_LAYOUTS[format].exec(text.trim())?.groups;
  if (!g) return undefined;
  const year = g.y?.length === 2 ? `20${g.y}` : g.y;
  return `${year}-${g.m?.padStart(2, '0')}-${g.d?.padStart(2, '0')}`;
}

/**
 * A CSV amount as a signed plain decimal: drops the thousands mark, turns a decimal
 * comma into a point, reads `-12.50`, `12.50-` and `(12.50)` as negative. Two signs
 * at once (`-12.50-`, `(-12.50)`) are not an amount: undefined.
 *
 * @example
 * csvAmount('1.234,50-', ',', '.')
 * //=> '-1234.50'
 */
export function csvAmount(
  text: string,
  decimal: '.' | ',',
  thousands: string | undefined,
): string | undefined {
  let t = text.trim().replace(/^\+/, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) [t, negative] = [t.slice(1, -1).trim(), true];
  else if (t.endsWith('-')) [t, negative] = [t.slice(0, -1), true];
  if (t.startsWith('-')) {
    if (negative) return undefined;
    [t, negative] = [t.slice(1), true];
  }
  if (thousands) {
    const group = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d+)?$`);
    if (group.test(t)) t = t.split(thousands).join('');
  }
  if (decimal === ',') {
    if (t.includes('.')) return undefined;
    t = t.replace(',', '.');
  }
  if (!/^\d{1,30}(\.\d{1,15})?$/.test(t)) return undefined;
  return negative ? `-${t}` : t;
}
