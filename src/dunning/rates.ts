/**
 * Reference rates for statutory late-payment interest, one per half-year, as data.
 * A host replaces or extends these tables when a new half-year starts (1 January and
 * 1 July); nothing else in the library needs to change.
 *
 * Sources (as named in the project's reference data `late-payment.json`):
 * - ECB main refinancing operations rate in force on 1 January / 1 July: ECB "Key ECB
 *   interest rates" page, Banque de France and Banka Slovenije rate tables.
 * - German Basiszinssatz (§ 247 BGB): Deutsche Bundesbank releases (1.62 % on
 *   1 Jan 2023; 1.27 % from 1 Jul 2025, unchanged on 1 Jan 2026); the half-years in
 *   between follow the § 247 mechanism (previous rate + change of the MRO rate).
 * The second half of 2026 is left out: no primary source confirmed it.
 *
 * @module
 */

/** The reference rate of one half-year, in percent per year. */
export interface ReferenceRate {
  /** First day of the half-year: `YYYY-01-01` or `YYYY-07-01`. */
  readonly from: string;
  /** Rate in percent, e.g. `"4.50"`. */
  readonly ratePercent: string;
}

/** A named table of half-year reference rates, oldest first. */
export interface ReferenceRateTable {
  /** What the rates are, e.g. `ecb-mro`. */
  readonly name: string;
  readonly rates: readonly ReferenceRate[];
}

/**
 * ECB main refinancing rate in force on the first day of each half-year (art. 3(2)).
 *
 * @example
 * ECB_REFERENCE_RATES.rates.find((r) => r.from === '2024-01-01')?.ratePercent
 * //=> '4.50'
 */
export const ECB_REFERENCE_RATES: ReferenceRateTable = {
  name: 'ecb-mro',
  rates: [
    { from: '2023-01-01', ratePercent: '2.50' },
    { from: '2023-07-01', ratePercent: '4.00' },
    { from: '2024-01-01', ratePercent: '4.50' },
    { from: '2024-07-01', ratePercent: '4.25' },
    { from: '2025-01-01', ratePercent: '3.15' },
    { from: '2025-07-01', ratePercent: '2.15' },
    { from: '2026-01-01', ratePercent: '2.15' },
  ],
};

/**
 * German Basiszinssatz (§ 247 BGB) of each half-year.
 *
 * @example
 * DE_BASE_RATES.rates.find((r) => r.from === '2024-01-01')?.ratePercent
 * //=> '3.62'
 */
export const DE_BASE_RATES: ReferenceRateTable = {
  name: 'de-base',
  rates: [
    { from: '2023-01-01', ratePercent: '1.62' },
    { from: '2023-07-01', ratePercent: '3.12' },
    { from: '2024-01-01', ratePercent: '3.62' },
    { from: '2024-07-01', ratePercent: '3.37' },
    { from: '2025-01-01', ratePercent: '2.27' },
    { from: '2025-07-01', ratePercent: '1.27' },
    { from: '2026-01-01', ratePercent: '1.27' },
  ],
};
