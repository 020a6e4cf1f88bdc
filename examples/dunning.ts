/**
 * Dunning with `receivables`: a policy, a day's plan with the reason for every item
 * left alone, the fee and interest it posts, a second run the same day that plans
 * nothing, the rendered reminder, and statutory interest on its own.
 * Run with `npx tsx examples/dunning.ts`.
 */
import {
  EMPTY_DUNNING_HISTORY,
  lateInterest,
  parseDunningPolicy,
  planDunning,
  recordActions,
  renderDunningMessage,
} from '../src/dunning/index.js';
import { balancesAsOf, EMPTY_LEDGER, type Ledger } from '../src/ledger/index.js';

const policy = parseDunningPolicy({
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
    {
      daysAfterDue: 30,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
      claimInterest: true,
    },
    { daysAfterDue: 45, channel: 'letter', templateId: 'final', final: true },
  ],
  minimumOverdue: { EUR: '10.00' },
  minDaysBetweenMessages: 7,
  sender: { name: 'ACME AG', email: 'ar@acme.example', iban: 'DE89370400440532013000' },
})._unsafeUnwrap();

const eur = { currency: 'EUR', customerId: 'muster' } as const;
let ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [{ id: 'muster', name: 'Muster GmbH', email: 'ap@muster.example', locale: 'de-DE' }],
  invoices: [
    {
      ...eur,
      id: 'INV-7',
      issueDate: '2026-01-02',
      dueDate: '2026-02-01',
      amount: '1200.00',
      paymentReference: 'RF18539007547034',
    },
    { ...eur, id: 'INV-9', issueDate: '2026-02-20', dueDate: '2026-03-22', amount: '300.00' },
  ],
};

// 2026-03-03 is 30 days after INV-7 fell due. Its first reminder went out on 2026-02-08.
let history = recordActions(
  EMPTY_DUNNING_HISTORY,
  planDunning(ledger, EMPTY_DUNNING_HISTORY, policy, '2026-02-08')._unsafeUnwrap().actions,
);
const plan = planDunning(ledger, history, policy, '2026-03-03')._unsafeUnwrap();
for (const a of plan.actions) {
  console.log(
    a.key,
    a.level,
    a.items.map((i) => `${i.itemId} ${i.openAmount}`),
  );
  console.log(
    a.charges.map((c) => `${c.kind} ${c.amount}`),
    'total due',
    a.totalDue,
  );
}
//=> dun:muster:EUR:L2:… 2 [ 'INV-7 1200.00' ]
//=> [ 'fee 5.00', 'interest 10.01', 'compensation 40.00' ] total due 1255.01
// (interest: 2026-02-02..03-03 = 30 days at 2.15 + 8 = 10.15 %: 1200 x 10.15 x 30 / 36500
// = 10.0109... -> 10.01)
console.log(plan.notReminded.map((r) => `${r.itemId}: ${r.reason}`));
//=> [ 'INV-9: not_yet_due' ]

// The host sends the message, posts the charges and records the action.
ledger = { ...ledger, charges: [...ledger.charges, ...plan.actions.flatMap((a) => a.charges)] };
history = recordActions(history, plan.actions);
console.log(planDunning(ledger, history, policy, '2026-03-03')._unsafeUnwrap().actions.length);
//=> 0
console.log(balancesAsOf(ledger, '2026-03-03').customers[0]?.balance);
//=> 1555.01 (both invoices plus the three charges)

const message = renderDunningMessage(plan.actions[0]!, { sender: policy.sender })._unsafeUnwrap();
console.log(message.subject);
//=> Zweite Mahnung: INV-7
console.log(message.text);

const interest = lateInterest(
  {
    amount: '1000.00',
    currency: 'EUR',
    dueDate: '2024-06-20',
    until: '2024-07-10',
    payments: [{ date: '2024-06-30', amount: '400.00' }],
  },
  { preset: 'germany' },
)._unsafeUnwrap();
console.log(
  interest.amount,
  interest.periods.map((p) => [p.from, p.to, p.balance, p.ratePercent]),
);
// 1000 x 12.62 x 10 / 36500 + 600 x 12.37 x 10 / 36500 = 3.4575... + 2.0334... -> 5.49
//=> 5.49 [ [ '2024-06-21', '2024-06-30', '1000.00', '12.62' ],
//=>        [ '2024-07-01', '2024-07-10', '600.00', '12.37' ] ]
