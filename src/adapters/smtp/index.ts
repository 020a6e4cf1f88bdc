/**
 * `receivables/adapters/smtp`: a mailer over SMTP (nodemailer, an optional peer).
 *
 * @module
 */
export {
  createSmtpMailer,
  type SmtpMailer,
  type SmtpMailerOptions,
  type SmtpTransportOptions,
} from './mailer.js';
