/**
 * Dunning: reminder policies, an idempotent planner, statutory late interest and
 * fees (EU Directive 2011/7/EU), and rendered reminder messages.
 *
 * @module
 */
export { countDays } from './day-count.js';
export * from './history.js';
export * from './interest.js';
export { digest64, dunningActionKey } from './keys.js';
export * from './messages/mime.js';
export * from './messages/render.js';
export type { StatementOfAccountInput, StatementView } from './messages/statement.js';
export * from './messages/templates.js';
export type { ItemRow, MessageView } from './messages/view.js';
export * from './planner.js';
export * from './policy.js';
export { dunningPolicySchema } from './policy-schema.js';
export * from './rates.js';
export * from './types.js';
