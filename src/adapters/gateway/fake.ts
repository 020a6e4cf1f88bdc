/**
 * A deterministic fake payment gateway for tests and the demo: payment links are
 * made up from the invoice, settlements are added by the test (`settle`), listed
 * after a numeric cursor, and delivered as webhooks signed like a real provider's.
 *
 * @module
 */
import { err, ok } from 'neverthrow';
import { z } from 'zod';
import { fromZodError, invariant, receivablesError } from '../../errors/index.js';
import type {
  PaymentGateway,
  PaymentLink,
  Settlement,
  WebhookRequest,
} from '../../ports/gateway.js';
import type { Clock } from '../../ports/system.js';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from './webhook.js';

/** Options of {@link createFakeGateway}. */
export interface FakeGatewayOptions {
  /** Webhook signing secret. */
  readonly secret: string;
  /** The clock webhooks are signed and checked with. */
  readonly clock: Clock;
  /** Base of the payment link URLs; default `https://pay.example.test`. */
  readonly baseUrl?: string;
}

/** The fake gateway, with the controls a test needs. */
export interface FakeGateway extends PaymentGateway {
  /** Records a settlement, as if a customer had paid; returns it with its id. */
  settle(settlement: Omit<Settlement, 'id'> & { readonly id?: string }): Settlement;
  /** The signed webhook the gateway would send for a settlement. */
  webhookFor(settlement: Settlement): Promise<WebhookRequest>;
}

const settlementSchema: z.ZodType<Settlement> = z.object({
  id: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  amount: z.string().regex(/^\d+(\.\d+)?$/),
  currency: z.string().length(3),
  invoiceId: z.string().optional(),
  customerId: z.string().optional(),
  reference: z.string().optional(),
  payerName: z.string().optional(),
});

const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  settlement: settlementSchema.optional(),
});

/**
 * Creates a fake gateway.
 *
 * @example
 * const gateway = createFakeGateway({ secret: 's', clock: manualClock('2024-01-01T00:00:00Z') });
 * gateway.settle({ date: '2024-01-02', amount: '10.00', currency: 'EUR' }).id
 * //=> 'st_1'
 */
export function createFakeGateway(options: FakeGatewayOptions): FakeGateway {
  const baseUrl = options.baseUrl ?? 'https://pay.example.test';
  const links = new Map<string, PaymentLink>();
  const settlements: Settlement[] = [];
  return {
    async createPaymentLink(request) {
      const existing = links.get(request.idempotencyKey);
      if (existing) return ok(existing);
      const id = `pl_${links.size + 1}`;
      const link = {
        id,
        url: `${baseUrl}/${id}?invoice=${encodeURIComponent(request.invoiceNumber)}`,
      };
      links.set(request.idempotencyKey, link);
      return ok(link);
    },
    async listSettlements(cursor) {
      const from = cursor === undefined ? 0 : Number(cursor);
      if (!Number.isInteger(from) || from < 0) {
        const issue = { path: ['cursor'], message: `not a cursor of this gateway: ${cursor}` };
        return err(receivablesError('invalid_input', { issues: [issue] }, ['cursor']));
      }
      return ok({ settlements: settlements.slice(from), cursor: String(settlements.length) });
    },
    async parseWebhook(request) {
      const verified = await verifyWebhookSignature({
        secret: options.secret,
        rawBody: request.rawBody,
        header: request.headers[SIGNATURE_HEADER],
        now: options.clock.now(),
      });
      if (verified.isErr()) return err(verified.error);
      let body: unknown;
      try {
        body = JSON.parse(request.rawBody);
      } catch {
        return err(receivablesError('parse_error', { format: 'webhook', reason: 'not JSON' }));
      }
      const event = eventSchema.safeParse(body);
      if (!event.success) return err(fromZodError(event.error));
      const { id, type, settlement } = event.data;
      return ok(
        type === 'settlement' && settlement ? { id, type, settlement } : { id, type: 'other' },
      );
    },
    settle(input) {
      const settlement = { ...input, id: input.id ?? `st_${settlements.length + 1}` };
      settlements.push(settlement);
      return settlement;
    },
    async webhookFor(settlement) {
      const rawBody = JSON.stringify({
        id: `evt_${settlement.id}`,
        type: 'settlement',
        settlement,
      });
      const t = Math.floor(options.clock.now().getTime() / 1000);
      const header = await signWebhook(options.secret, rawBody, t);
      invariant(header.isOk(), 'the fake gateway needs a non-empty secret and a valid clock');
      return { rawBody, headers: { [SIGNATURE_HEADER]: header.value } };
    },
  };
}
