/**
 * Small ports that keep the engine deterministic under test: the clock, the source
 * of new ids, and an optional structured logger.
 *
 * @module
 */

/** The current instant. The engine reads time only through this. */
export interface Clock {
  /** Now, as a `Date` (an instant; calendar dates come from it with a time zone). */
  now(): Date;
}

/** New unique ids for records the engine creates. */
export interface IdSource {
  /** A new id, unique in the store; `kind` names the record (`allocation`, `outbox`...). */
  next(kind: string): string;
}

/** Structured fields of a log event: plain JSON values. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * A structured logger (pino, console, a host's own). Events are short snake-case
 * names (`outbox_send_failed`) with fields; the engine never logs message bodies.
 */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}
