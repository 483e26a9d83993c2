import { InvalidInputError } from './invalid-input-error';
import type { LocalizedText } from './localized-text';

declare const localDateBrand: unique symbol;

/**
 * A calendar date in Asia/Ho_Chi_Minh, as the law counts it (legal-rules.md §1): the number of
 * days since 1970-01-01. No time, no time zone, never a JS `Date` (a `Date` at midnight UTC is
 * the previous evening's 17:00 in Hà Nội and drifts with the host's time zone). ISO
 * `YYYY-MM-DD` is the form at the edges (API, storage, explanations); inside, the integer makes
 * day arithmetic exact and cheap.
 */
export type LocalDate = number & { readonly [localDateBrand]: 'LocalDate' };

/** An ISO `YYYY-MM-DD` string, the edge form of a `LocalDate`. */
export type IsoDate = string;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const SATURDAY: Weekday = 6;
export const SUNDAY: Weekday = 7;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

/** Howard Hinnant's days_from_civil (proleptic Gregorian), exact for every year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Howard Hinnant's civil_from_days, the inverse of daysFromCivil. */
export function toYearMonthDay(date: LocalDate): YearMonthDay {
  const z = date + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(date: LocalDate): number {
  return toYearMonthDay(date).year;
}

function invalidDate(field: string, code: string, reason: LocalizedText): InvalidInputError {
  return new InvalidInputError(field, code, reason);
}

/** Builds a date from its parts; throws `InvalidInputError` when the date does not exist. */
export function localDate(year: number, month: number, day: number, field = 'date'): LocalDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidDate(field, 'year_out_of_range', {
      vi: `năm ${year} không hợp lệ (phải từ ${MIN_YEAR} đến ${MAX_YEAR})`,
      en: `year ${year} is out of range (${MIN_YEAR}–${MAX_YEAR})`,
    });
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw invalidDate(field, 'month_out_of_range', {
      vi: `tháng ${month} không tồn tại (phải từ 1 đến 12)`,
      en: `month ${month} does not exist (must be 1–12)`,
    });
  }
  const monthLength = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > monthLength) {
    throw invalidDate(field, 'day_out_of_range', {
      vi: `ngày ${day} không tồn tại trong tháng ${month}/${year} (tháng này có ${monthLength} ngày)`,
      en: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')} (that month has ${monthLength} days)`,
    });
  }
  return daysFromCivil(year, month, day) as LocalDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO `YYYY-MM-DD` local date. Rejects anything else, including impossible dates
 * such as `2026-02-30`, with an `InvalidInputError` naming `field` and the problem.
 */
export function parseLocalDate(text: unknown, field = 'date'): LocalDate {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) {
    throw invalidDate(field, 'not_iso_date', {
      vi: `${JSON.stringify(text)} không phải ngày dạng YYYY-MM-DD`,
      en: `${JSON.stringify(text)} is not a date in the form YYYY-MM-DD`,
    });
  }
  return localDate(Number(match[1]), Number(match[2]), Number(match[3]), field);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatLocalDate(date: LocalDate): IsoDate {
  const { year, month, day } = toYearMonthDay(date);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `DD/MM/YYYY`, the way Vietnamese documents write dates. */
export function formatLocalDateVi(date: LocalDate): string {
  const { year, month, day } = toYearMonthDay(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

export function dayOfWeek(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((date % 7) + 7 + 3) % 7) + 1) as Weekday;
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= SATURDAY;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return (date + days) as LocalDate;
}

/** `later − earlier` in calendar days (negative when `later` is before `earlier`). */
export function daysBetween(earlier: LocalDate, later: LocalDate): number {
  return later - earlier;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export const WEEKDAY_NAMES: Record<Weekday, LocalizedText> = {
  1: { vi: 'thứ Hai', en: 'Monday' },
  2: { vi: 'thứ Ba', en: 'Tuesday' },
  3: { vi: 'thứ Tư', en: 'Wednesday' },
  4: { vi: 'thứ Năm', en: 'Thursday' },
  5: { vi: 'thứ Sáu', en: 'Friday' },
  6: { vi: 'thứ Bảy', en: 'Saturday' },
  7: { vi: 'Chủ nhật', en: 'Sunday' },
};
