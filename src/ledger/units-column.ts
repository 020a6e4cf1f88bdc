/**
 * A column of exact minor-unit amounts for the ledger replay's tables (`state.ts`):
 * numbers in a `Float64Array` while they are safe integers, a bigint beside it for a
 * row that is not (see `units.ts` for why a safe-integer number is exact).
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import type { Units } from './units.js';

/**
 * One amount in minor units per row, exact: a `Float64Array` holds every safe integer,
 * and a row whose value is a bigint holds NaN there and its value in a side map.
 */
export class UnitsColumn {
  readonly values: Float64Array;
  private big: Map<number, bigint> | undefined;

  constructor(rows: number) {
    this.values = new Float64Array(rows);
  }

  get(row: number): Units {
    const v = this.values[row]!;
    // NaN marks a bigint row.
    return Number.isNaN(v) ? this.big!.get(row)! : v;
  }

  /** A copy with twice the rows. */
  grown(): UnitsColumn {
    const out = new UnitsColumn(2 * this.values.length);
    out.values.set(this.values);
    if (this.big !== undefined) out.big = new Map(this.big);
    return out;
  }

  set(row: number, units: Units): void {
    if (typeof units === 'number') {
      this.values[row] = units;
      this.big?.delete(row);
    } else {
      this.values[row] = Number.NaN;
      this.big ??= new Map();
      this.big.set(row, units);
    }
  }
}
