import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { receivablesError } from '../../src/errors/index.js';
import { COLLECTION_NAMES, STORE_COLLECTIONS, sendOutcome } from '../../src/ports/index.js';

describe('ports', () => {
  it('classifies send results as accepted, rejected (permanent) or failed (retry)', () => {
    const failure = (retryable: boolean) =>
      err(receivablesError('delivery_failed', { reason: 'x', retryable }));
    expect(sendOutcome(ok({ messageId: 'm' }))).toBe('accepted');
    expect(sendOutcome(failure(false))).toBe('rejected');
    expect(sendOutcome(failure(true))).toBe('failed');
  });

  it('names a unique key for every record that carries an idempotency key', () => {
    expect(STORE_COLLECTIONS.outbox.key).toBe('key');
    expect(STORE_COLLECTIONS.payments.key).toBe('transactionId');
    // The charges of one dunning action share its actionKey: their ids are unique.
    expect(STORE_COLLECTIONS.charges.key).toBeUndefined();
    expect(STORE_COLLECTIONS.dunningHistory.key).toBe('key');
    expect(STORE_COLLECTIONS.imports.key).toBe('key');
    expect(COLLECTION_NAMES).toHaveLength(15);
  });
});
