/**
 * Terminal output of the demo: headings, tables (cli-table3) and a progress bar
 * (cli-progress) that only draws on an interactive terminal, so that piped or CI
 * output stays plain text.
 *
 * @module
 */
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';

/** Where the demo writes. */
export interface Out {
  heading(text: string): void;
  line(text: string): void;
  print(block: string): void;
  /** True when stderr is a terminal (progress bars are drawn there). */
  readonly interactive: boolean;
}

/** Output to the process's stdout, progress on its stderr. */
export function terminalOut(): Out {
  return {
    heading: (text) => process.stdout.write(`\n${text}\n`),
    line: (text) => process.stdout.write(`${text}\n`),
    print: (block) => process.stdout.write(`${block}\n`),
    interactive: process.stderr.isTTY === true,
  };
}

/** A table with right-aligned amount columns (their indexes in `right`). */
export function table(head: string[], rows: string[][], right: number[]): string {
  const plain = !process.stdout.isTTY;
  const t = new Table({
    head,
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
    wordWrap: true,
    colWidths: head.map((h) => (h === 'why' || h === 'verdict' ? 60 : null)),
    style: plain ? { head: [], border: [], compact: true } : { compact: true },
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

/** A progress bar for a step of `total` units; a no-op when not interactive. */
export function progress(out: Out, label: string, total: number) {
  if (!out.interactive) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total}`,
    stream: process.stderr,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
