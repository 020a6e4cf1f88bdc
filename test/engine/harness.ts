import {
  counterIds,
  createMemoryMailer,
  createMemoryStore,
  type ManualClock,
  type MemoryMailer,
  manualClock,
} from '../../src/adapters/memory/index.js';
import { parseDunningPolicy } from '../../src/dunning/policy.js';
import { createReceivables, type Receivables } from '../../src/engine/index.js';
import type { EnginePolicies, ReceivablesDeps } from '../../src/engine/types.js';
import type { InvoiceInput } from '../../src/invoice/types.js';
import type { PaymentGateway } from '../../src/ports/gateway.js';
import type { Mailer } from '../../src/ports/mailer.js';
import type { ReceivablesStore } from '../../src/ports/store.js';

/** Reminders 7 days after due (no fee) and 30 days after due (fee EUR 5.00). */
export const dunningPolicy = parseDunningPolicy({
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
    {
      daysAfterDue: 30,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
    },
  ],
  minDaysBetweenMessages: 0,
})._unsafeUnwrap();

export const policies: EnginePolicies = {
  from: 'billing@seller.example',
  sellerName: 'Seller GmbH',
  dunning: dunningPolicy,
};

export interface Harness {
  readonly engine: Receivables;
  readonly store: ReceivablesStore;
  readonly mailer: MemoryMailer;
  readonly clock: ManualClock;
  readonly deps: ReceivablesDeps;
}

export function harness(
  options: {
    store?: ReceivablesStore;
    mailer?: Mailer;
    gateway?: PaymentGateway;
    clock?: ManualClock;
    idPrefix?: string;
    policies?: Partial<EnginePolicies>;
  } = {},
): Harness {
  const store = options.store ?? createMemoryStore();
  const mailer = createMemoryMailer();
  const clock = options.clock ?? manualClock('2024-03-01T09:00:00Z');
  const deps: ReceivablesDeps = {
    store,
    mailer: options.mailer ?? mailer,
    clock,
    ids: counterIds(options.idPrefix ?? ''),
    policies: { ...policies, ...options.policies },
    ...(options.gateway ? { gateway: options.gateway } : {}),
  };
  return { engine: createReceivables(deps), store, mailer, clock, deps };
}

/** 2 x 50.00 at 19 %: net 100.00, VAT 19.00, amount due 119.00. */
export const input: InvoiceInput = {
  currency: 'EUR',
  lines: [
    {
      id: '1',
      itemName: 'Consulting hour',
      quantity: '2',
      unitNetPrice: '50.00',
      vatCategory: 'S',
      vatRatePercent: '19',
    },
  ],
};

export const acme = { id: 'C1', name: 'Acme GmbH', email: 'ap@acme.example', locale: 'en-GB' };

export async function issueOne(engine: Receivables, id = 'INV-1', dueDate = '2024-03-01') {
  return (
    await engine.issueInvoice({ id, customerId: 'C1', issueDate: '2024-02-01', dueDate, input })
  )._unsafeUnwrap();
}

/** A camt.053.001.02 statement with the given credit entries. */
export function camt053(
  entries: readonly {
    ref: string;
    amount: string;
    reference?: string;
    text?: string;
    name?: string;
    /** Booking and value dates; 2024-03-05 when absent. */
    booked?: string;
    valued?: string;
  }[],
  statementId = 'STMT-1',
): string {
  const ntry = entries
    .map(
      (e) => `<Ntry><Amt Ccy="EUR">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${e.booked ?? '2024-03-05'}</Dt></BookgDt><ValDt><Dt>${e.valued ?? '2024-03-05'}</Dt></ValDt>
<AcctSvcrRef>${e.ref}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<RltdPties><Dbtr><Nm>${e.name ?? 'Acme GmbH'}</Nm></Dbtr></RltdPties>
<RmtInf>${
        e.reference
          ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${e.reference}</Ref></CdtrRefInf></Strd>`
          : `<Ustrd>${e.text ?? ''}</Ustrd>`
      }</RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>MSG-${statementId}</MsgId><CreDtTm>2024-03-05T18:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>${statementId}</Id><CreDtTm>2024-03-05T18:00:00Z</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
${ntry}
</Stmt></BkToCstmrStmt></Document>`;
}
