import { describe, expect, it } from 'vitest';
import { type CsvMapping, readCsvStatement, readStatement } from '../../src/statements/index.js';

const german: CsvMapping = {
  delimiter: ';',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  dateFormat: 'DD.MM.YYYY',
  currency: 'EUR',
  statementId: 'giro-2024-01',
  columns: {
    bookingDate: 'Buchungstag',
    valueDate: 'Valuta',
    amount: 'Betrag',
    direction: 'S/H',
    counterpartyName: 'Auftraggeber',
    counterpartyAccount: 'IBAN',
    remittanceText: ['Verwendungszweck 1', 'Verwendungszweck 2'],
  },
};

const germanHeader =
  'Buchungstag;Valuta;Auftraggeber;IBAN;Verwendungszweck 1;Verwendungszweck 2;' + 'Betrag;S/H';
const germanCsv = `${germanHeader}
02.01.2024;03.01.2024;Acme GmbH;DE89 3704 0044 0532 0130 00;RE 2024-17;Danke;1.234,50;H
05.01.2024;05.01.2024;Stadtwerke;DE02120300000000202051;Strom;;89,00;S
`;

describe('readCsvStatement', () => {
  it('reads a German export: semicolons, decimal comma, thousands dot, S/H column', () => {
    const file = readCsvStatement(germanCsv, german)._unsafeUnwrap();
    const txs = file.statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.bookingDate, t.valueDate, t.amount, t.direction])).toEqual([
      ['2024-01-02', '2024-01-03', '1234.50', 'credit'],
      ['2024-01-05', '2024-01-05', '89.00', 'debit'],
    ]);
    expect(txs[0]).toMatchObject({
      id: 'giro-2024-01/2',
      counterpartyName: 'Acme GmbH',
      counterpartyAccount: 'DE89370400440532013000',
      remittanceText: 'RE 2024-17 Danke',
    });
  });

  it('reads a US export by column index without header: MM/DD/YYYY, signed amounts', () => {
    const mapping: CsvMapping = {
      header: false,
      dateFormat: 'MM/DD/YYYY',
      thousandsSeparator: ',',
      columns: { bookingDate: 0, amount: 1, currency: 2, remittanceText: 3, id: 4 },
    };
    const text = '01/31/2024,"1,000.25",USD,INV 88,T-1\n02/01/2024,-20.00,USD,FEE,T-2\n';
    const txs = readCsvStatement(text, mapping)._unsafeUnwrap().statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.id, t.bookingDate, t.amount, t.direction])).toEqual([
      ['T-1', '2024-01-31', '1000.25', 'credit'],
      ['T-2', '2024-02-01', '20.00', 'debit'],
    ]);
  });

  it('is read by readStatement when the mapping is given', () => {
    expect(readStatement(germanCsv, { csv: german })._unsafeUnwrap().format).toBe('csv');
    expect(readStatement(germanCsv)._unsafeUnwrapErr().code).toBe('unsupported_format');
  });

  it('names the line and column of a wrong amount, an unknown mark or a bad date', () => {
    const amount = readCsvStatement(
      germanCsv.replace('89,00', '89.00.1'),
      german,
    )._unsafeUnwrapErr();
    expect(amount).toMatchObject({ code: 'parse_error', line: 3, path: ['amount'] });
    const mark = readCsvStatement(germanCsv.replace(';S\n', ';X\n'), german)._unsafeUnwrapErr();
    expect(mark).toMatchObject({ line: 3, path: ['direction'] });
    const date = readCsvStatement(
      germanCsv.replace('05.01.2024;05', '2024-01-05;05'),
      german,
    )._unsafeUnwrapErr();
    expect(date).toMatchObject({ line: 3, path: ['bookingDate'] });
  });

  it('refuses a mapping naming a column the file does not have, or an invalid mapping', () => {
    const missing = { ...german, columns: { ...german.columns, amount: 'Umsatz' } };
    expect(readCsvStatement(germanCsv, missing)._unsafeUnwrapErr().message).toContain(
      'no column "Umsatz"',
    );
    const invalid = { columns: { bookingDate: 0 } } as unknown as CsvMapping;
    expect(readCsvStatement(germanCsv, invalid)._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
