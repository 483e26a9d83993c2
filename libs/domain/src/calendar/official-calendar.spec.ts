import fc from 'fast-check';
import { InvalidCalendarDataError } from './calendar-data';
import { calendarWithYears, defaultCalendar, DEFAULT_CALENDAR_VERSION } from './default-calendar';
import { InvalidInputError } from './invalid-input-error';
import { addDays, formatLocalDate, isWeekend, parseLocalDate, type LocalDate } from './local-date';

const d = (iso: string): LocalDate => parseLocalDate(iso);
const calendar = defaultCalendar();

/** Reference: count working days one by one (what the index replaces). */
function countSlowly(from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let x = addDays(from, 1); x <= to; x = addDays(x, 1)) if (calendar.isWorkingDay(x)) n++;
  return n;
}

const dateIn2024to2030 = fc.integer({ min: d('2024-01-01'), max: d('2030-12-31') }).map((n) => n as LocalDate);

describe('official working-day calendar', () => {
  it('records the data version', () => {
    expect(calendar.version).toBe(DEFAULT_CALENDAR_VERSION);
    expect(DEFAULT_CALENDAR_VERSION).toMatch(/^vn-official-days-off@/);
  });

  it('counts Monday–Friday except official days off, plus make-up Saturdays', () => {
    expect(calendar.isWorkingDay(d('2026-02-13'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-02-16'))).toBe(false);
    expect(calendar.dayOff(d('2026-02-17'))?.name).toBe('Tết Âm lịch (mùng 1 Tết Bính Ngọ)');
    expect(calendar.isWorkingDay(d('2026-02-21'))).toBe(false);
    expect(calendar.isWorkingDay(d('2026-01-10'))).toBe(true);
    expect(calendar.makeUpDay(d('2026-01-10'))?.replaces).toBe(d('2026-01-02'));
    expect(calendar.isWorkingDay(d('2026-11-24'))).toBe(false);
  });

  it('adds working days across years and Tết', () => {
    expect(formatLocalDate(calendar.addWorkingDays(d('2025-12-31'), 1))).toBe('2026-01-05');
    expect(formatLocalDate(calendar.addWorkingDays(d('2026-01-05'), -1))).toBe('2025-12-31');
    expect(formatLocalDate(calendar.addWorkingDays(d('2026-02-13'), 1))).toBe('2026-02-23');
    expect(calendar.countWorkingDays(d('2026-02-13'), d('2026-02-23'))).toBe(1);
    expect(calendar.countWorkingDays(d('2026-02-23'), d('2026-02-13'))).toBe(-1);
  });

  it('finds the working day on or before / after a day off', () => {
    expect(formatLocalDate(calendar.workingDayOnOrAfter(d('2026-02-15')))).toBe('2026-02-23');
    expect(formatLocalDate(calendar.workingDayOnOrBefore(d('2026-02-22')))).toBe('2026-02-13');
    expect(formatLocalDate(calendar.workingDayOnOrBefore(d('2026-02-13')))).toBe('2026-02-13');
  });

  it('matches a day-by-day count for any two dates (2024–2030)', () => {
    fc.assert(
      fc.property(dateIn2024to2030, fc.integer({ min: 0, max: 400 }), (from, span) => {
        expect(calendar.countWorkingDays(from, addDays(from, span))).toBe(countSlowly(from, addDays(from, span)));
      }),
    );
  });

  it('makes working-day addition and distance inverse of each other', () => {
    fc.assert(
      fc.property(dateIn2024to2030, fc.integer({ min: -300, max: 300 }), (from, n) => {
        const to = calendar.addWorkingDays(from, n);
        expect(calendar.countWorkingDays(from, to)).toBe(n);
        if (n !== 0) expect(calendar.isWorkingDay(to)).toBe(true);
        if (calendar.isWorkingDay(from)) expect(calendar.addWorkingDays(to, -n)).toBe(from);
      }),
    );
  });

  it('tells official, provisional and derived years apart', () => {
    expect(calendar.yearInfo(2026).status).toBe('official');
    expect(calendar.yearInfo(2027).status).toBe('provisional');
    expect(calendar.yearInfo(2028).status).toBe('derived');
  });

  it('flags provisional days off: low-confidence entries and derived years, not medium ones', () => {
    expect(calendar.dayOff(d('2027-02-04'))?.provisional).toBe(true);
    expect(calendar.dayOff(d('2027-01-01'))?.provisional).toBe(false);
    expect(calendar.dayOff(d('2026-11-24'))).toMatchObject({ confidence: 'medium', provisional: false });
    expect(calendar.dayOff(d('2028-01-26'))?.provisional).toBe(true);
    expect(calendar.hasProvisionalIn(d('2026-01-01'), d('2026-12-31'))).toBe(false);
    expect(calendar.hasProvisionalIn(d('2026-12-01'), d('2027-02-04'))).toBe(true);
  });

  it('has a conservative view in which provisional days off are working days', () => {
    const conservative = calendar.conservative();
    expect(conservative.ignoresProvisional).toBe(true);
    expect(conservative.isWorkingDay(d('2027-02-04'))).toBe(true);
    expect(conservative.isWorkingDay(d('2027-01-01'))).toBe(false);
    expect(conservative.isWorkingDay(d('2026-02-17'))).toBe(false);
    expect(conservative.hasProvisionalIn(d('2027-01-01'), d('2028-12-31'))).toBe(false);
  });

  it('lists days off and make-up days in a range, in order', () => {
    expect(calendar.daysOffIn(d('2024-04-25'), d('2024-05-06')).map((x) => formatLocalDate(x.date))).toEqual(['2024-04-29', '2024-04-30', '2024-05-01']);
    expect(calendar.makeUpDaysIn(d('2024-04-25'), d('2024-05-06')).map((x) => formatLocalDate(x.date))).toEqual(['2024-05-04']);
  });

  it('loads a newly announced year at runtime, replacing the derivation', () => {
    const loaded = calendarWithYears(
      {
        2028: {
          daysOff: [{ date: '2028-01-25', name: 'Tết Âm lịch (giao thừa)', kind: 'statutory' }],
          makeUpWorkingDays: [{ date: '2028-01-22', replaces: '2028-01-25' }],
          source: 'Thông báo giả định',
          confidence: 'high',
        },
      },
      'test-2028',
    );
    expect(loaded.version).toBe(`${DEFAULT_CALENDAR_VERSION}+test-2028`);
    expect(loaded.yearInfo(2028).status).toBe('official');
    expect(loaded.isWorkingDay(d('2028-01-26'))).toBe(true);
    expect(loaded.isWorkingDay(d('2028-01-22'))).toBe(true);
    expect(loaded.dayOff(d('2028-01-25'))?.provisional).toBe(false);
    expect(loaded.isWorkingDay(d('2026-02-17'))).toBe(false);
  });

  it('refuses an invalid loaded year, listing its problems', () => {
    const load = (): unknown => calendarWithYears({ 2028: { daysOff: [{ date: '2028-01-01', name: 'x', kind: 'statutory' }], makeUpWorkingDays: [], source: 's', confidence: 'high' } }, 'bad');
    expect(load).toThrow(InvalidCalendarDataError);
    try {
      load();
    } catch (error) {
      expect((error as InvalidCalendarDataError).errors.map((e) => e.field)).toEqual(['daysOff[0].date']);
    }
  });

  it('refuses dates outside the years it can know', () => {
    expect(() => calendar.isWorkingDay(d('2300-01-02'))).toThrow(InvalidInputError);
    expect(() => calendar.isWorkingDay(d('2000-01-03'))).toThrow(/2007–2199/);
  });

  it('never treats an ordinary weekend as an official day off', () => {
    fc.assert(
      fc.property(dateIn2024to2030, (date) => {
        if (isWeekend(date) && !calendar.makeUpDay(date)) expect(calendar.isWorkingDay(date)).toBe(false);
        if (calendar.dayOff(date)) expect(isWeekend(date)).toBe(false);
      }),
    );
  });
});
