import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  daysInPeriod,
  periodSeries,
  previousPeriod,
} from '../../src/metrics/index.js';

describe('periods', () => {
  it('cuts a range into calendar months, partial at both ends', () => {
    expect(periodSeries({ from: '2026-01-15', to: '2026-03-10' }, 'month')).toEqual([
      { from: '2026-01-15', to: '2026-01-31', label: '2026-01', partial: true },
      { from: '2026-02-01', to: '2026-02-28', label: '2026-02' },
      { from: '2026-03-01', to: '2026-03-10', label: '2026-03', partial: true },
    ]);
  });

  it('cuts a range into quarters across a year end', () => {
    expect(periodSeries({ from: '2025-11-01', to: '2026-06-30' }, 'quarter')).toEqual([
      { from: '2025-11-01', to: '2025-12-31', label: '2025-Q4', partial: true },
      { from: '2026-01-01', to: '2026-03-31', label: '2026-Q1' },
      { from: '2026-04-01', to: '2026-06-30', label: '2026-Q2' },
    ]);
  });

  it('counts days with both ends included, leap day too', () => {
    expect(daysInPeriod({ from: '2024-02-01', to: '2024-02-29' })).toBe(29);
    expect(daysInPeriod({ from: '2026-01-01', to: '2026-03-31' })).toBe(90);
  });

  it('finds the period before: whole months, else the same number of days', () => {
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
  });

  it('refuses a period that ends before it starts or has no real date', () => {
    expect(checkPeriod({ from: '2026-02-01', to: '2026-01-31' })._unsafeUnwrapErr().code).toBe(
      'invalid_input',
    );
    expect(checkPeriod({ from: '2026-02-30', to: '2026-03-31' })._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_date',
      path: ['from'],
    });
  });
});
