/**
 * The built-in message templates: Handlebars sources for subject, plain text and
 * HTML, per template id and language. They are data: a host passes its own
 * {@link TemplateSet} to the renderer to change the wording, the layout or add a
 * language. `{{value}}` is HTML-escaped in the HTML part; the renderer strips line
 * breaks from every value that goes into a subject.
 *
 * The view every template sees is {@link MessageView} (see `view.ts`).
 *
 * @module
 */
import { PHRASES, type Phrases } from './phrases.js';

/** The three parts of one message template, as Handlebars sources. */
export interface MessageTemplate {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Templates by template id, then by language code (`en`, `de`, `fr`...). */
export type TemplateSet = Readonly<Record<string, Readonly<Record<string, MessageTemplate>>>>;

const textRows = (p: Phrases) =>
  '{{#each items}}\n' +
  `- ${p.number} {{number}}, ${p.dueDate} {{dueDate}}, ` +
  `{{daysOverdue}} ${p.daysOverdue}: {{openAmount}}` +
  `{{#if reference}} (${p.reference} {{reference}}){{/if}}\n` +
  '{{/each}}';

const textCharges = (p: Phrases) => `{{#if charges.length}}
${p.charges}:
{{#each charges}}
- {{label}}{{#if itemNumber}} ({{itemNumber}}){{/if}}: {{amount}}
{{/each}}
{{/if}}`;

const payLine = (p: Phrases, quoted: string) =>
  `${p.payTo} {{sender.name}}, IBAN {{sender.iban}}` +
  '{{#if sender.bic}}, BIC {{sender.bic}}{{/if}}, ' +
  `{{#if reference}}${p.quoting} ${quoted}{{else}}${p.quoteEach}{{/if}}.`;

const textPay = (p: Phrases) => `{{#if sender.iban}}
${payLine(p, '{{reference}}')}
{{/if}}`;

const text = (p: Phrases, intro: string) => `{{customerName}}

${p.greeting}

${intro}

${textRows(p)}
${p.overdueTotal}: {{overdueTotal}}
${textCharges(p)}
{{#if unapplied}}
${p.unappliedCash}: -{{unapplied}}
{{/if}}

${p.totalDue}: {{totalDue}}

${textPay(p)}

${p.closing}
{{sender.name}}
`;

const HEADINGS = [
  'number',
  'issueDate',
  'dueDate',
  'daysOverdue',
  'reference',
  'openAmount',
] as const;
const CELLS = ['number', 'issueDate', 'dueDate', 'daysOverdue', 'reference', 'openAmount'];

const htmlTable = (p: Phrases) => `<table>
<thead><tr>${HEADINGS.map((h) => `<th>${p[h]}</th>`).join('')}</tr></thead>
<tbody>
{{#each items}}<tr>${CELLS.map((c) => `<td>{{${c}}}</td>`).join('')}</tr>
{{/each}}</tbody>
<tfoot><tr><th colspan="5">${p.overdueTotal}</th><td>{{overdueTotal}}</td></tr></tfoot>
</table>`;

const htmlCharges = (p: Phrases) => `{{#if charges.length}}<h3>${p.charges}</h3>
<table>
{{#each charges}}<tr><td>{{label}}{{#if itemNumber}} ({{itemNumber}}){{/if}}</td>
<td>{{amount}}</td></tr>
{{/each}}</table>
{{/if}}`;

const html = (p: Phrases, intro: string) => `<!DOCTYPE html>
<html lang="{{language}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body>
<p>{{customerName}}</p>
<p>${p.greeting}</p>
<p>${intro}</p>
${htmlTable(p)}
${htmlCharges(p)}
{{#if unapplied}}<p>${p.unappliedCash}: -{{unapplied}}</p>
{{/if}}<p><strong>${p.totalDue}: {{totalDue}}</strong></p>
{{#if sender.iban}}<p>${payLine(p, '<strong>{{reference}}</strong>')}</p>
{{/if}}<p>${p.closing}<br>{{sender.name}}</p>
</body></html>
`;

const statementText = (p: Phrases) => `{{customerName}}

${p.greeting}

${p.texts.statement!.intro} ({{date}})

{{#each items}}
- ${p.number} {{number}}, ${p.dueDate} {{dueDate}}: {{openAmount}}
{{/each}}

${p.aging}:
{{#each aging}}
- {{label}}: {{amount}}
{{/each}}
${p.unappliedCash}: {{unappliedCash}}
${p.unappliedCredit}: {{unappliedCredit}}
${p.balance}: {{balance}}

${p.closing}
{{sender.name}}
`;

const statementHtml = (p: Phrases) => `<!DOCTYPE html>
<html lang="{{language}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>
<body>
<p>{{customerName}}</p>
<p>${p.greeting}</p>
<p>${p.texts.statement!.intro} ({{date}})</p>
${htmlTable(p)}
<h3>${p.aging}</h3>
<table>
{{#each aging}}<tr><td>{{label}}</td><td>{{amount}}</td></tr>
{{/each}}</table>
<p>${p.unappliedCash}: {{unappliedCash}}<br>${p.unappliedCredit}: {{unappliedCredit}}</p>
<p><strong>${p.balance}: {{balance}}</strong></p>
<p>${p.closing}<br>{{sender.name}}</p>
</body></html>
`;

function build(): TemplateSet {
  const set: Record<string, Record<string, MessageTemplate>> = {};
  for (const [language, p] of Object.entries(PHRASES)) {
    for (const [id, t] of Object.entries(p.texts)) {
      const statement = id === 'statement';
      const subject = statement
        ? `${t.subject} {{date}}`
        : `${t.subject}{{#if numbers}}: {{numbers}}{{/if}}`;
      set[id] ??= {};
      set[id][language] = {
        subject,
        text: statement ? statementText(p) : text(p, t.intro),
        html: statement ? statementHtml(p) : html(p, t.intro),
      };
    }
  }
  return set;
}

/**
 * Built-in templates: `friendly`, `reminder-1`, `reminder-2`, `reminder-3`, `final`
 * and `statement`, each in `en`, `de` and `fr`.
 *
 * @example
 * Object.keys(DEFAULT_TEMPLATES['reminder-1'])
 * //=> ['en', 'de', 'fr']
 */
export const DEFAULT_TEMPLATES: TemplateSet = build();
