import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/index.js';
import { storeContract } from '../../src/testing/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function open(path: string) {
  const store = await openSqliteStore(path);
  if (store.isErr()) throw new Error(store.error.message);
  return store.value;
}

describe('SQLite store', () => {
  storeContract(
    { describe, it },
    {
      create: () => open(join(dir, `contract-${++n}.db`)),
      createPair: async () => {
        const path = join(dir, `pair-${++n}.db`);
        const first = await open(path);
        return [first, await open(path)] as const;
      },
    },
  );
});
