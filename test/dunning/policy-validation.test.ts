import { describe, expect, it } from 'vitest';
import { parseDunningPolicy } from '../../src/dunning/index.js';

const level = { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' };
const withLevel = (extra: object) => ({ levels: [{ ...level, ...extra }] });
const issuesOf = (input: unknown) =>
  parseDunningPolicy(input).match(
    () => [],
    (e) => (e.code === 'invalid_input' ? e.issues.map((i) => [i.path.join('.'), i.message]) : []),
  );
const percentFee = (fee: object) => withLevel({ fee: { type: 'percent', ...fee } });

describe('parseDunningPolicy: fees', () => {
  it('takes a percentage above 0 and up to 100 only', () => {
    expect(parseDunningPolicy(percentFee({ percent: '100' })).isOk()).toBe(true);
    expect(parseDunningPolicy(percentFee({ percent: '2.5' })).isOk()).toBe(true);
    for (const percent of ['150', '100.01', '0', '0.00']) {
      expect(issuesOf(percentFee({ percent }))).toEqual([
        ['levels.0.fee.percent', 'a fee percentage must be more than 0 and at most 100'],
      ]);
    }
  });

  it('refuses a minimum above the maximum of the same currency', () => {
    const fee = { percent: '10', min: { EUR: '50.00' }, max: { EUR: '10.00', USD: '1.00' } };
    expect(issuesOf(percentFee(fee))).toEqual([
      ['levels.0.fee.min.EUR', 'min 50.00 is above max 10.00 for EUR'],
    ]);
    const equal = { percent: '10', min: { EUR: '10.00' }, max: { EUR: '10.00' } };
    expect(parseDunningPolicy(percentFee(equal)).isOk()).toBe(true);
  });

  it('gives one clear error for each wrong amount entry', () => {
    const amounts = { eur: '5.00', XYZ: '5.00', USD: '1e5', CHF: ' 5.00', JPY: '1.5' };
    expect(issuesOf(withLevel({ fee: { type: 'fixed', amounts } }))).toEqual([
      ['levels.0.fee.amounts.eur', 'unknown ISO 4217 currency "eur" (e.g. "EUR")'],
      ['levels.0.fee.amounts.XYZ', 'unknown ISO 4217 currency "XYZ" (e.g. "EUR")'],
      ['levels.0.fee.amounts.USD', 'expected a non-negative decimal string such as "10.00"'],
      ['levels.0.fee.amounts.CHF', 'expected a non-negative decimal string such as "10.00"'],
      ['levels.0.fee.amounts.JPY', 'more decimals than JPY has minor units'],
    ]);
  });

  it('refuses a __proto__ or constructor key instead of dropping it', () => {
    const amounts = JSON.parse('{"__proto__": "5.00", "EUR": "5.00"}');
    expect(issuesOf(withLevel({ fee: { type: 'fixed', amounts } }))).toEqual([
      ['levels.0.fee.amounts.__proto__', '"__proto__" is not allowed as a currency key'],
    ]);
    const ctor = { minimumOverdue: { constructor: '1.00' }, ...withLevel({}) };
    expect(issuesOf(ctor)).toEqual([
      ['minimumOverdue.constructor', '"constructor" is not allowed as a currency key'],
    ]);
  });
});

describe('parseDunningPolicy: channels, templates, locales, weekends', () => {
  it('takes email, letter, sms and custom:<name>, nothing else', () => {
    for (const channel of ['email', 'letter', 'sms', 'custom:whatsapp', 'custom:fax-2']) {
      expect(parseDunningPolicy(withLevel({ channel })).isOk()).toBe(true);
    }
    for (const channel of ['Email', 'e-mail', 'custom:', 'custom:bad name', 'fax']) {
      expect(issuesOf(withLevel({ channel }))[0]?.[0]).toBe('levels.0.channel');
    }
  });

  it('checks template ids when the caller names the templates that exist', () => {
    const input = { levels: [level, { ...level, daysAfterDue: 30, templateId: 'my-reminder' }] };
    expect(parseDunningPolicy(input).isOk()).toBe(true);
    const checked = parseDunningPolicy(input, { templateIds: ['reminder-1', 'reminder-2'] });
    expect(checked._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['levels', 1, 'templateId'],
    });
  });

  it('refuses a default locale that is not BCP 47', () => {
    expect(issuesOf({ ...withLevel({}), defaultLocale: 'xx-INVALID-!!' })).toEqual([
      ['defaultLocale', 'not a BCP 47 locale'],
    ]);
    expect(parseDunningPolicy({ ...withLevel({}), defaultLocale: 'de-CH' }).isOk()).toBe(true);
  });

  it('counts each weekend day once', () => {
    const sendDays = (weekend: number[]) => ({
      ...withLevel({}),
      sendDays: { businessDaysOnly: true, calendar: { weekend } },
    });
    const parsed = parseDunningPolicy(sendDays([6, 7, 6, 7, 6, 7, 6]))._unsafeUnwrap();
    expect(parsed.sendDays.calendar.weekend).toEqual([6, 7]);
    expect(issuesOf(sendDays([1, 2, 3, 4, 5, 6, 7]))).toEqual([
      ['sendDays.calendar.weekend', 'a week needs one business day'],
    ]);
  });
});
