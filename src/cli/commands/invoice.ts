/**
 * `receivables invoice <file>`: computes an invoice from our JSON input or an EN 16931
 * UBL 2.1 / CII XML file and prints its lines, VAT breakdown and totals. For an XML
 * file, also lists each EN 16931 rule that the figures it states break.
 * Exit codes (src/cli/io.ts): 0 fine; 1 the input is invalid or its stated figures break
 * a rule; 2 usage error or the file cannot be read.
 *
 * @module
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  checkStatedTotals,
  type RuleFinding,
  readEInvoice,
  type StatedTotals,
} from '../../einvoice/index.js';
import type { ReceivablesError } from '../../errors/index.js';
import { calculateInvoice, type InvoiceCalculation } from '../../invoice/index.js';
import { EXIT, EXIT_HELP, invalid, isFailure, readInputText, report } from '../io.js';

interface Outcome {
  readonly source: 'json' | 'UBL' | 'CII';
  readonly calculation: InvoiceCalculation;
  readonly findings: readonly RuleFinding[];
  readonly stated?: StatedTotals;
}

/** A table without colours, so that piped output and tests read plain text. */
function table(head: string[], colAligns: Table.HorizontalAlignment[]): Table.Table {
  return new Table({ head, colAligns, style: { head: [], border: [] } });
}

function compute(content: string): { ok: true; value: Outcome } | { ok: false; error: string } {
  const text = content;
  const fail = (e: ReceivablesError) => ({ ok: false as const, error: e.message });
  if (text.trimStart().startsWith('<')) {
    const doc = readEInvoice(text);
    if (doc.isErr()) return fail(doc.error);
    const calc = calculateInvoice(doc.value.input);
    if (calc.isErr()) return fail(calc.error);
    const findings = checkStatedTotals(calc.value, doc.value.stated);
    const { syntax: source, stated } = doc.value;
    return { ok: true, value: { source, calculation: calc.value, findings, stated } };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON or XML: ${e instanceof Error ? e.message : String(e)}` };
  }
  const calc = calculateInvoice(input);
  if (calc.isErr()) return fail(calc.error);
  return { ok: true, value: { source: 'json', calculation: calc.value, findings: [] } };
}

const TOTALS: readonly [string, keyof InvoiceCalculation['totals'], string][] = [
  ['BT-106', 'lineExtensionAmount', 'Sum of line net amounts'],
  ['BT-107', 'allowanceTotalAmount', 'Document allowances'],
  ['BT-108', 'chargeTotalAmount', 'Document charges'],
  ['BT-109', 'taxExclusiveAmount', 'Total without VAT'],
  ['BT-110', 'taxAmount', 'Total VAT'],
  ['BT-112', 'taxInclusiveAmount', 'Total with VAT'],
  ['BT-113', 'prepaidAmount', 'Paid amount'],
  ['BT-114', 'payableRoundingAmount', 'Rounding amount'],
  ['BT-115', 'amountDue', 'Amount due'],
];

function render(outcome: Outcome): string {
  const c = outcome.calculation;
  const right = (n: number) => Array.from({ length: n }, () => 'right' as const);
  const withTax = c.lines.some((l) => l.taxAmount !== undefined);
  const lines = table(
    ['Line', 'VAT', 'Rate %', 'Net', ...(withTax ? ['VAT amount', 'Gross'] : [])],
    ['left', 'left', ...right(withTax ? 4 : 2)],
  );
  for (const l of c.lines) {
    const tax = withTax ? [l.taxAmount ?? '', l.grossAmount ?? ''] : [];
    lines.push([l.id, l.vatCategory, l.vatRatePercent, l.netAmount, ...tax]);
  }
  const breakdown = table(
    ['VAT', 'Rate %', 'Taxable', 'Tax', 'Exemption'],
    ['left', ...right(3), 'left'],
  );
  for (const g of c.vatBreakdown) {
    const reason = g.exemptionReason?.text ?? g.exemptionReason?.code ?? '';
    breakdown.push([g.vatCategory, g.vatRatePercent, g.taxableAmount, g.taxAmount, reason]);
  }
  const stated = outcome.stated;
  const totals = table(
    ['Term', 'Total', c.currency, ...(stated ? ['Stated'] : [])],
    ['left', 'left', ...right(stated ? 2 : 1)],
  );
  for (const [term, key, label] of TOTALS) {
    totals.push([term, label, c.totals[key], ...(stated ? [stated[key] ?? ''] : [])]);
  }

  const parts = [lines.toString(), breakdown.toString(), totals.toString()];
  if (outcome.source !== 'json') {
    if (outcome.findings.length === 0) {
      parts.push('The stated totals follow every EN 16931 calculation rule checked.');
    } else {
      const broken = table(['Rule', 'Term', 'VAT', 'Expected', 'Stated', 'Note'], []);
      for (const f of outcome.findings) {
        const group = f.vatCategory ? `${f.vatCategory} ${f.vatRatePercent ?? ''}`.trim() : '';
        const note = f.tolerated ? 'within the validator tolerance (< 1)' : '';
        broken.push([f.rule, f.term, group, f.expected, f.stated, note]);
      }
      parts.push(`Stated figures that break EN 16931 rules:\n${broken.toString()}`);
    }
  }
  return `${parts.join('\n')}\n`;
}

/** Registers `receivables invoice <file> [--json]`. */
export function registerInvoiceCommand(program: Command): void {
  program
    .command('invoice')
    .description('Compute an invoice (JSON input, UBL 2.1 or CII XML) and check its stated totals')
    .argument('<file>', 'invoice file: our JSON input format, or an EN 16931 UBL/CII XML file')
    .option('--json', 'print the calculation and findings as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((file: string, options: { json?: boolean }) => {
      const content = readInputText(file);
      if (isFailure(content)) return report('invoice', content);
      const result = compute(content);
      if (!result.ok) return report('invoice', invalid(`${file}: ${result.error}`));
      const out = result.value;
      const json = { source: out.source, ...out.calculation, findings: out.findings };
      process.stdout.write(options.json ? `${JSON.stringify(json, null, 2)}\n` : render(out));
      if (out.findings.some((f) => !f.tolerated)) process.exitCode = EXIT.input;
    });
}
