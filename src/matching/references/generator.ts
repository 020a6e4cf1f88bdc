/**
 * Payment references given to invoices at issue time. The default derives the
 * reference from the invoice number (RF over its letters and digits, or a national
 * scheme over its digits), so that the reference alone tells which invoice a
 * payment is for. A host with its own numbering plugs in a {@link ReferenceGenerator}.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ErrorOf } from '../../errors/index.js';
import { createBelgianReference } from './belgian.js';
import { createFinnishReference } from './finnish.js';
import { createRfReference } from './iso11649.js';
import { createKid } from './kid.js';
import { createQrReference } from './swiss.js';
import { invalidReference, type ReferenceResult, type ValidReference } from './types.js';

/** The schemes a reference can be generated in. */
export type GeneratedScheme = 'iso11649' | 'finnish' | 'kid' | 'qr' | 'belgian';

/** What a generator knows about the invoice it gives a reference to. */
export interface ReferenceSubject {
  readonly invoiceId: string;
  /** Printed invoice number; the id when absent. */
  readonly number?: string;
  readonly customerId: string;
}

/** Gives an invoice its payment reference; the host may supply its own. */
export type ReferenceGenerator = (
  subject: ReferenceSubject,
) => Result<ValidReference, ErrorOf<'invalid_reference'>>;

/**
 * The payment reference of an invoice number in a scheme. RF keeps letters and
 * digits (`INV-2024-0117` -> `RF..INV20240117`); the national schemes keep digits
 * only, so an invoice number without digits cannot have one.
 *
 * @param invoiceNumber - the number printed on the invoice
 * @param scheme - the reference scheme the business uses with its bank
 * @example
 * paymentReferenceFor('INV-7', 'iso11649').map((r) => r.value)
 * //=> Ok('RF79INV7')
 */
export function paymentReferenceFor(
  invoiceNumber: string,
  scheme: GeneratedScheme = 'iso11649',
): ReferenceResult {
  const alphanumeric = invoiceNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const digits = alphanumeric.replace(/\D/g, '');
  if (alphanumeric === '') return invalidReference(scheme, invoiceNumber, 'no letters or digits');
  if (scheme === 'iso11649') return createRfReference(alphanumeric);
  if (digits === '') return invalidReference(scheme, invoiceNumber, 'no digits to build on');
  switch (scheme) {
    case 'finnish':
      return createFinnishReference(digits.padStart(3, '0'));
    case 'kid':
      return createKid(digits, 'MOD10');
    case 'qr':
      return createQrReference(digits);
    case 'belgian':
      return createBelgianReference(digits);
  }
}

/**
 * A generator that derives each invoice's reference from its number in one scheme.
 *
 * @example
 * referenceGenerator('iso11649')({ invoiceId: 'i1', number: 'INV-7', customerId: 'C1' })
 *   .map((r) => r.value)
 * //=> Ok('RF79INV7')
 */
export function referenceGenerator(scheme: GeneratedScheme = 'iso11649'): ReferenceGenerator {
  return (subject) => paymentReferenceFor(subject.number ?? subject.invoiceId, scheme);
}
