/**
 * The one place where an instant (a moment in time) becomes a calendar date: "is it
 * already the due date in the customer's zone?" Both the instant and the IANA zone
 * are explicit. A string without an offset or `Z` (`2024-03-01T23:30:00`) would be
 * read in the machine's zone, and a date-only string (`2024-03-01`) as UTC midnight,
 * so both are refused rather than guessed; so is a zone Intl does not know.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';
import { inputText } from '../money/decimal.js';
import type { IsoDate } from './date.js';

/** ISO 8601 date and time with seconds optional, fractions optional, and an offset or Z. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function knownZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function instantMs(instant: unknown): number | undefined {
  if (instant instanceof Date)
    return Number.isNaN(instant.getTime()) ? undefined : instant.getTime();
  if (typeof instant !== 'string' || !INSTANT.test(instant)) return undefined;
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The date in the zone, or undefined outside the years 0000-9999. */
function dateIn(ms: number, timeZone: string): IsoDate | undefined {
  const zoned = new TZDate(ms, timeZone);
  const [y, m, d] = [zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate()];
  if (!(y >= 0 && y <= 9999)) return undefined;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * The calendar date of an instant in an IANA time zone, from outside input: an
 * `invalid_input` error names the instant (no offset, not a date and time, outside the
 * years 0000-9999) or the zone (unknown) that cannot be used.
 *
 * @param instant - a Date, or an ISO 8601 string with an offset or `Z`
 * @param timeZone - IANA zone name, e.g. `Pacific/Auckland`
 * @param path - where the pair sits in a larger input, for error paths
 *
 * @example
 * parseInstantDate('2024-03-01T11:30:00Z', 'Pacific/Auckland')
 * //=> Ok('2024-03-02')
 * parseInstantDate('2024-03-01T23:30:00', 'UTC').isErr() // no offset
 * //=> true
 */
export function parseInstantDate(
  instant: unknown,
  timeZone: unknown,
  path: ErrorPath = [],
): Result<IsoDate, ErrorOf<'invalid_input'>> {
  const fail = (field: string, message: string) => {
    const issue = { path: [...path, field], message };
    return err(receivablesError('invalid_input', { issues: [issue] }, issue.path));
  };
  if (!knownZone(timeZone))
    return fail('timeZone', `unknown IANA time zone ${inputText(timeZone)}`);
  const ms = instantMs(instant);
  if (ms === undefined) {
    const message = 'expected an ISO 8601 date and time with an offset or Z';
    return fail('instant', `${message}, such as "2024-03-01T11:30:00Z"; got ${inputText(instant)}`);
  }
  const date = dateIn(ms, timeZone);
  return date === undefined ? fail('instant', 'outside the years 0000-9999') : ok(date);
}

/**
 * The calendar date of an instant in an IANA time zone, for an instant and zone the
 * program already holds (a clock reading, a checked timestamp). A string without an
 * offset, a date-only string, an invalid Date or an unknown zone is misuse and throws
 * an `InvariantError`; check outside input with {@link parseInstantDate}.
 *
 * @param instant - a moment, as a Date or an ISO 8601 string with an offset or `Z`
 * @param timeZone - IANA zone name, e.g. `Pacific/Auckland`
 *
 * @example
 * calendarDateIn('2024-03-01T11:30:00Z', 'Pacific/Auckland')
 * //=> '2024-03-02'
 */
export function calendarDateIn(instant: Date | string, timeZone: string): IsoDate {
  const date = parseInstantDate(instant, timeZone);
  invariant(date.isOk(), date.isErr() ? date.error.message : '');
  return date.value;
}
