import { addDays, formatLocalDate, InvalidInputError, parseLocalDate } from '../calendar';
import {
  assertReportPeriodEnded,
  inReportPeriod,
  latestEndedReportPeriod,
  REPORT_PERIOD_KINDS,
  REPORT_SCHEDULE,
  reportPeriod,
  reportPeriodHasEnded,
  reportPeriodLabel,
  reportPeriodRangeVi,
  type ReportPeriodKind,
} from './report-period';

const d = parseLocalDate;
const iso = (p: { from: number; to: number }) => [formatLocalDate(p.from as never), formatLocalDate(p.to as never)];
const days = (p: { from: number; to: number }) => p.to - p.from + 1;

function invalid(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('report periods (Thông tư 01/2024/TT-TTCP; legal-rules.md §6)', () => {
  it('runs every period of a year from 15/12 of the year before to the 14th of its last month, both included', () => {
    expect(iso(reportPeriod('q1', 2026))).toEqual(['2025-12-15', '2026-03-14']);
    expect(iso(reportPeriod('six_months', 2026))).toEqual(['2025-12-15', '2026-06-14']);
    expect(iso(reportPeriod('nine_months', 2026))).toEqual(['2025-12-15', '2026-09-14']);
    expect(iso(reportPeriod('annual', 2026))).toEqual(['2025-12-15', '2026-12-14']);
  });

  it('counts a leap day in the periods that contain it, and none in the others', () => {
    // 17 days of December + 31 + 29 + 14.
    expect(days(reportPeriod('q1', 2024))).toBe(91);
    expect(days(reportPeriod('q1', 2025))).toBe(90);
    expect(days(reportPeriod('annual', 2024))).toBe(366);
    expect(days(reportPeriod('annual', 2025))).toBe(365);
    // Centuries: 2000 is a leap year, 2100 is not.
    expect(days(reportPeriod('annual', 2000))).toBe(366);
    expect(days(reportPeriod('annual', 2100))).toBe(365);
    expect(inReportPeriod(reportPeriod('q1', 2028), d('2028-02-29'))).toBe(true);
    expect(days(reportPeriod('six_months', 2028))).toBe(183);
  });

  it('puts the days of the year boundary on the right side: 14/12 in the year that ends, 15/12 in the next', () => {
    expect(inReportPeriod(reportPeriod('annual', 2025), d('2025-12-14'))).toBe(true);
    expect(inReportPeriod(reportPeriod('annual', 2025), d('2025-12-15'))).toBe(false);
    expect(inReportPeriod(reportPeriod('annual', 2026), d('2025-12-15'))).toBe(true);
    expect(inReportPeriod(reportPeriod('q1', 2026), d('2025-12-31'))).toBe(true);
    expect(inReportPeriod(reportPeriod('q1', 2026), d('2026-01-01'))).toBe(true);
    expect(inReportPeriod(reportPeriod('q1', 2026), d('2026-03-14'))).toBe(true);
    expect(inReportPeriod(reportPeriod('q1', 2026), d('2026-03-15'))).toBe(false);
    expect(inReportPeriod(reportPeriod('q1', 2026), d('2025-12-14'))).toBe(false);
  });

  it('nests the periods of a year: each one starts on the same day and ends later than the one before', () => {
    for (const year of [2024, 2025, 2026, 2100]) {
      const periods = REPORT_PERIOD_KINDS.map((k) => reportPeriod(k, year));
      expect(new Set(periods.map((p) => p.from)).size).toBe(1);
      for (let i = 1; i < periods.length; i++) expect(periods[i]!.to).toBeGreaterThan(periods[i - 1]!.to);
      // Consecutive years tile: the annual period of Y ends the day before Y+1's periods start.
      expect(reportPeriod('q1', year + 1).from).toBe(reportPeriod('annual', year).to + 1);
    }
  });

  it('has ended from the day after its cut-off, not on the cut-off day itself', () => {
    const q1 = reportPeriod('q1', 2026);
    expect(reportPeriodHasEnded(q1, d('2026-03-14'))).toBe(false);
    expect(reportPeriodHasEnded(q1, d('2026-03-15'))).toBe(true);
    const error = invalid(() => assertReportPeriodEnded(reportPeriod('annual', 2026), d('2026-11-26')));
    expect(error).toMatchObject({ field: 'year', code: 'period_not_ended' });
    expect(error.reason.vi).toContain('14/12/2026');
    expect(error.reason.en).toContain('15/12/2026');
    expect(() => assertReportPeriodEnded(reportPeriod('nine_months', 2026), d('2026-11-26'))).not.toThrow();
  });

  it('finds the latest period of a kind that has ended, across the year boundary', () => {
    const latest = (kind: ReportPeriodKind, today: string) => {
      const p = latestEndedReportPeriod(kind, d(today));
      return `${p.kind} ${p.year}`;
    };
    expect(latest('q1', '2026-03-15')).toBe('q1 2026');
    expect(latest('q1', '2026-03-14')).toBe('q1 2025');
    expect(latest('q1', '2026-01-10')).toBe('q1 2025');
    expect(latest('annual', '2026-12-14')).toBe('annual 2025');
    expect(latest('annual', '2026-12-15')).toBe('annual 2026');
    expect(latest('annual', '2027-01-02')).toBe('annual 2026');
    expect(latest('nine_months', '2026-11-26')).toBe('nine_months 2026');
  });

  it('refuses an unknown kind or a year out of range, naming the field', () => {
    expect(invalid(() => reportPeriod('quarter_2' as ReportPeriodKind, 2026))).toMatchObject({ field: 'periodKind', code: 'unknown_period_kind' });
    expect(invalid(() => reportPeriod('q1', 1999))).toMatchObject({ field: 'year', code: 'year_out_of_range' });
    expect(invalid(() => reportPeriod('q1', 2026.5))).toMatchObject({ field: 'year' });
  });

  it('writes the period the way the official tables do', () => {
    expect(reportPeriodRangeVi(reportPeriod('q1', 2026))).toBe('Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/03/2026');
    expect(reportPeriodLabel({ kind: 'q1', year: 2026 })).toEqual({ vi: 'Quý I năm 2026', en: 'First quarter of 2026' });
    expect(reportPeriodLabel({ kind: 'six_months', year: 2026 }).vi).toBe('6 tháng đầu năm 2026');
    expect(reportPeriodLabel({ kind: 'annual', year: 2025 }).vi).toBe('Năm 2025');
  });

  it('runs the automatic report at 00:05 on the day after each cut-off, in Asia/Ho_Chi_Minh', () => {
    expect(REPORT_SCHEDULE).toMatchObject({ timeZone: 'Asia/Ho_Chi_Minh', hour: 0, minute: 5 });
    expect(REPORT_SCHEDULE.runs).toEqual({ q1: { month: 3, day: 15 }, six_months: { month: 6, day: 15 }, nine_months: { month: 9, day: 15 }, annual: { month: 12, day: 15 } });
    for (const kind of REPORT_PERIOD_KINDS) {
      const run = REPORT_SCHEDULE.runs[kind];
      const runDay = d(`2026-${String(run.month).padStart(2, '0')}-${run.day}`);
      // The run is the first day on which the period of that year has ended.
      expect(reportPeriodHasEnded(reportPeriod(kind, 2026), runDay)).toBe(true);
      expect(reportPeriodHasEnded(reportPeriod(kind, 2026), addDays(runDay, -1))).toBe(false);
    }
  });
});
