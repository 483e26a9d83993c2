import fc from 'fast-check';
import { InvalidInputError } from './invalid-input-error';
import {
  addDays,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  formatLocalDate,
  formatLocalDateVi,
  localDate,
  parseLocalDate,
  toYearMonthDay,
  type LocalDate,
} from './local-date';

function parseError(text: unknown, field?: string): InvalidInputError {
  try {
    parseLocalDate(text, field);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`${String(text)} was accepted`);
}

describe('local dates', () => {
  it('parses an ISO date and formats it back', () => {
    const date = parseLocalDate('2026-04-24');
    expect(formatLocalDate(date)).toBe('2026-04-24');
    expect(formatLocalDateVi(date)).toBe('24/04/2026');
    expect(toYearMonthDay(date)).toEqual({ year: 2026, month: 4, day: 24 });
  });

  it('counts days from 1970-01-01', () => {
    expect(parseLocalDate('1970-01-01')).toBe(0);
    expect(parseLocalDate('2026-01-01')).toBe(20454);
  });

  it('rejects 2026-02-30 naming the field and the problem', () => {
    const error = parseError('2026-02-30', 'start');
    expect(error.field).toBe('start');
    expect(error.code).toBe('day_out_of_range');
    expect(error.reason.en).toContain('day 30 does not exist in 2026-02');
    expect(error.reason.vi).toContain('tháng 2/2026');
  });

  it('knows leap years', () => {
    expect(formatLocalDate(parseLocalDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseError('2025-02-29').code).toBe('day_out_of_range');
    expect(parseError('2100-02-29').code).toBe('day_out_of_range');
    expect(formatLocalDate(parseLocalDate('2000-02-29'))).toBe('2000-02-29');
  });

  it('rejects months that do not exist and text that is not an ISO date', () => {
    expect(parseError('2026-13-01').code).toBe('month_out_of_range');
    expect(parseError('2026-00-10').code).toBe('month_out_of_range');
    expect(parseError('2026-1-5').code).toBe('not_iso_date');
    expect(parseError('24/04/2026').code).toBe('not_iso_date');
    expect(parseError(20260424).code).toBe('not_iso_date');
    expect(parseError(undefined).code).toBe('not_iso_date');
  });

  it('gives the ISO day of the week', () => {
    expect(dayOfWeek(parseLocalDate('2026-02-17'))).toBe(2); // mùng 1 Tết Bính Ngọ, a Tuesday
    expect(dayOfWeek(parseLocalDate('2026-02-15'))).toBe(7);
    expect(dayOfWeek(parseLocalDate('1969-12-29'))).toBe(1);
  });

  it('adds days and compares across month and year ends', () => {
    const date = parseLocalDate('2026-12-30');
    expect(formatLocalDate(addDays(date, 3))).toBe('2027-01-02');
    expect(formatLocalDate(addDays(date, -365))).toBe('2025-12-30');
    expect(daysBetween(parseLocalDate('2026-03-02'), parseLocalDate('2026-04-01'))).toBe(30);
    expect(compareLocalDates(date, addDays(date, 1))).toBe(-1);
    expect(compareLocalDates(date, date)).toBe(0);
  });

  it('agrees with the proleptic Gregorian calendar of Date.UTC for every day of 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        const date = n as LocalDate;
        const reference = new Date(n * 86_400_000);
        const { year, month, day } = toYearMonthDay(date);
        expect([year, month, day]).toEqual([reference.getUTCFullYear(), reference.getUTCMonth() + 1, reference.getUTCDate()]);
        expect(parseLocalDate(formatLocalDate(date))).toBe(date);
        expect(dayOfWeek(date) % 7).toBe(reference.getUTCDay());
        expect(localDate(year, month, day)).toBe(date);
      }),
    );
  });
});
