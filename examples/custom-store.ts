/**
 * A host bringing its own store: here one that tags every unit of work for its
 * audit log and delegates to the in-memory reference store (the same few lines wrap
 * a store over Postgres, DynamoDB or a host's ORM). The contract suite from
 * `receivables/testing` then checks that it keeps every guarantee the engine relies
 * on: versions, unique keys, rollback, serialised units of work.
 *
 * Run: npx tsx examples/custom-store.ts   (uses node:test; any runner with describe/it works)
 */
import { describe, it } from 'node:test';
import { createMemoryStore } from '../src/adapters/memory/index.js';
import type { ReceivablesStore } from '../src/ports/index.js';
import { storeContract } from '../src/testing/index.js';

function auditedStore(inner: ReceivablesStore, audit: string[]): ReceivablesStore {
  return {
    transaction(work, options) {
      audit.push(options?.readOnly ? 'read' : 'write');
      return inner.transaction(work, options);
    },
    close: () => inner.close(),
  };
}

const audit: string[] = [];
storeContract({ describe, it }, { create: () => auditedStore(createMemoryStore(), audit) });
