/**
 * The lookups that cash application needs, built in one pass over the ledger for a
 * whole batch of allocation requests: the requests' payments and credit notes by id,
 * the items they name, each concerned customer's part of the ledger, and the earlier
 * allocations under the requests' ids. Only what the batch refers to is indexed, so a
 * batch of k requests costs one pass over the ledger plus the work on the customers
 * concerned, instead of k passes.
 *
 * Exact for a ledger that `parseLedger` accepts (ids unique per kind). Internal to
 * the ledger module.
 *
 * @module
 */
import type { ItemInfo, SourceLookup } from './targets.js';
import type {
  Allocation,
  Customer,
  Ledger,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
  LedgerRefund,
  LedgerWriteOff,
} from './types.js';

/** One customer's records, and the allocations and write-offs touching them. */
interface Part {
  readonly customers: Customer[];
  readonly invoices: LedgerInvoice[];
  readonly creditNotes: LedgerCreditNote[];
  readonly payments: LedgerPayment[];
  readonly refunds: LedgerRefund[];
  readonly charges: LedgerCharge[];
  readonly writeOffs: LedgerWriteOff[];
  readonly allocations: Allocation[];
}

const emptyPart = (): Part => ({
  customers: [],
  invoices: [],
  creditNotes: [],
  payments: [],
  refunds: [],
  charges: [],
  writeOffs: [],
  allocations: [],
});

/** What a batch of requests refers to, read from the raw requests before any check. */
export interface BatchRefs {
  readonly requestIds: ReadonlySet<string>;
  readonly sourceIds: ReadonlySet<string>;
  readonly itemIds: ReadonlySet<string>;
}

/** The ledger indexed for a batch; new allocations are added as the batch runs. */
export class LedgerBook implements SourceLookup {
  private readonly paymentsById = new Map<string, LedgerPayment>();
  private readonly notesById = new Map<string, LedgerCreditNote>();
  private readonly named = new Map<string, ItemInfo>();
  private readonly parts = new Map<string, Part>();
  private readonly byRequest = new Map<string, Allocation[]>();
  private readonly taken = new Set<string>();
  /** Allocations added by the batch, in order. */
  readonly added: Allocation[] = [];

  constructor(
    readonly ledger: Ledger,
    private readonly refs: BatchRefs,
  ) {
    for (const p of ledger.payments) {
      if (refs.sourceIds.has(p.id) && !this.paymentsById.has(p.id)) this.paymentsById.set(p.id, p);
    }
    for (const n of ledger.creditNotes) {
      if (refs.sourceIds.has(n.id) && !this.notesById.has(n.id)) this.notesById.set(n.id, n);
    }
    for (const doc of [...this.paymentsById.values(), ...this.notesById.values()]) {
      if (!this.parts.has(doc.customerId)) this.parts.set(doc.customerId, emptyPart());
    }
    this.indexAllocations(this.indexItems());
  }

  payment(id: string): LedgerPayment | undefined {
    return this.paymentsById.get(id);
  }

  creditNote(id: string): LedgerCreditNote | undefined {
    return this.notesById.get(id);
  }

  /** The named items the batch refers to, by id (the later record of a repeated id). */
  namedItems(): ReadonlyMap<string, ItemInfo> {
    return this.named;
  }

  /** The customer's part of the ledger with the batch's allocations so far. */
  customerLedger(customerId: string): Ledger {
    return this.parts.get(customerId) ?? emptyPart();
  }

  /** Allocations made under this request id or with this allocation id, in ledger order. */
  earlier(id: string): readonly Allocation[] {
    return this.byRequest.get(id) ?? [];
  }

  /** True when an allocation id is in use (only ids a request of the batch could make). */
  isTaken(id: string): boolean {
    return this.taken.has(id);
  }

  /** Records the allocations of one request (all of the source's customer). */
  add(customerId: string, requestId: string, allocations: readonly Allocation[]): void {
    const part = this.parts.get(customerId);
    for (const a of allocations) {
      this.added.push(a);
      part?.allocations.push(a);
      this.taken.add(a.id);
      this.remember(requestId, a);
      if (a.id !== requestId && this.refs.requestIds.has(a.id)) this.remember(a.id, a);
    }
  }

  /** The ledger with the batch's allocations appended (the same object when none). */
  result(): Ledger {
    if (this.added.length === 0) return this.ledger;
    return { ...this.ledger, allocations: [...this.ledger.allocations, ...this.added] };
  }

  private remember(key: string, a: Allocation): void {
    const list = this.byRequest.get(key);
    if (list) list.push(a);
    else this.byRequest.set(key, [a]);
  }

  /** The part of a customer concerned; a string comparison when only one is. */
  private partOf(customerId: string): Part | undefined {
    return this.only === undefined
      ? this.parts.get(customerId)
      : customerId === this.onlyId
        ? this.only
        : undefined;
  }

  private only: Part | undefined;
  private onlyId: string | undefined;

  /** Customers' records, named items for `planNamed`; returns the items' owners. */
  private indexItems(): Map<string, Part> {
    const { ledger, parts, named } = this;
    if (parts.size === 1) {
      for (const [id, part] of parts) {
        this.onlyId = id;
        this.only = part;
      }
    }
    const owners = new Map<string, Part>();
    const wanted = this.refs.itemIds;
    const item = (id: string, part: Part | undefined, inv: LedgerInvoice) => {
      if (part) owners.set(id, part);
      if (wanted.size > 0 && wanted.has(id))
        named.set(id, { ...inv, status: inv.status ?? 'issued' });
    };
    for (const c of ledger.customers) this.partOf(c.id)?.customers.push(c);
    for (const inv of ledger.invoices) {
      const part = this.partOf(inv.customerId);
      const instalments = inv.instalments;
      if (instalments !== undefined && instalments.length > 0) {
        for (const p of instalments) item(p.id, part, inv);
      } else item(inv.id, part, inv);
      part?.invoices.push(inv);
    }
    for (const c of ledger.charges) {
      const part = this.partOf(c.customerId);
      if (part) {
        part.charges.push(c);
        owners.set(c.id, part);
      }
      if (wanted.size > 0 && wanted.has(c.id)) {
        named.set(c.id, { ...c, status: 'issued', issueDate: c.date });
      }
    }
    for (const n of ledger.creditNotes) this.partOf(n.customerId)?.creditNotes.push(n);
    for (const p of ledger.payments) this.partOf(p.customerId)?.payments.push(p);
    for (const r of ledger.refunds) this.partOf(r.customerId)?.refunds.push(r);
    for (const w of ledger.writeOffs) owners.get(w.itemId)?.writeOffs.push(w);
    return owners;
  }

  /** Each allocation to its customers' parts; earlier requests and clashing ids. */
  private indexAllocations(itemOwners: ReadonlyMap<string, Part>): void {
    const sourceOwners = new Map<string, Part>();
    for (const part of this.parts.values()) {
      for (const s of part.payments) sourceOwners.set(s.id, part);
      for (const s of part.creditNotes) sourceOwners.set(s.id, part);
    }
    const ids = this.refs.requestIds;
    for (const a of this.ledger.allocations) {
      const bySource = sourceOwners.get(a.sourceId);
      const byItem = itemOwners.get(a.itemId);
      bySource?.allocations.push(a);
      if (byItem !== undefined && byItem !== bySource) byItem.allocations.push(a);
      if (ids.size === 0) continue;
      const named = ids.has(a.id);
      if (named) this.remember(a.id, a);
      if (a.requestId !== undefined && a.requestId !== a.id && ids.has(a.requestId)) {
        this.remember(a.requestId, a);
      }
      // A request R makes the ids R and R/1, R/2...: only those can clash.
      const slash = a.id.lastIndexOf('/');
      if (named || (slash > 0 && ids.has(a.id.slice(0, slash)))) this.taken.add(a.id);
    }
  }
}
