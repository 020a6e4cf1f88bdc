/**
 * The wording of the built-in reminder and statement templates in English, German
 * and French. Hosts that want their own voice replace the templates, not this file.
 *
 * @module
 */

/** Words and sentences of one language. */
export interface Phrases {
  readonly greeting: string;
  readonly closing: string;
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly daysOverdue: string;
  readonly openAmount: string;
  readonly overdueTotal: string;
  readonly charges: string;
  readonly fee: string;
  readonly interest: string;
  readonly compensation: string;
  readonly totalDue: string;
  readonly payTo: string;
  readonly quoting: string;
  readonly quoteEach: string;
  readonly reference: string;
  readonly unappliedCash: string;
  readonly unappliedCredit: string;
  readonly balance: string;
  readonly aging: string;
  readonly current: string;
  /** Subject and opening sentence per built-in template id. */
  readonly texts: Readonly<Record<string, { readonly subject: string; readonly intro: string }>>;
}

const en: Phrases = {
  greeting: 'Dear {{customerName}},',
  closing: 'Kind regards',
  number: 'Invoice',
  issueDate: 'Date',
  dueDate: 'Due',
  daysOverdue: 'Days overdue',
  openAmount: 'Open amount',
  overdueTotal: 'Overdue',
  charges: 'Fees and interest',
  fee: 'Reminder fee',
  interest: 'Late-payment interest',
  compensation: 'Fixed compensation for recovery costs',
  totalDue: 'Total due',
  payTo: 'Please transfer the total due to',
  quoting: 'quoting the reference',
  quoteEach: 'quoting the reference of each invoice',
  reference: 'Reference',
  unappliedCash: 'Payments not yet applied',
  unappliedCredit: 'Credit notes not yet applied',
  balance: 'Balance',
  aging: 'Aging',
  current: 'Not yet due',
  texts: {
    friendly: {
      subject: 'Upcoming payment',
      intro: 'This is a friendly note that the following invoices fall due soon.',
    },
    'reminder-1': {
      subject: 'Payment reminder',
      intro:
        'According to our records the following invoices are overdue. ' +
        'Perhaps this has escaped your notice.',
    },
    'reminder-2': {
      subject: 'Second payment reminder',
      intro: 'Despite our reminder, the following invoices are still unpaid.',
    },
    'reminder-3': {
      subject: 'Third payment reminder',
      intro: 'The following invoices remain unpaid after two reminders. Please pay without delay.',
    },
    final: {
      subject: 'Final notice',
      intro: 'Unless we receive the total due promptly, we will pass the matter on for collection.',
    },
    statement: { subject: 'Statement of account', intro: 'Here is your statement of account.' },
  },
};

const de: Phrases = {
  greeting: 'Sehr geehrte Damen und Herren,',
  closing: 'Mit freundlichen Grüßen',
  number: 'Rechnung',
  issueDate: 'Datum',
  dueDate: 'Fällig',
  daysOverdue: 'Tage überfällig',
  openAmount: 'Offener Betrag',
  overdueTotal: 'Überfällig',
  charges: 'Gebühren und Zinsen',
  fee: 'Mahngebühr',
  interest: 'Verzugszinsen',
  compensation: 'Verzugspauschale',
  totalDue: 'Zu zahlen',
  payTo: 'Bitte überweisen Sie den Gesamtbetrag an',
  quoting: 'mit dem Verwendungszweck',
  quoteEach: 'mit der Referenz der jeweiligen Rechnung',
  reference: 'Referenz',
  unappliedCash: 'Noch nicht zugeordnete Zahlungen',
  unappliedCredit: 'Noch nicht verrechnete Gutschriften',
  balance: 'Saldo',
  aging: 'Altersstruktur',
  current: 'Noch nicht fällig',
  texts: {
    friendly: {
      subject: 'Bald fällige Zahlung',
      intro:
        'Wir möchten Sie freundlich daran erinnern, dass die folgenden Rechnungen bald fällig ' +
        'werden.',
    },
    'reminder-1': {
      subject: 'Zahlungserinnerung',
      intro:
        'Nach unseren Unterlagen sind die folgenden Rechnungen überfällig. ' +
        'Sicher haben Sie die Zahlung nur übersehen.',
    },
    'reminder-2': {
      subject: 'Zweite Mahnung',
      intro: 'Trotz unserer Erinnerung sind die folgenden Rechnungen noch offen.',
    },
    'reminder-3': {
      subject: 'Dritte Mahnung',
      intro:
        'Die folgenden Rechnungen sind nach zwei Mahnungen noch offen. Bitte zahlen Sie umgehend.',
    },
    final: {
      subject: 'Letzte Mahnung',
      intro: 'Geht der Gesamtbetrag nicht umgehend ein, übergeben wir die Forderung dem Inkasso.',
    },
    statement: { subject: 'Kontoauszug', intro: 'Anbei Ihr aktueller Kontoauszug.' },
  },
};

const fr: Phrases = {
  greeting: 'Madame, Monsieur,',
  closing: 'Veuillez agréer nos salutations distinguées',
  number: 'Facture',
  issueDate: 'Date',
  dueDate: 'Échéance',
  daysOverdue: 'Jours de retard',
  openAmount: 'Montant dû',
  overdueTotal: 'Échu',
  charges: 'Frais et intérêts',
  fee: 'Frais de relance',
  interest: 'Intérêts de retard',
  compensation: 'Indemnité forfaitaire pour frais de recouvrement',
  totalDue: 'Total à payer',
  payTo: 'Merci de virer le total à payer à',
  quoting: 'en indiquant la référence',
  quoteEach: 'en indiquant la référence de chaque facture',
  reference: 'Référence',
  unappliedCash: 'Paiements non encore imputés',
  unappliedCredit: 'Avoirs non encore imputés',
  balance: 'Solde',
  aging: 'Balance âgée',
  current: 'Non échu',
  texts: {
    friendly: {
      subject: 'Échéance prochaine',
      intro: 'Nous vous rappelons que les factures suivantes arrivent bientôt à échéance.',
    },
    'reminder-1': {
      subject: 'Rappel de paiement',
      intro: 'Sauf erreur de notre part, les factures suivantes restent impayées à ce jour.',
    },
    'reminder-2': {
      subject: 'Deuxième relance',
      intro: 'Malgré notre rappel, les factures suivantes sont toujours impayées.',
    },
    'reminder-3': {
      subject: 'Troisième relance',
      intro:
        'Les factures suivantes restent impayées après deux relances. ' +
        'Merci de régler sans délai.',
    },
    final: {
      subject: 'Mise en demeure',
      intro: 'Faute de paiement rapide du total, nous confierons le dossier au recouvrement.',
    },
    statement: {
      subject: 'Relevé de compte',
      intro: 'Veuillez trouver ci-dessous votre relevé de compte.',
    },
  },
};

/**
 * Phrases by language code.
 *
 * @example
 * PHRASES.de?.interest
 * //=> 'Verzugszinsen'
 */
export const PHRASES: Readonly<Record<string, Phrases>> = { en, de, fr };
