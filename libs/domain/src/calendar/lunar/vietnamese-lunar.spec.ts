import {
  LunarDate,
  SolarDate,
  VIETNAM_TIME_ZONE_HOURS,
  hungKingsDay,
  jdFromDate,
  jdToDate,
  lastDayOfLunarYear,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './index';

/*
 * Every expected date below is a published calendar date (Vietnamese wall calendars / lịch vạn
 * niên, Hồ Ngọc Đức's tables, Vietnamese public-holiday announcements, the Chinese calendar for
 * the UTC+8 column), written down with its day of week as a guard against typos; none was
 * produced by running this code.
 */

type Weekday = 'Sun' | 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat';
const WEEKDAYS: readonly Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 'YYYY-MM-DD' → SolarDate */
function ymd(text: string): SolarDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

function weekday(d: SolarDate): Weekday {
  return WEEKDAYS[(jdFromDate(d) + 1) % 7]!;
}

function lunar(year: number, month: number, day: number, leap = false): LunarDate {
  return { year, month, day, leap };
}

/** Mùng 1 Tết Nguyên Đán in Vietnam (UTC+7), with its day of week. */
const TET_VIETNAM: ReadonlyArray<[number, string, Weekday]> = [
  [1990, '1990-01-27', 'Sat'], // Canh Ngọ
  [1991, '1991-02-15', 'Fri'], // Tân Mùi
  [1992, '1992-02-04', 'Tue'], // Nhâm Thân
  [1993, '1993-01-23', 'Sat'], // Quý Dậu
  [1994, '1994-02-10', 'Thu'], // Giáp Tuất
  [1995, '1995-01-31', 'Tue'], // Ất Hợi
  [1996, '1996-02-19', 'Mon'], // Bính Tý
  [1997, '1997-02-07', 'Fri'], // Đinh Sửu
  [1998, '1998-01-28', 'Wed'], // Mậu Dần
  [1999, '1999-02-16', 'Tue'], // Kỷ Mão
  [2000, '2000-02-05', 'Sat'], // Canh Thìn
  [2001, '2001-01-24', 'Wed'], // Tân Tỵ
  [2002, '2002-02-12', 'Tue'], // Nhâm Ngọ
  [2003, '2003-02-01', 'Sat'], // Quý Mùi
  [2004, '2004-01-22', 'Thu'], // Giáp Thân
  [2005, '2005-02-09', 'Wed'], // Ất Dậu
  [2006, '2006-01-29', 'Sun'], // Bính Tuất
  [2007, '2007-02-17', 'Sat'], // Đinh Hợi (China: 18/02)
  [2008, '2008-02-07', 'Thu'], // Mậu Tý
  [2009, '2009-01-26', 'Mon'], // Kỷ Sửu
  [2010, '2010-02-14', 'Sun'], // Canh Dần
  [2011, '2011-02-03', 'Thu'], // Tân Mão
  [2012, '2012-01-23', 'Mon'], // Nhâm Thìn
  [2013, '2013-02-10', 'Sun'], // Quý Tỵ
  [2014, '2014-01-31', 'Fri'], // Giáp Ngọ
  [2015, '2015-02-19', 'Thu'], // Ất Mùi
  [2016, '2016-02-08', 'Mon'], // Bính Thân
  [2017, '2017-01-28', 'Sat'], // Đinh Dậu
  [2018, '2018-02-16', 'Fri'], // Mậu Tuất
  [2019, '2019-02-05', 'Tue'], // Kỷ Hợi
  [2020, '2020-01-25', 'Sat'], // Canh Tý
  [2021, '2021-02-12', 'Fri'], // Tân Sửu
  [2022, '2022-02-01', 'Tue'], // Nhâm Dần
  [2023, '2023-01-22', 'Sun'], // Quý Mão
  [2024, '2024-02-10', 'Sat'], // Giáp Thìn
  [2025, '2025-01-29', 'Wed'], // Ất Tỵ
  [2026, '2026-02-17', 'Tue'], // Bính Ngọ
  [2027, '2027-02-06', 'Sat'], // Đinh Mùi
  [2028, '2028-01-26', 'Wed'], // Mậu Thân
  [2029, '2029-02-13', 'Tue'], // Kỷ Dậu
  [2030, '2030-02-02', 'Sat'], // Canh Tuất (China: 03/02)
];

/** Giỗ Tổ Hùng Vương (10/3 âm lịch), with its day of week. */
const HUNG_KINGS_DAY: ReadonlyArray<[number, string, Weekday]> = [
  [2015, '2015-04-28', 'Tue'],
  [2016, '2016-04-16', 'Sat'],
  [2017, '2017-04-06', 'Thu'],
  [2018, '2018-04-25', 'Wed'],
  [2019, '2019-04-14', 'Sun'],
  [2020, '2020-04-02', 'Thu'],
  [2021, '2021-04-21', 'Wed'],
  [2022, '2022-04-10', 'Sun'],
  [2023, '2023-04-29', 'Sat'], // after the leap month 2 of Quý Mão
  [2024, '2024-04-18', 'Thu'],
  [2025, '2025-04-07', 'Mon'],
  [2026, '2026-04-26', 'Sun'],
  [2027, '2027-04-16', 'Fri'],
  [2028, '2028-04-04', 'Tue'],
  [2029, '2029-04-23', 'Mon'],
  [2030, '2030-04-12', 'Fri'],
];

/** Years whose Tết differs between Vietnam (UTC+7) and China (UTC+8). */
const TET_VIETNAM_VS_CHINA: ReadonlyArray<[number, string, string]> = [
  [1968, '1968-01-29', '1968-01-30'], // Tết Mậu Thân: the North (UTC+7 since 1967) a day before the South (UTC+8)
  [1985, '1985-01-21', '1985-02-20'], // Ất Sửu: a whole month apart (China had a leap month 10 in 1984)
  [2007, '2007-02-17', '2007-02-18'], // Đinh Hợi
  [2030, '2030-02-02', '2030-02-03'], // Canh Tuất
];

describe('Julian day numbers', () => {
  it('matches published Julian day numbers', () => {
    expect(jdFromDate(ymd('2000-01-01'))).toBe(2451545); // J2000.0 is JD 2451545.0 at noon
    expect(jdFromDate(ymd('1970-01-01'))).toBe(2440588); // Unix epoch
    expect(jdFromDate(ymd('1900-01-01'))).toBe(2415021);
    expect(jdFromDate(ymd('1582-10-15'))).toBe(2299161); // first day of the Gregorian calendar
    expect(jdFromDate(ymd('1858-11-17'))).toBe(2400001); // MJD 0 starts at JD 2400000.5
  });

  it('jdToDate inverts jdFromDate for every day of 1800–2199', () => {
    const first = jdFromDate(ymd('1800-01-01'));
    const last = jdFromDate(ymd('2199-12-31'));
    expect(last - first + 1).toBe(400 * 365 + 97); // 97 leap days in 400 Gregorian years
    let previous = jdToDate(first - 1);
    for (let jd = first; jd <= last; jd++) {
      const date = jdToDate(jd);
      expect(jdFromDate(date)).toBe(jd);
      const nextDayOfMonth = date.day === previous.day + 1 && date.month === previous.month;
      const firstOfMonth = date.day === 1 && (date.month === previous.month + 1 || (date.month === 1 && previous.month === 12));
      if (!nextDayOfMonth && !firstOfMonth) throw new Error(`${JSON.stringify(date)} does not follow ${JSON.stringify(previous)}`);
      previous = date;
    }
  });

  it('has the right day of week for the tables below', () => {
    expect(weekday(ymd('2024-02-10'))).toBe('Sat');
    expect(weekday(ymd('2000-01-01'))).toBe('Sat');
  });
});

describe('Tết Nguyên Đán in Vietnam, 1990–2030', () => {
  it.each(TET_VIETNAM)('Tết %i is %s (%s)', (year, date, day) => {
    expect(weekday(ymd(date))).toBe(day);
    expect(lunarNewYear(year)).toEqual(ymd(date));
    expect(lunarNewYear(year, VIETNAM_TIME_ZONE_HOURS)).toEqual(ymd(date));
    expect(solarToLunar(ymd(date))).toEqual(lunar(year, 1, 1));
  });

  it('covers every year', () => {
    expect(TET_VIETNAM.map(([year]) => year)).toEqual(Array.from({ length: 41 }, (_, i) => 1990 + i));
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
  it.each(HUNG_KINGS_DAY)('%i is %s (%s)', (year, date, day) => {
    expect(weekday(ymd(date))).toBe(day);
    expect(hungKingsDay(year)).toEqual(ymd(date));
    expect(solarToLunar(ymd(date))).toEqual(lunar(year, 3, 10));
  });
});

describe('time zone: Vietnam (UTC+7) vs China (UTC+8)', () => {
  it.each(TET_VIETNAM_VS_CHINA)('Tết %i: %s in Vietnam, %s in China', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toEqual(ymd(vietnam));
    expect(lunarNewYear(year, 8)).toEqual(ymd(china));
    expect(solarToLunar(ymd(vietnam))).toEqual(lunar(year, 1, 1));
    expect(solarToLunar(ymd(china), 8)).toEqual(lunar(year, 1, 1));
    // The Vietnamese Tết is still in the old year in China.
    expect(solarToLunar(ymd(vietnam), 8).year).toBe(year - 1);
  });

  it('starts a month a day apart when the new moon falls between 16:00 and 17:00 UT', () => {
    // New moon of 2009-03-26 16:06 UT: 23:06 in Hà Nội, already 27 March in Beijing (三月初一 = 2009-03-27).
    expect(solarToLunar(ymd('2009-03-26'))).toEqual(lunar(2009, 3, 1));
    expect(solarToLunar(ymd('2009-03-26'), 8)).toEqual(lunar(2009, 2, 30));
    expect(lunarToSolar(lunar(2009, 3, 1), 8)).toEqual(ymd('2009-03-27'));
  });

  it('agrees in ordinary years', () => {
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
      expect(lunarNewYear(year, 8)).toEqual(lunarNewYear(year));
    }
  });
});

describe('leap months (tháng nhuận)', () => {
  it.each([
    // [lunar year, leap month, first day of the leap month, first day of the month after it]
    [2020, 4, '2020-05-23', '2020-06-21'], // Canh Tý: 1/5 is the day of the annular eclipse of 21/06/2020
    [2023, 2, '2023-03-22', '2023-04-20'], // Quý Mão
    [2025, 6, '2025-07-25', '2025-08-23'], // Ất Tỵ
  ])('%i has leap month %i from %s to the day before %s', (year, month, leapStart, nextStart) => {
    expect(solarToLunar(ymd(leapStart))).toEqual(lunar(year, month, 1, true));
    expect(lunarToSolar(lunar(year, month, 1, true))).toEqual(ymd(leapStart));
    expect(solarToLunar(ymd(nextStart))).toEqual(lunar(year, month + 1, 1));
    expect(lunarToSolar(lunar(year, month + 1, 1))).toEqual(ymd(nextStart));
    // The day before the leap month is the end of the ordinary month with the same number.
    const before = jdToDate(jdFromDate(ymd(leapStart)) - 1);
    expect(solarToLunar(before)).toMatchObject({ year, month, leap: false });
  });

  it.each([
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
  ])('%i has exactly one leap month, month %i', (year, month) => {
    for (let m = 1; m <= 12; m++) {
      expect(lunarToSolar(lunar(year, m, 1, true)) !== undefined).toBe(m === month);
    }
  });

  it('Tết Trung Thu (15/8) after the leap month 6 of 2025 and in ordinary years', () => {
    expect(lunarToSolar(lunar(2023, 8, 15))).toEqual(ymd('2023-09-29'));
    expect(lunarToSolar(lunar(2024, 8, 15))).toEqual(ymd('2024-09-17'));
    expect(lunarToSolar(lunar(2025, 8, 15))).toEqual(ymd('2025-10-06'));
  });

  it('returns undefined for a leap month the year does not have', () => {
    expect(lunarToSolar(lunar(2023, 3, 1, true))).toBeUndefined(); // 2023 has leap month 2, not 3
    expect(lunarToSolar(lunar(2024, 2, 1, true))).toBeUndefined(); // Giáp Thìn has no leap month
    expect(lunarToSolar(lunar(2026, 6, 1, true))).toBeUndefined();
  });
});

describe('giao thừa (last day of the lunar year)', () => {
  it.each([
    // [Gregorian year, last day, its lunar day: 29 or 30 tháng Chạp of the previous lunar year]
    [2024, '2024-02-09', 30], // Quý Mão ends on 30 Tết
    [2025, '2025-01-28', 29], // Giáp Thìn has no 30 Tết
    [2026, '2026-02-16', 29], // Ất Tỵ has no 30 Tết
  ])('in %i is %s (%i tháng Chạp)', (year, date, day) => {
    expect(lastDayOfLunarYear(year)).toEqual(ymd(date));
    expect(solarToLunar(ymd(date))).toEqual(lunar(year - 1, 12, day));
  });

  it('returns undefined for day 30 of a 29-day month', () => {
    expect(lunarToSolar(lunar(2024, 12, 30))).toBeUndefined();
    expect(lunarToSolar(lunar(2025, 12, 30))).toBeUndefined();
    expect(lunarToSolar(lunar(2023, 12, 30))).toEqual(ymd('2024-02-09'));
  });
});

describe('round trips and structure', () => {
  /** Walks every day from `from` to `to` and checks that the lunar calendar is well formed. */
  function walk(from: string, to: string, timeZone: number): void {
    let previous = solarToLunar(jdToDate(jdFromDate(ymd(from)) - 1), timeZone);
    for (let jd = jdFromDate(ymd(from)); jd <= jdFromDate(ymd(to)); jd++) {
      const solar = jdToDate(jd);
      const lunarDate = solarToLunar(solar, timeZone);
      if (JSON.stringify(lunarToSolar(lunarDate, timeZone)) !== JSON.stringify(solar)) {
        throw new Error(`${JSON.stringify(lunarDate)} ← ${JSON.stringify(solar)} does not round-trip`);
      }
      const sameMonth = lunarDate.day === previous.day + 1 && lunarDate.month === previous.month && lunarDate.leap === previous.leap;
      const newMonth = lunarDate.day === 1 && (previous.day === 29 || previous.day === 30);
      if (!sameMonth && !newMonth) {
        throw new Error(`${JSON.stringify(lunarDate)} (${JSON.stringify(solar)}) does not follow ${JSON.stringify(previous)}`);
      }
      previous = lunarDate;
    }
  }

  it('solar → lunar → solar for every day of 1990–2030 (Vietnam)', () => {
    walk('1990-01-01', '2030-12-31', VIETNAM_TIME_ZONE_HOURS);
  });

  it('lunar → solar → lunar for every lunar date of 1990–2030', () => {
    let count = 0;
    for (let year = 1990; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const leap of [false, true]) {
          for (let day = 1; day <= 30; day++) {
            const date = lunar(year, month, day, leap);
            const solar = lunarToSolar(date);
            if (solar === undefined) continue;
            expect(solarToLunar(solar)).toEqual(date);
            count++;
          }
        }
      }
    }
    // Every day of the walk above belongs to exactly one of these lunar years, give or take their ends.
    expect(count).toBeGreaterThan(41 * 353);
    expect(count).toBeLessThan(41 * 386);
  });

  it('round-trips in China time too (every day of 2000–2010)', () => {
    walk('2000-01-01', '2010-12-31', 8);
  });

  it('Tết falls between 21 January and 20 February for every year 1800–2199', () => {
    for (let year = 1800; year <= 2199; year++) {
      const tet = lunarNewYear(year);
      const dayOfYear = jdFromDate(tet) - jdFromDate({ year, month: 1, day: 1 }) + 1;
      expect(tet.year).toBe(year);
      expect(dayOfYear).toBeGreaterThanOrEqual(21);
      expect(dayOfYear).toBeLessThanOrEqual(51);
      expect(solarToLunar(tet)).toEqual(lunar(year, 1, 1));
      // A lunar year has 12 months (353–355 days) or 13 (383–385 days).
      if (year < 2199) {
        const length = jdFromDate(lunarNewYear(year + 1)) - jdFromDate(tet);
        expect([353, 354, 355, 383, 384, 385]).toContain(length);
      }
    }
  });
});

describe('input validation', () => {
  it('rejects impossible solar dates', () => {
    expect(() => solarToLunar({ year: 2024, month: 13, day: 1 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2024, month: 0, day: 1 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2024, month: 1, day: 32 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2023, month: 2, day: 29 })).toThrow(/day of 2023-2/);
    expect(() => solarToLunar({ year: 2024, month: 1.5, day: 1 })).toThrow(RangeError);
    expect(() => jdFromDate({ year: 2024, month: 4, day: 31 })).toThrow(RangeError);
    expect(() => jdToDate(2451545.5)).toThrow(RangeError);
    expect(solarToLunar({ year: 2024, month: 2, day: 29 })).toEqual(lunar(2024, 1, 20));
  });

  it('rejects years outside 1800–2199 for lunar computations', () => {
    expect(() => solarToLunar({ year: 1799, month: 12, day: 31 })).toThrow(/year must be an integer from 1800 to 2199/);
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
    expect(() => hungKingsDay(Number.NaN)).toThrow(RangeError);
    expect(() => lastDayOfLunarYear(1799)).toThrow(RangeError);
  });

  it('rejects impossible lunar dates', () => {
    expect(() => lunarToSolar(lunar(2024, 13, 1))).toThrow(/lunar month/);
    expect(() => lunarToSolar(lunar(2024, 1, 31))).toThrow(/lunar day/);
    expect(() => lunarToSolar(lunar(2024, 1, 0))).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2024, month: 1, day: 1, leap: 'no' as unknown as boolean })).toThrow(RangeError);
  });

  it('rejects nonsense time zones', () => {
    expect(() => solarToLunar(ymd('2024-02-10'), Number.NaN)).toThrow(/time zone/);
    expect(() => lunarNewYear(2024, 24)).toThrow(RangeError);
  });
});
