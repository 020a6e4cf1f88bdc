import { describe, expect, it } from 'vitest';
import { createFakeGateway, signWebhook } from '../../src/adapters/gateway/index.js';
import { SIGNATURE_HEADER } from '../../src/adapters/gateway/webhook.js';
import { manualClock } from '../../src/adapters/memory/index.js';
import { gatewayContract } from '../../src/testing/gateway-contract.js';

gatewayContract(
  { describe, it },
  {
    create: () => {
      const clock = manualClock('2024-02-01T12:00:00Z');
      const gateway = createFakeGateway({ secret: 'whsec_test', clock });
      return {
        gateway,
        settle: (s) => gateway.settle(s),
        now: () => clock.now(),
        signedWebhook: async (settlement, t) => {
          const rawBody = JSON.stringify({
            id: `evt_${settlement.id}`,
            type: 'settlement',
            settlement,
          });
          const header = (await signWebhook('whsec_test', rawBody, t))._unsafeUnwrap();
          return { rawBody, headers: { [SIGNATURE_HEADER]: header } };
        },
      };
    },
  },
);

describe('fake gateway', () => {
  it('signs its own webhooks so that it accepts them', async () => {
    const gateway = createFakeGateway({ secret: 's', clock: manualClock('2024-02-01T00:00:00Z') });
    const settlement = gateway.settle({ date: '2024-02-01', amount: '5.00', currency: 'EUR' });
    const event = await gateway.parseWebhook(await gateway.webhookFor(settlement));
    expect(event._unsafeUnwrap()).toEqual({ id: 'evt_st_1', type: 'settlement', settlement });
  });

  it('refuses a cursor it never gave', async () => {
    const gateway = createFakeGateway({ secret: 's', clock: manualClock('2024-02-01T00:00:00Z') });
    expect((await gateway.listSettlements('abc'))._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
