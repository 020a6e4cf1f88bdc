/**
 * The aging report as CSV (RFC 4180): a header, one line per customer and currency,
 * then one `TOTAL` line per currency. Amounts are plain decimal strings with a point,
 * as in the JSON report, so a spreadsheet or a script reads them without a locale.
 *
 * @module
 */
import type { AgingReport } from './types.js';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function line(values: readonly string[]): string {
  return values.map(field).join(',');
}

/**
 * Serialises an aging report to CSV, lines ended by CRLF.
 *
 * @param report - a report from `ageReceivables`
 *
 * @example
 * agingToCsv(report).split('\r\n')[0]?.split(',').slice(0, 9).join()
 * //=> 'customerId,customerName,currency,current,1-30,31-60,61-90,91-120,over 120'
 */
export function agingToCsv(report: AgingReport): string {
  const header = [
    'customerId',
    'customerName',
    'currency',
    ...report.buckets.map((b) => b.label),
    'balance',
    'openAmount',
    'unappliedCash',
    'unappliedCredit',
  ];
  const lines = [line(header)];
  for (const r of report.rows) {
    const tail = [r.balance, r.openAmount, r.unappliedCash, r.unappliedCredit];
    lines.push(line([r.customerId, r.customerName ?? '', r.currency, ...r.amounts, ...tail]));
  }
  for (const t of report.totals) {
    const tail = [t.balance, t.openAmount, t.unappliedCash, t.unappliedCredit];
    lines.push(line(['TOTAL', '', t.currency, ...t.amounts, ...tail]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
