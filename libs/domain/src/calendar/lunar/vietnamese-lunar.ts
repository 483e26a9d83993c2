/**
 * Vietnamese lunar calendar (âm lịch), computed for a given time zone, UTC+7 by default.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (Âm lịch Việt Nam / amlich,
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html): jdFromDate, jdToDate,
 * NewMoon / getNewMoonDay, SunLongitude / getSunLongitude, getLunarMonth11, getLeapMonthOffset,
 * convertSolar2Lunar, convertLunar2Solar. The new-moon and sun-longitude series are the
 * approximations of Jean Meeus, "Astronomical Algorithms", 2nd ed., Willmann-Bell, 1998.
 *
 * The rules, in short:
 * - a lunar month starts on the local day that contains a new moon;
 * - month 11 is the month that contains the winter solstice;
 * - when 13 months lie between two months 11, the first of them (after month 11) that contains
 *   no major solar term (trung khí: the sun's longitude crossing a multiple of 30°) is the leap
 *   month (tháng nhuận) and repeats the number of the month before it.
 * Everything depends on the local day, hence on the time zone: Vietnam (UTC+7) and China (UTC+8)
 * disagree whenever a new moon or a solar term falls between 16:00 and 17:00 UT
 * (e.g. Tết 1985, 2007, 2030).
 *
 * Differences from the published JavaScript, all deliberate:
 * - Gregorian dates are proleptic Gregorian (no switch to the Julian calendar before 1582), so that
 *   jdFromDate and jdToDate are exact inverses; the lunar functions only accept 1800–2199 anyway.
 * - lunarToSolar returns undefined for lunar dates that do not exist (a leap month in a year without
 *   one, day 30 of a 29-day month) instead of a bogus date, and handles a leap month 12.
 * - solarToLunar finds the month's first day by searching around the nearest lunation; the published
 *   estimate answers "day 0" for the last day of a few months (4 days of 1800–2199 in UTC+7, 11 in
 *   UTC+8, e.g. 2009-03-26 in UTC+8). Every other day of 1800–2199 gives the same answer as the original.
 *
 * Pure and deterministic (used inside Temporal workflow code): no Date, no I/O, no randomness,
 * only floating-point arithmetic and Math.sin, which V8 computes the same way on every platform.
 */

/** A Gregorian calendar date; month 1..12. */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

/** A Vietnamese lunar date; month 1..12, `leap` for a leap month (tháng nhuận). */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export const VIETNAM_TIME_ZONE_HOURS = 7;

/**
 * Gregorian years the lunar functions accept: the range of Hồ Ngọc Đức's tables. lunarToSolar also
 * accepts lunar year 1799, whose last months fall in January 1800.
 */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

/** Plain Gregorian date functions accept years 1..9999. */
const SOLAR_MIN_YEAR = 1;
const SOLAR_MAX_YEAR = 9999;

/** Mean length of a lunation in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the first new moon of 1900 (1900-01-01 13:51 UT); new moon k is counted from it. */
const NEW_MOON_1900 = 2415021.076998695;
const DEGREE = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function requireInteger(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInGregorianMonth(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function requireSolarDate(d: SolarDate, minYear: number, maxYear: number): void {
  requireInteger(d.year, 'year', minYear, maxYear);
  requireInteger(d.month, 'month', 1, 12);
  requireInteger(d.day, `day of ${d.year}-${d.month}`, 1, daysInGregorianMonth(d.year, d.month));
}

function requireLunarDate(l: LunarDate): void {
  // 1 January 1800 lies in lunar year 1799: accept every lunar year that solarToLunar can answer.
  requireInteger(l.year, 'lunar year', LUNAR_MIN_YEAR - 1, LUNAR_MAX_YEAR);
  requireInteger(l.month, 'lunar month', 1, 12);
  // Whether day 30 exists depends on the month: that is not nonsense, lunarToSolar answers undefined.
  requireInteger(l.day, 'lunar day', 1, 30);
  if (typeof l.leap !== 'boolean') throw new RangeError(`leap must be a boolean, got ${String(l.leap)}`);
}

function requireTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || timeZone < -12 || timeZone > 14) {
    throw new RangeError(`time zone must be a number of hours from -12 to 14, got ${String(timeZone)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Julian day numbers
// ---------------------------------------------------------------------------------------------

/** Julian day number (the integer JD of the day's noon UT) of a proleptic Gregorian date. */
export function jdFromDate(d: SolarDate): number {
  requireSolarDate(d, SOLAR_MIN_YEAR, SOLAR_MAX_YEAR);
  // Count years from March so that the leap day is the last day of the counted year.
  const a = Math.floor((14 - d.month) / 12);
  const y = d.year + 4800 - a;
  const m = d.month + 12 * a - 3;
  return (
    d.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045
  );
}

const MIN_JD = jdFromDate({ year: SOLAR_MIN_YEAR, month: 1, day: 1 });
const MAX_JD = jdFromDate({ year: SOLAR_MAX_YEAR, month: 12, day: 31 });

/** The proleptic Gregorian date of a Julian day number; inverse of jdFromDate. */
export function jdToDate(jd: number): SolarDate {
  requireInteger(jd, 'Julian day number', MIN_JD, MAX_JD);
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: 100 * b + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Astronomy (Meeus, as used by Hồ Ngọc Đức)
// ---------------------------------------------------------------------------------------------

/** Julian date (UT, fractional) of the k-th new moon after 1900-01-01 (Meeus' NewMoon). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  const meanNewMoon =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * T2 -
    0.000000155 * T3 +
    0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEGREE);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * DEGREE; // sun's mean anomaly
  const Mpr = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * DEGREE; // moon's mean anomaly
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * DEGREE; // moon's argument of latitude
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M) +
    0.0021 * Math.sin(2 * M) -
    0.4068 * Math.sin(Mpr) +
    0.0161 * Math.sin(2 * Mpr) -
    0.0004 * Math.sin(3 * Mpr) +
    0.0104 * Math.sin(2 * F) -
    0.0051 * Math.sin(M + Mpr) -
    0.0074 * Math.sin(M - Mpr) +
    0.0004 * Math.sin(2 * F + M) -
    0.0004 * Math.sin(2 * F - M) -
    0.0006 * Math.sin(2 * F + Mpr) +
    0.001 * Math.sin(2 * F - Mpr) +
    0.0005 * Math.sin(2 * Mpr + M);
  // ΔT = TT − UT, in days: the series above gives dynamical time.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return meanNewMoon + correction - deltaT;
}

/** The sun's apparent longitude in radians, 0 ≤ L < 2π, at Julian date jd (Meeus' SunLongitude). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * DEGREE; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude, degrees
  const center =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.00029 * Math.sin(3 * M);
  const L = (L0 + center) * DEGREE;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/**
 * Which 30° sector (0..11) the sun is in at the local midnight that starts day `dayNumber`
 * (getSunLongitude). Sector 9 starts at the winter solstice (270°). A month contains a major
 * solar term exactly when the sector at its first day differs from the sector at the next month's.
 */
function sunSectorAtDayStart(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** The local Julian day number containing the k-th new moon (getNewMoonDay). */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Lunation index k whose new moon is nearest to the local day `dayNumber`. */
function nearestLunation(dayNumber: number): number {
  return Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
}

// ---------------------------------------------------------------------------------------------
// Calendar rules (Hồ Ngọc Đức)
// ---------------------------------------------------------------------------------------------

/** First day (Julian day number) of lunar month 11 — the month containing the winter solstice — of `year` (getLunarMonth11). */
function lunarMonth11Start(year: number, timeZone: number): number {
  // The last new moon before 31 December is month 11 unless the solstice came before it.
  const k = Math.floor((jdFromDate({ year, month: 12, day: 31 }) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  return sunSectorAtDayStart(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

/**
 * In a 13-month year starting at month 11 (first day `month11Start`), how many months after
 * month 11 the leap month lies (getLeapMonthOffset): the first month without a major solar term.
 */
function leapMonthOffset(month11Start: number, timeZone: number): number {
  const k = nearestLunation(month11Start);
  let sectorAtStart = sunSectorAtDayStart(newMoonDay(k + 1, timeZone), timeZone);
  // Between two months 11 there are 12 months but only 11 major terms, so one of offsets 1..12 has none.
  for (let offset = 1; offset <= 12; offset++) {
    const sectorAtNextStart = sunSectorAtDayStart(newMoonDay(k + offset + 1, timeZone), timeZone);
    if (sectorAtNextStart === sectorAtStart) return offset;
    sectorAtStart = sectorAtNextStart;
  }
  throw new Error(`no month without a major solar term after month 11 starting at JD ${month11Start}`);
}

/** Month number (1..12) of the leap month that lies `offset` months after month 11: it repeats the month before it. */
function leapMonthNumber(offset: number): number {
  return ((offset + 9) % 12) + 1;
}

/** First day (Julian day number) of the lunar month containing day `dayNumber`. */
function lunarMonthStartOn(dayNumber: number, timeZone: number): number {
  let k = nearestLunation(dayNumber);
  // The estimate is off by at most one lunation; step to the last new moon on or before the day.
  while (newMoonDay(k, timeZone) > dayNumber) k--;
  while (newMoonDay(k + 1, timeZone) <= dayNumber) k++;
  return newMoonDay(k, timeZone);
}

interface Month11Bracket {
  /** Gregorian year in which month 11 starts (always in November or December). */
  year: number;
  /** First day of that month 11 (a11). */
  start: number;
  /** First day of the following month 11 (b11). */
  nextStart: number;
}

/** The months 11 around the lunar month starting on `monthStart`, a day in Gregorian year `gregorianYear`. */
function month11Bracket(monthStart: number, gregorianYear: number, timeZone: number): Month11Bracket {
  const thisYears = lunarMonth11Start(gregorianYear, timeZone);
  if (thisYears <= monthStart) {
    return { year: gregorianYear, start: thisYears, nextStart: lunarMonth11Start(gregorianYear + 1, timeZone) };
  }
  return { year: gregorianYear - 1, start: lunarMonth11Start(gregorianYear - 1, timeZone), nextStart: thisYears };
}

/** Converts a Gregorian date to the lunar date in the given time zone (convertSolar2Lunar). */
export function solarToLunar(d: SolarDate, timeZone: number = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  requireSolarDate(d, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
  requireTimeZone(timeZone);
  const dayNumber = jdFromDate(d);
  const monthStart = lunarMonthStartOn(dayNumber, timeZone);
  const month11 = month11Bracket(monthStart, d.year, timeZone);

  // Months since month 11; in a 13-month year, months from the leap month on are numbered one less.
  let monthsAfter11 = Math.round((monthStart - month11.start) / SYNODIC_MONTH);
  let leap = false;
  if (month11.nextStart - month11.start > 365) {
    const leapOffset = leapMonthOffset(month11.start, timeZone);
    leap = monthsAfter11 === leapOffset;
    if (monthsAfter11 >= leapOffset) monthsAfter11 -= 1;
  }
  const month = ((10 + monthsAfter11) % 12) + 1;
  // Months 11 and 12 belong to the lunar year of month 11's Gregorian year; the rest to the next one.
  const year = monthsAfter11 < 2 ? month11.year : month11.year + 1;
  return { year, month, day: dayNumber - monthStart + 1, leap };
}

/**
 * Converts a lunar date to its Gregorian date in the given time zone (convertLunar2Solar), or
 * undefined when the lunar date does not exist: a leap month the year does not have, or day 30
 * of a 29-day month.
 */
export function lunarToSolar(l: LunarDate, timeZone: number = VIETNAM_TIME_ZONE_HOURS): SolarDate | undefined {
  requireLunarDate(l);
  requireTimeZone(timeZone);
  // Months 11 and 12 of lunar year Y follow month 11 of Gregorian year Y; months 1..10 follow that of Y − 1.
  const month11Year = l.month >= 11 ? l.year : l.year - 1;
  const month11 = lunarMonth11Start(month11Year, timeZone);
  const nextMonth11 = lunarMonth11Start(month11Year + 1, timeZone);

  let monthsAfter11 = (l.month + 1) % 12;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11, timeZone);
    if (l.leap && l.month !== leapMonthNumber(leapOffset)) return undefined;
    if (l.leap || monthsAfter11 >= leapOffset) monthsAfter11 += 1;
  } else if (l.leap) {
    return undefined;
  }

  const k = nearestLunation(month11) + monthsAfter11;
  const monthStart = newMoonDay(k, timeZone);
  if (l.day > newMoonDay(k + 1, timeZone) - monthStart) return undefined;
  return jdToDate(monthStart + l.day - 1);
}

function requireLunarDateExists(l: LunarDate, timeZone: number): SolarDate {
  const solar = lunarToSolar(l, timeZone);
  if (solar === undefined) throw new Error(`lunar date ${JSON.stringify(l)} unexpectedly does not exist`);
  return solar;
}

/** Mùng 1 Tết: the first day of month 1 (tháng Giêng) of lunar year `year`, which falls in Gregorian year `year`. */
export function lunarNewYear(year: number, timeZone: number = VIETNAM_TIME_ZONE_HOURS): SolarDate {
  requireInteger(year, 'year', LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
  return requireLunarDateExists({ year, month: 1, day: 1, leap: false }, timeZone);
}

/** Giỗ Tổ Hùng Vương: day 10 of (non-leap) month 3 of lunar year `year`, in Gregorian year `year`. */
export function hungKingsDay(year: number, timeZone: number = VIETNAM_TIME_ZONE_HOURS): SolarDate {
  requireInteger(year, 'year', LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
  return requireLunarDateExists({ year, month: 3, day: 10, leap: false }, timeZone);
}

/**
 * Giao thừa: the day before lunarNewYear(year), i.e. the last day (29 or 30 tháng Chạp) of lunar
 * year `year − 1`, which falls in Gregorian year `year`.
 */
export function lastDayOfLunarYear(year: number, timeZone: number = VIETNAM_TIME_ZONE_HOURS): SolarDate {
  return jdToDate(jdFromDate(lunarNewYear(year, timeZone)) - 1);
}
