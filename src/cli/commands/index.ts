import type { Command } from 'commander';
import { registerAgingCommand } from './aging.js';
import { registerDemoCommand } from './demo.js';
import { registerDunningCommand } from './dunning.js';
import { registerInvoiceCommand } from './invoice.js';
import { registerMatchCommand } from './match.js';
import { registerMetricsCommand } from './metrics.js';
import { registerStatementCommand } from './statement.js';

/** Adds every subcommand to the program. One line per command module. */
export function registerCommands(program: Command): void {
  registerDemoCommand(program);
  registerMetricsCommand(program);
  registerInvoiceCommand(program);
  registerDunningCommand(program);
  registerAgingCommand(program);
  registerStatementCommand(program);
  registerMatchCommand(program);
}
