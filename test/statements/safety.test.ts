import { describe, expect, it } from 'vitest';
import { readCamt, readMt940, readStatement } from '../../src/statements/index.js';
import { camt053, credit, mt940, ntry } from './samples.js';

describe('bad input is refused with a typed error, never expanded or hung on', () => {
  it('refuses a 200 MB file before reading it (default limit 50 MiB)', () => {
    const huge = ' '.repeat(200 * 1024 * 1024);
    const e = readStatement(huge)._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'input_too_large', limit: '52428800 bytes' });
    const bytes = new Uint8Array(2048);
    expect(readStatement(bytes, { maxBytes: 1024 })._unsafeUnwrapErr().code).toBe(
      'input_too_large',
    );
  });

  it('refuses XML nested deeper than the depth limit', () => {
    const deep = `<Document>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</Document>`;
    expect(readCamt(deep)._unsafeUnwrapErr()).toMatchObject({ code: 'input_too_large' });
    const ok = camt053(ntry('1.00', 'CRDT'));
    expect(readCamt(ok, { maxDepth: 3 })._unsafeUnwrapErr().code).toBe('input_too_large');
  });

  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    const xxe = camt053(ntry('1.00', 'CRDT')).replace(
      '<Document',
      '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document',
    );
    const e = readCamt(xxe)._unsafeUnwrapErr();
    expect(e.code).toBe('unsafe_input');
    expect(e.message).toContain('DOCTYPE (line 2)');
  });

  it('refuses an entity-expansion bomb without expanding it', () => {
    const lol = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [${lol}]><Document>&l9;</Document>`;
    expect(readStatement(bomb)._unsafeUnwrapErr().code).toBe('unsafe_input');
  });

  it('decodes only predefined entities and character references', () => {
    const details = credit({
      name: 'M&#252;ller &amp; S&#xF6;hne',
      ustrd: ['&unknown; &lt;1&gt;'],
    });
    const xml = camt053(ntry('1.00', 'CRDT', `<NtryDtls>${details}</NtryDtls>`));
    const t = readCamt(xml)._unsafeUnwrap().statements[0]?.transactions[0];
    expect(t?.counterpartyName).toBe('Müller & Söhne');
    expect(t?.remittanceText).toBe('&unknown; <1>');
  });

  it('refuses an over-long statement line without scanning it with a regular expression', () => {
    const long = mt940(`:61:240102C1,00NTRF${'A'.repeat(2_000_000)}`);
    const started = performance.now();
    expect(readMt940(long)._unsafeUnwrapErr().message).toContain('too long');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('returns unsupported_format for content of no known format', () => {
    expect(readStatement('just some text')._unsafeUnwrapErr().code).toBe('unsupported_format');
  });
});
