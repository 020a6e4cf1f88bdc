#!/usr/bin/env node
/**
 * The `receivables` command. Each subcommand lives in `commands/` and registers
 * itself on the program; this file only parses argv and maps failures to exit codes.
 *
 * @module
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command()
  .name('receivables')
  .description('Accounts receivable: invoices, cash application, dunning, aging and metrics')
  .version('0.1.0')
  .showHelpAfterError();

registerCommands(program);

// Output piped into a reader that stops early (`| head`): stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`receivables: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
