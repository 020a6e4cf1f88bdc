import { describe, it } from 'vitest';
import { createMemoryStore } from '../../src/adapters/memory/index.js';
import { storeContract } from '../../src/testing/store-contract.js';

const shared = () => {
  const store = createMemoryStore();
  return Promise.resolve([store, store] as const);
};

storeContract({ describe, it }, { create: () => createMemoryStore(), createPair: shared });
