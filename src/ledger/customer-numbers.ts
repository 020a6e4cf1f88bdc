/**
 * Customer ids numbered 0, 1, 2... in the order first seen, for one report or planner
 * run. An open-addressing hash table in typed arrays: a run over 100,000 customers
 * looks each one up once per item (a million times for aging, two or three times per
 * customer more for dunning), and a `Map` keyed by that many strings costs more per
 * lookup on this scale (its entries and the keys' cached hashes are scattered over
 * the heap; here the probe touches one integer array and the id list).
 *
 * Internal to the ledger, aging and dunning modules.
 *
 * @module
 */

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units: spreads ids that differ in any character. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Customer ids and their numbers, growing as ids are added.
 *
 * @example
 * const numbers = new CustomerNumbers();
 * [numbers.add('C2'), numbers.add('C1'), numbers.add('C2'), numbers.find('C9')]
 * //=> [0, 1, 0, -1]
 */
export class CustomerNumbers {
  /** Ids by number. */
  readonly ids: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  private table: Int32Array = new Int32Array(2048).fill(EMPTY);

  /** How many ids are numbered. */
  get size(): number {
    return this.ids.length;
  }

  /** The number of an id, or -1 when it has none. */
  find(id: string): number {
    const mask = this.table.length - 1;
    for (let at = hashOf(id) & mask; ; at = (at + 1) & mask) {
      const n = this.table[at]!;
      if (n === EMPTY || this.ids[n] === id) return n;
    }
  }

  /** The number of an id, numbering it when new. */
  add(id: string): number {
    const hash = hashOf(id);
    const mask = this.table.length - 1;
    let at = hash & mask;
    for (; ; at = (at + 1) & mask) {
      const n = this.table[at]!;
      if (n === EMPTY) break;
      if (this.ids[n] === id) return n;
    }
    const n = this.ids.length;
    this.ids.push(id);
    if (n === this.hashes.length) {
      const hashes = new Int32Array(n * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[n] = hash;
    this.table[at] = n;
    // At most half full, so that a probe ends after a step or two.
    if (2 * this.ids.length > this.table.length) this.grow();
    return n;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY);
    const mask = table.length - 1;
    for (let n = 0; n < this.ids.length; n++) {
      let at = (this.hashes[n]! >>> 0) & mask;
      while (table[at] !== EMPTY) at = (at + 1) & mask;
      table[at] = n;
    }
    this.table = table;
  }
}
