/**
 * `receivables/adapters/gateway`: a deterministic fake payment gateway, and the
 * webhook signature helpers a real gateway adapter builds on.
 *
 * @module
 */
export { createFakeGateway, type FakeGateway, type FakeGatewayOptions } from './fake.js';
export {
  constantTimeEqual,
  SIGNATURE_HEADER,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhookSignature,
} from './webhook.js';
