/**
 * Payment terms: due dates, early-payment discounts, instalments, business-day
 * calendars and calendar-date arithmetic.
 *
 * @module
 */
export * from './calendar.js';
export * from './date.js';
export * from './discount.js';
export * from './due-date.js';
export * from './earned-discount.js';
export * from './instalments.js';
export * from './parse.js';
export * from './schema.js';
export * from './types.js';
