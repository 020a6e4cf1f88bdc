/**
 * Renders reminder messages and statements of account with Handlebars, from data
 * templates ({@link DEFAULT_TEMPLATES} or the host's). The HTML part escapes every
 * value (customer names, references, sender details: anything that comes from the
 * host or the customer); the subject never carries a line break from data, no part
 * carries a bidi override or isolate from data (they could make an IBAN or an amount
 * read backwards), and the plain text is rendered without HTML escaping. Templates are
 * compiled once per renderer.
 *
 * @module
 */
import Handlebars from 'handlebars';
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../../errors/index.js';
import type { CurrencyOptions } from '../../money/index.js';
import type { DunningSender } from '../policy.js';
import type { DunningAction } from '../types.js';
import { type StatementOfAccountInput, statementView } from './statement.js';
import { DEFAULT_TEMPLATES, type MessageTemplate, type TemplateSet } from './templates.js';
import { actionView, type Formatters, formatters } from './view.js';

/** A message ready to send. */
export interface RenderedMessage {
  /** One line: line breaks from data are replaced by spaces. */
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Language of the template used (`en`, `de`, `fr`...). */
  readonly language: string;
}

/** Options of the render functions. */
export interface RenderMessageOptions extends CurrencyOptions {
  /** Who the message comes from and where to pay (name, IBAN, BIC). */
  readonly sender?: DunningSender;
  /**
   * Locale to write in when the template has no text in the customer's language
   * (the policy's `defaultLocale`); English when that has none either.
   */
  readonly fallbackLocale?: string;
}

/** Renders messages from one template set (compiled once). */
export interface MessageRenderer {
  /** Renders a planned action's message in the customer's language. */
  readonly renderDunningMessage: (
    action: DunningAction,
    options?: RenderMessageOptions,
  ) => Result<RenderedMessage, ReceivablesError>;
  /** Renders a statement of account with the `statement` template. */
  readonly renderStatementOfAccount: (
    input: StatementOfAccountInput,
    locale?: string,
    options?: RenderMessageOptions,
  ) => Result<RenderedMessage, ReceivablesError>;
}

type Compiled = {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
};

const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;

// Bidi embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069): in a
// customer name or reference they can reverse how the rest of a line reads ("Trojan
// Source"), e.g. turn an IBAN or an amount around. The marks U+200E/U+200F stay:
// they change no order beyond their neighbours, and Intl uses them in RTL locales.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Every string in a view passed through `edit`. */
function mapStrings(value: unknown, edit: (text: string) => string): unknown {
  if (typeof value === 'string') return edit(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, edit));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, edit)]));
  }
  return value;
}

/** Every string in a view with its line breaks replaced by a space (for subjects). */
const oneLine = (view: unknown) => mapStrings(view, (t) => t.replace(LINE_BREAKS, ' '));

/** Every string in a view without bidi embeddings, overrides and isolates. */
const withoutBidi = (view: object) =>
  mapStrings(view, (t) => t.replace(BIDI_CONTROLS, '')) as object;

/**
 * A renderer for a template set; use one per run so templates and formatters are
 * built once.
 *
 * @example
 * createMessageRenderer().renderDunningMessage(action).map((m) => m.subject)
 * //=> Ok('Zahlungserinnerung: INV-3')
 */
export function createMessageRenderer(templates: TemplateSet = DEFAULT_TEMPLATES): MessageRenderer {
  const hb = Handlebars.create();
  const compiled = new Map<MessageTemplate, Compiled>();
  const locales = new Map<string, Formatters>();

  const compile = (t: MessageTemplate): Compiled => {
    let c = compiled.get(t);
    if (c === undefined) {
      c = {
        subject: hb.compile(t.subject, { noEscape: true }),
        text: hb.compile(t.text, { noEscape: true }),
        html: hb.compile(t.html),
      };
      compiled.set(t, c);
    }
    return c;
  };
  const formattersFor = (locale: string, options: CurrencyOptions) => {
    const key = `${locale}\u0000${options.currencies ? 'host' : 'iso'}`;
    let f = locales.get(key);
    if (f === undefined) {
      f = formatters(locale, options);
      locales.set(key, f);
    }
    return f;
  };
  // The template's language decides the locale: a customer in ar-EG gets the
  // English text with English numbers and `lang="en"`, not Arabic digits in English
  // sentences. Tried in order: the customer's locale, the fallback, `en`, then any.
  const choose = (
    byLanguage: Readonly<Record<string, MessageTemplate>>,
    locales: readonly string[],
    options: CurrencyOptions,
  ) => {
    for (const locale of locales) {
      const f = formattersFor(locale, options);
      const template = Object.hasOwn(byLanguage, f.language) ? byLanguage[f.language] : undefined;
      if (template) return { f, template };
    }
    const [language] = Object.keys(byLanguage);
    return language === undefined
      ? undefined
      : { f: formattersFor(language, options), template: byLanguage[language]! };
  };
  const render = (
    templateId: string,
    locale: string,
    options: RenderMessageOptions,
    viewOf: (f: Formatters) => object,
  ): Result<RenderedMessage, ReceivablesError> => {
    const byLanguage = Object.hasOwn(templates, templateId) ? templates[templateId] : undefined;
    const locales = [locale, options.fallbackLocale ?? 'en', 'en'];
    const chosen = byLanguage && choose(byLanguage, locales, options);
    if (!chosen) return err(receivablesError('not_found', { kind: 'template', id: templateId }));
    const { f, template } = chosen;
    const view = withoutBidi(viewOf(f));
    try {
      const c = compile(template);
      const subject = c.subject(oneLine(view)).replace(LINE_BREAKS, ' ').trim();
      const data = { ...view, subject };
      return ok({ subject, text: c.text(data), html: c.html(data), language: f.language });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return err(receivablesError('parse_error', { format: 'handlebars', reason }, [templateId]));
    }
  };

  return {
    renderDunningMessage: (action, options = {}) =>
      render(action.message.templateId, action.message.locale, options, (f) =>
        actionView(action, f, options.sender ?? {}),
      ),
    renderStatementOfAccount: (input, locale, options = {}) =>
      render('statement', locale ?? input.customer.locale ?? 'en', options, (f) =>
        statementView(input, f, options.sender ?? {}),
      ),
  };
}

/**
 * Renders a planned action's message with the built-in templates, in the customer's
 * language (English, German or French); for other languages in `fallbackLocale`'s,
 * else in English, with numbers, dates and `lang` of the language written in.
 *
 * @param action - an action from `planDunning`
 * @param options - the sender and payment details
 *
 * @example
 * renderDunningMessage(action, { sender: { name: 'ACME', iban: 'DE89370400440532013000' } })
 *   .map((m) => m.text.includes('IBAN DE89370400440532013000'))
 * //=> Ok(true)
 */
export function renderDunningMessage(
  action: DunningAction,
  options: RenderMessageOptions = {},
): Result<RenderedMessage, ReceivablesError> {
  return createMessageRenderer().renderDunningMessage(action, options);
}

/**
 * Renders a customer statement of account (open items, aging, unapplied cash) with
 * the built-in `statement` template.
 *
 * @param input - the balances as of the statement date, the customer and currency
 * @param locale - BCP 47 locale; the customer's when absent
 *
 * @example
 * renderStatementOfAccount({ balances, customer, currency: 'EUR' }, 'fr-FR')
 *   .map((m) => m.subject.startsWith('Relevé de compte'))
 * //=> Ok(true)
 */
export function renderStatementOfAccount(
  input: StatementOfAccountInput,
  locale?: string,
  options: RenderMessageOptions = {},
): Result<RenderedMessage, ReceivablesError> {
  return createMessageRenderer().renderStatementOfAccount(input, locale, options);
}
