import {
  addDays,
  formatLocalDateVi,
  InvalidInputError,
  localDate,
  toYearMonthDay,
  type LocalDate,
  type LocalizedText,
} from '../calendar';

/**
 * Reporting periods of Thông tư 01/2024/TT-TTCP (chế độ báo cáo công tác thanh tra, tiếp công dân,
 * xử lý đơn, giải quyết khiếu nại, tố cáo; legal-rules.md §6). Every period of year Y starts on
 * 15/12 of Y−1 and ends on the 14th of the period's last month (the data cut-off, thời điểm chốt
 * số liệu): quarter 1 → 14/03, six months → 14/06, nine months → 14/09, the year → 14/12. Both
 * ends are included; the dates are local dates in Asia/Ho_Chi_Minh (legal-rules.md §1).
 * (*check* the article number of the cut-off rule against the official gazette before citing it.)
 */
export const REPORT_PERIOD_KINDS = ['q1', 'six_months', 'nine_months', 'annual'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

export const REPORT_PERIOD_CITATION = 'Thông tư 01/2024/TT-TTCP (kỳ báo cáo, thời điểm chốt số liệu: từ ngày 15/12 năm trước)';

/** The month whose 14th is the cut-off of each kind. */
const CUT_OFF_MONTH: Readonly<Record<ReportPeriodKind, number>> = { q1: 3, six_months: 6, nine_months: 9, annual: 12 };
const CUT_OFF_DAY = 14;
/** The first day of every period: 15/12 of the previous year. */
const START_MONTH = 12;
const START_DAY = 15;

/** Years a report may be asked for (the system holds no earlier data; later years have not ended). */
export const REPORT_MIN_YEAR = 2000;
export const REPORT_MAX_YEAR = 2199;

/** What precedes the year in a period's name: "Quý I năm 2026", "First quarter of 2026". */
export const REPORT_PERIOD_LABELS: Readonly<Record<ReportPeriodKind, LocalizedText>> = {
  q1: { vi: 'Quý I năm', en: 'First quarter of' },
  six_months: { vi: '6 tháng đầu năm', en: 'First six months of' },
  nine_months: { vi: '9 tháng năm', en: 'First nine months of' },
  annual: { vi: 'Năm', en: 'Year' },
};

export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  readonly year: number;
  /** 15/12 of the previous year (included). */
  readonly from: LocalDate;
  /** The cut-off (included). */
  readonly to: LocalDate;
}

export function isReportPeriodKind(value: unknown): value is ReportPeriodKind {
  return typeof value === 'string' && (REPORT_PERIOD_KINDS as readonly string[]).includes(value);
}

/** The period `kind` of `year`; throws InvalidInputError naming `periodKind` or `year`. */
export function reportPeriod(kind: ReportPeriodKind, year: number): ReportPeriod {
  if (!isReportPeriodKind(kind)) {
    throw new InvalidInputError('periodKind', 'unknown_period_kind', {
      vi: `kỳ báo cáo ${JSON.stringify(kind)} không tồn tại (chọn: ${REPORT_PERIOD_KINDS.join(', ')})`,
      en: `unknown reporting period ${JSON.stringify(kind)} (one of: ${REPORT_PERIOD_KINDS.join(', ')})`,
    });
  }
  if (!Number.isInteger(year) || year < REPORT_MIN_YEAR || year > REPORT_MAX_YEAR) {
    throw new InvalidInputError('year', 'year_out_of_range', {
      vi: `năm ${year} không hợp lệ (từ ${REPORT_MIN_YEAR} đến ${REPORT_MAX_YEAR})`,
      en: `year ${year} is out of range (${REPORT_MIN_YEAR}–${REPORT_MAX_YEAR})`,
    });
  }
  return { kind, year, from: localDate(year - 1, START_MONTH, START_DAY), to: localDate(year, CUT_OFF_MONTH[kind], CUT_OFF_DAY) };
}

/** A period has ended once its cut-off day is over: from the next day on, its figures are final. */
export function reportPeriodHasEnded(period: ReportPeriod, today: LocalDate): boolean {
  return today > period.to;
}

/** Throws InvalidInputError (field `year`) when the period has not ended on `today`. */
export function assertReportPeriodEnded(period: ReportPeriod, today: LocalDate): void {
  if (reportPeriodHasEnded(period, today)) return;
  throw new InvalidInputError('year', 'period_not_ended', {
    vi: `kỳ báo cáo ${reportPeriodLabel(period).vi} chưa kết thúc: chốt số liệu ngày ${formatLocalDateVi(period.to)}, lập báo cáo từ ngày ${formatLocalDateVi(addDays(period.to, 1))}`,
    en: `the period ${reportPeriodLabel(period).en} has not ended: its cut-off is ${formatLocalDateVi(period.to)}, a report can be made from ${formatLocalDateVi(addDays(period.to, 1))}`,
  });
}

/** The latest period of `kind` that has ended on `today` (what a schedule firing today reports on). */
export function latestEndedReportPeriod(kind: ReportPeriodKind, today: LocalDate): ReportPeriod {
  const { year } = toYearMonthDay(today);
  const thisYear = reportPeriod(kind, year);
  return reportPeriodHasEnded(thisYear, today) ? thisYear : reportPeriod(kind, year - 1);
}

/** Whether `date` lies in the period (both ends included). */
export function inReportPeriod(period: Pick<ReportPeriod, 'from' | 'to'>, date: LocalDate): boolean {
  return date >= period.from && date <= period.to;
}

/** "Quý I năm 2026" / "First quarter of 2026". */
export function reportPeriodLabel(period: Pick<ReportPeriod, 'kind' | 'year'>): LocalizedText {
  const label = REPORT_PERIOD_LABELS[period.kind];
  return { vi: `${label.vi} ${period.year}`, en: `${label.en} ${period.year}` };
}

/** "Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/03/2026", as the official tables write it. */
export function reportPeriodRangeVi(period: Pick<ReportPeriod, 'from' | 'to'>): string {
  return `Kỳ báo cáo: từ ngày ${formatLocalDateVi(period.from)} đến ngày ${formatLocalDateVi(period.to)}`;
}

/**
 * When the automatic report of each kind is made: 00:05 local time on the day after its cut-off
 * (15/03, 15/06, 15/09, 15/12), once the period's last day is over. The five minutes leave room
 * for acts entered at the last moment of the cut-off day. Policy, not law.
 */
export const REPORT_SCHEDULE = {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: 0,
  minute: 5,
  /** Month (1–12) and day of each kind's run. */
  runs: Object.fromEntries(Object.entries(CUT_OFF_MONTH).map(([kind, month]) => [kind, { month, day: CUT_OFF_DAY + 1 }])) as Readonly<
    Record<ReportPeriodKind, { readonly month: number; readonly day: number }>
  >,
} as const;
