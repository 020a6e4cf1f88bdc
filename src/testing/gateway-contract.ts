/**
 * The contract suite for a {@link PaymentGateway}: idempotent payment links,
 * settlements after a cursor, and webhooks accepted only with a valid, fresh
 * signature. The host gives the means to make a payment happen and to sign a body
 * as its provider would (in a sandbox, or with its test secret).
 *
 * @module
 */
import type { PaymentGateway, Settlement, WebhookRequest } from '../ports/gateway.js';
import { check, must, mustFail, type TestRunner } from './runner.js';

/** A gateway under test and its controls. */
export interface GatewayHarness {
  readonly gateway: PaymentGateway;
  /** Makes the gateway settle a payment (sandbox call, or the fake's `settle`). */
  readonly settle: (settlement: Omit<Settlement, 'id'>) => Promise<Settlement> | Settlement;
  /** A webhook request for a settlement, signed at `timestampSeconds` with the right secret. */
  readonly signedWebhook: (
    settlement: Settlement,
    timestampSeconds: number,
  ) => Promise<WebhookRequest>;
  /** The gateway's idea of now. */
  readonly now: () => Date;
}

/** How the suite gets gateways. */
export interface GatewayContractOptions {
  readonly create: () => Promise<GatewayHarness> | GatewayHarness;
}

const link = {
  invoiceId: 'INV-1',
  invoiceNumber: '2024-0001',
  customerId: 'C1',
  amount: '1234.50',
  currency: 'EUR',
  idempotencyKey: 'link:INV-1',
};

const paid = { date: '2024-02-01', amount: '1234.50', currency: 'EUR', invoiceId: 'INV-1' };

/**
 * Registers the gateway contract suite with a runner.
 *
 * @example
 * gatewayContract({ describe, it }, { create: () => harness });
 * //=> undefined (the tests are registered)
 */
export function gatewayContract(runner: TestRunner, options: GatewayContractOptions): void {
  const { describe, it } = runner;
  const run = (body: (h: GatewayHarness) => Promise<void>) => async () =>
    body(await options.create());

  describe('PaymentGateway contract', () => {
    it(
      'gives the same payment link for the same key',
      run(async ({ gateway }) => {
        const a = must(await gateway.createPaymentLink(link), 'link');
        const b = must(await gateway.createPaymentLink(link), 'same link again');
        const c = must(
          await gateway.createPaymentLink({
            ...link,
            invoiceId: 'INV-2',
            idempotencyKey: 'link:INV-2',
          }),
          'other link',
        );
        check(a.id === b.id && a.url === b.url, 'same key, same link');
        check(a.id !== c.id, 'other key, other link');
        check(/^https?:\/\//.test(a.url), `the link is a URL: ${a.url}`);
      }),
    );

    it(
      'lists settlements after a cursor, each once',
      run(async ({ gateway, settle }) => {
        const start = must(await gateway.listSettlements(), 'first page');
        await settle(paid);
        await settle({ ...paid, amount: '10.00' });
        const page = must(await gateway.listSettlements(start.cursor), 'after the cursor');
        check(page.settlements.length === 2, `two new settlements, got ${page.settlements.length}`);
        check(new Set(page.settlements.map((s) => s.id)).size === 2, 'settlement ids are unique');
        const empty = must(await gateway.listSettlements(page.cursor), 'after the last');
        check(empty.settlements.length === 0, 'nothing is listed twice');
      }),
    );

    it(
      'accepts a fresh, correctly signed webhook',
      run(async (h) => {
        const settlement = await h.settle(paid);
        const request = await h.signedWebhook(settlement, Math.floor(h.now().getTime() / 1000));
        const event = must(await h.gateway.parseWebhook(request), 'valid webhook');
        check(event.type === 'settlement', `event type ${event.type}`);
        check(event.settlement?.amount === '1234.50', 'the settlement amount is read exactly');
      }),
    );

    it(
      'refuses a tampered body, a wrong signature and a stale timestamp',
      run(async (h) => {
        const settlement = await h.settle(paid);
        const now = Math.floor(h.now().getTime() / 1000);
        const request = await h.signedWebhook(settlement, now);
        const tampered = { ...request, rawBody: request.rawBody.replace('1234.50', '9234.50') };
        mustFail(await h.gateway.parseWebhook(tampered), 'invalid_signature', 'tampered body');
        const unsigned = { rawBody: request.rawBody, headers: {} };
        mustFail(await h.gateway.parseWebhook(unsigned), 'invalid_signature', 'no signature');
        const stale = await h.signedWebhook(settlement, now - 3600);
        mustFail(await h.gateway.parseWebhook(stale), 'invalid_signature', 'an hour-old timestamp');
      }),
    );
  });
}
