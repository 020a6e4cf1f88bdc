/** Loads the real bank files and the person-written index.json that lists their entries. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Dec } from '../../src/money/decimal.js';

export const bankDir = fileURLToPath(new URL('../fixtures/bank/', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: index.json is untyped reference data
export type Json = any;

export const index: { files: Json[] } = JSON.parse(readFileSync(`${bankDir}index.json`, 'utf8'));

/** The raw bytes of a fixture (readers get bytes, as from a file upload). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${bankDir}${name}`));
}

export function filesOf(prefix: string): Json[] {
  return index.files.filter((f) => String(f.format).startsWith(prefix));
}

/** Two decimal strings denote the same number ("300" = "300.00"). */
export function sameAmount(actual: string | undefined, expected: string | undefined): void {
  expect(actual, `amount ${actual} vs ${expected}`).toBeDefined();
  expect(new Dec(actual as string).eq(expected as string), `${actual} = ${expected}`).toBe(true);
}

/**
 * Text compared without its whitespace: index.json marks each line break of the file
 * with " | ", and whether a break is a word boundary is not said by the formats
 * (MT940 cuts lines at 65 columns, mid-word).
 */
export function sameText(actual: string | undefined, expected: string | undefined): void {
  const squash = (s: string | undefined) => s?.replace(/ \| /g, '').replace(/\s+/g, '');
  expect(squash(actual)).toBe(squash(expected));
}

/** Expects `actual` to equal `expected` when index.json lists the field, else to be absent. */
export function listed(actual: unknown, expected: unknown, label: string): void {
  expect(actual, label).toEqual(expected ?? undefined);
}
