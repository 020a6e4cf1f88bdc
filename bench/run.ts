/**
 * Runs every benchmark in bench/ (files named *.bench.ts), each in its own Node
 * process so that its peak memory (maxRSS) is its own. `npm run bench -- money`
 * runs only the files whose name contains "money".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}\n`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(here, file)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed`);
  process.exitCode = 1;
}
