import type { Command } from 'commander';
import { registerInvoiceCommand } from './invoice.js';

/** Adds every subcommand to the program. One line per command module. */
export function registerCommands(program: Command): void {
  void program;
  registerInvoiceCommand(program);
}
