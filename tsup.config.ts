import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    'adapters/memory': 'src/adapters/memory/index.ts',
    'adapters/sqlite': 'src/adapters/sqlite/index.ts',
    'adapters/smtp': 'src/adapters/smtp/index.ts',
    'adapters/file-outbox': 'src/adapters/file-outbox/index.ts',
    'adapters/gateway': 'src/adapters/gateway/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
});
