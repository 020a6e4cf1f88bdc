/**
 * Payment references: validation of every supported scheme behind one function,
 * detection of the scheme of an unlabelled reference, and a pluggable generator
 * that gives each invoice a reference at issue time so that incoming payments can
 * be matched exactly.
 *
 * @module
 */
import { ok, type Result } from 'neverthrow';
import type { ErrorOf } from '../../errors/index.js';
import { validateBelgianReference } from './belgian.js';
import { validateFinnishReference } from './finnish.js';
import { validateRfReference } from './iso11649.js';
import { type KidMode, validateKid } from './kid.js';
import { validateEsrReference, validateQrReference } from './swiss.js';
import { invalidReference, type ReferenceResult, type ReferenceScheme } from './types.js';

export * from './belgian.js';
export * from './finnish.js';
export * from './generator.js';
export * from './iso11649.js';
export * from './kid.js';
export * from './swiss.js';
export type { ReferenceResult, ReferenceScheme, ValidReference } from './types.js';
export { compactReference } from './types.js';

/** Options of {@link validateReference}. */
export interface ValidateReferenceOptions {
  /** KID check-digit method of the payee's agreement (default: either). */
  readonly kidMode?: KidMode;
}

/**
 * Validates a payment reference of a known scheme. Without a scheme, an `RF...`
 * reference is read as ISO 11649 and a `+++.../.../...+++` one as Belgian; a bare
 * digit string needs its scheme, since Finnish, KID and ESR numbers overlap.
 *
 * @param input - the reference as written
 * @param scheme - which scheme it claims to follow
 * @example
 * validateReference('+++123/4567/89002+++').map((r) => r.scheme)
 * //=> Ok('belgian')
 */
export function validateReference(
  input: unknown,
  scheme?: ReferenceScheme,
  options: ValidateReferenceOptions = {},
): ReferenceResult {
  const chosen = scheme ?? guessScheme(input);
  switch (chosen) {
    case 'iso11649':
      return validateRfReference(input);
    case 'finnish':
      return validateFinnishReference(input);
    case 'kid':
      return validateKid(input, options.kidMode);
    case 'qr':
      return validateQrReference(input);
    case 'esr':
      return validateEsrReference(input);
    case 'belgian':
      return validateBelgianReference(input);
    case 'other':
      return typeof input === 'string' && input.trim() !== ''
        ? ok({ scheme: 'other', value: input.trim(), formatted: input.trim() })
        : invalidReference('other', input, 'empty');
    default:
      return invalidReference('unknown', input, 'name the scheme of a digits-only reference');
  }
}

function guessScheme(input: unknown): ReferenceScheme | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (/^rf/i.test(trimmed)) return 'iso11649';
  if (/^(\+{3}|\*{3})/.test(trimmed)) return 'belgian';
  return undefined;
}

/**
 * Every scheme whose rules a reference passes, in a fixed order (RF, Belgian,
 * QR, ESR, Finnish, KID). A digit string often passes several.
 *
 * @example
 * detectReferenceSchemes('RF18539007547034')
 * //=> ['iso11649']
 */
export function detectReferenceSchemes(input: string): readonly ReferenceScheme[] {
  const order: readonly ReferenceScheme[] = ['iso11649', 'belgian', 'qr', 'esr', 'finnish', 'kid'];
  return order.filter((s) => validateReference(input, s).isOk());
}

/** A reference that failed validation, for callers that only need a yes or no. */
export type InvalidReference = ErrorOf<'invalid_reference'>;

/**
 * True when the reference passes its scheme's rules.
 *
 * @example
 * isValidReference('RF18539007547034')
 * //=> true
 */
export function isValidReference(input: string, scheme?: ReferenceScheme): boolean {
  const r: Result<unknown, InvalidReference> = validateReference(input, scheme);
  return r.isOk();
}
