import { InvalidInputError, type FieldError } from './invalid-input-error';
import { dayOfWeek, parseLocalDate, SATURDAY, yearOf, type IsoDate, type LocalDate } from './local-date';
import type { LocalizedText } from './localized-text';

/**
 * The shape of one year of the official days-off schedule, as in
 * `data/calendar/vn-official-days-off.json` and as an administrator loads a newly announced
 * year at runtime. The Prime Minister fixes the Tết days, the adjacent Quốc khánh day and any
 * swaps each year (BLLĐ 2019 Art. 112(3)), so the schedule is data, not code.
 */
export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/**
 * statutory: the holiday itself (BLLĐ 2019 Art. 112(1), incl. the Tết days and the adjacent
 * Quốc khánh day fixed by the Prime Minister); swap: a weekday off by hoán đổi, paired with a
 * make-up Saturday; extra: nghỉ bù for a holiday that fell on a weekend (Art. 111(3)).
 */
export type DayOffKind = 'statutory' | 'swap' | 'extra';
export const DAY_OFF_KINDS: readonly DayOffKind[] = ['statutory', 'swap', 'extra'];

export interface DayOffEntry {
  readonly date: IsoDate;
  /** Official Vietnamese name, e.g. "Tết Âm lịch (mùng 2)". */
  readonly name: string;
  readonly kind: DayOffKind;
  /** Overrides the year's confidence for this entry. */
  readonly confidence?: Confidence;
}

/** A Saturday declared a working day (ngày làm bù) to pay back a swapped weekday. */
export interface MakeUpWorkingDayEntry {
  readonly date: IsoDate;
  readonly replaces: IsoDate;
  readonly confidence?: Confidence;
}

export interface CalendarYearInput {
  readonly daysOff: readonly DayOffEntry[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDayEntry[];
  /** The notice or decision the schedule comes from. */
  readonly source: string;
  readonly confidence: Confidence;
  readonly notes?: string;
}

export interface CalendarDataFile {
  readonly timezone: string;
  readonly years: Readonly<Record<string, CalendarYearInput>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Parses an ISO date or returns the parse error's reason. */
function tryParse(value: unknown, field: string): LocalDate | LocalizedText {
  try {
    return parseLocalDate(value, field);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.reason;
    throw error;
  }
}

/**
 * Checks one year of schedule before it may replace or extend the calendar. Returns every
 * problem found (empty list = valid), each naming the field:
 * dates exist and lie in `year`; days off are Monday–Friday (a weekend is off anyway; a
 * holiday on a weekend is expressed by its nghỉ bù weekday, Art. 111(3)); make-up working days
 * are Saturdays (the only day the Government swaps in, QĐ 188/1999 five-day week); no date
 * appears twice; names and the source are present; confidences are high, medium or low.
 */
export function validateCalendarYear(year: number, input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, vi: string, en: string): void => {
    errors.push({ field, reason: { vi, en } });
  };
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    fail('year', `năm ${year} không hợp lệ`, `year ${year} is not a 4-digit year`);
    return errors;
  }
  if (!isRecord(input)) {
    fail('', 'dữ liệu năm phải là một đối tượng', 'the year must be an object');
    return errors;
  }

  const seen = new Map<number, string>();
  const checkDate = (value: unknown, field: string, weekday: 'weekday' | 'saturday'): LocalDate | undefined => {
    const parsed = tryParse(value, field);
    if (typeof parsed !== 'number') {
      errors.push({ field, reason: parsed });
      return undefined;
    }
    if (yearOf(parsed) !== year) {
      fail(field, `ngày ${String(value)} không thuộc năm ${year}`, `${String(value)} is not in ${year}`);
    }
    const dow = dayOfWeek(parsed);
    if (weekday === 'weekday' && dow >= SATURDAY) {
      fail(
        field,
        `${String(value)} là ngày cuối tuần: chỉ ghi ngày nghỉ từ thứ Hai đến thứ Sáu (ngày lễ trùng cuối tuần được nghỉ bù vào ngày làm việc kế tiếp, Điều 111 khoản 3 BLLĐ 2019)`,
        `${String(value)} is a weekend day: list only Monday–Friday days off (a holiday on a weekend is given as its compensatory weekday, BLLĐ 2019 Art. 111(3))`,
      );
    }
    if (weekday === 'saturday' && dow !== SATURDAY) {
      fail(field, `${String(value)} không phải thứ Bảy: ngày làm bù phải là thứ Bảy`, `${String(value)} is not a Saturday: a make-up working day must be a Saturday`);
    }
    const previous = seen.get(parsed);
    if (previous !== undefined) {
      fail(field, `ngày ${String(value)} đã có ở ${previous}`, `${String(value)} already appears at ${previous}`);
    } else {
      seen.set(parsed, field);
    }
    return parsed;
  };
  const checkConfidence = (value: unknown, field: string, optional: boolean): void => {
    if (optional && value === undefined) return;
    if (!CONFIDENCES.includes(value as Confidence)) {
      fail(field, `độ tin cậy phải là high, medium hoặc low (nhận được ${JSON.stringify(value)})`, `confidence must be high, medium or low (got ${JSON.stringify(value)})`);
    }
  };

  const daysOffDates = new Set<number>();
  if (!Array.isArray(input.daysOff)) {
    fail('daysOff', 'thiếu danh sách ngày nghỉ (daysOff)', 'daysOff must be a list');
  } else {
    input.daysOff.forEach((entry: unknown, i: number) => {
      const at = `daysOff[${i}]`;
      if (!isRecord(entry)) {
        fail(at, 'mỗi ngày nghỉ phải là một đối tượng', 'each day off must be an object');
        return;
      }
      const date = checkDate(entry.date, `${at}.date`, 'weekday');
      if (date !== undefined) daysOffDates.add(date);
      if (!nonEmptyString(entry.name)) fail(`${at}.name`, 'thiếu tên ngày nghỉ', 'the name is missing');
      if (!DAY_OFF_KINDS.includes(entry.kind as DayOffKind)) {
        fail(`${at}.kind`, `loại ngày nghỉ phải là statutory, swap hoặc extra (nhận được ${JSON.stringify(entry.kind)})`, `kind must be statutory, swap or extra (got ${JSON.stringify(entry.kind)})`);
      }
      checkConfidence(entry.confidence, `${at}.confidence`, true);
    });
  }

  if (!Array.isArray(input.makeUpWorkingDays)) {
    fail('makeUpWorkingDays', 'thiếu danh sách ngày làm bù (makeUpWorkingDays)', 'makeUpWorkingDays must be a list');
  } else {
    input.makeUpWorkingDays.forEach((entry: unknown, i: number) => {
      const at = `makeUpWorkingDays[${i}]`;
      if (!isRecord(entry)) {
        fail(at, 'mỗi ngày làm bù phải là một đối tượng', 'each make-up day must be an object');
        return;
      }
      checkDate(entry.date, `${at}.date`, 'saturday');
      const replaces = tryParse(entry.replaces, `${at}.replaces`);
      if (typeof replaces !== 'number') {
        errors.push({ field: `${at}.replaces`, reason: replaces });
      } else if (yearOf(replaces) === year && !daysOffDates.has(replaces)) {
        fail(`${at}.replaces`, `ngày được hoán đổi ${String(entry.replaces)} không có trong danh sách ngày nghỉ`, `the swapped day ${String(entry.replaces)} is not listed in daysOff`);
      }
      checkConfidence(entry.confidence, `${at}.confidence`, true);
    });
  }

  if (!nonEmptyString(input.source)) fail('source', 'thiếu nguồn (văn bản công bố lịch nghỉ)', 'the source (the notice announcing the schedule) is missing');
  checkConfidence(input.confidence, 'confidence', false);
  return errors;
}

/** Thrown when a schedule that fails `validateCalendarYear` is used to build a calendar. */
export class InvalidCalendarDataError extends InvalidInputError {
  constructor(
    readonly year: number,
    readonly errors: readonly FieldError[],
  ) {
    super(`years.${year}`, 'invalid_calendar_year', {
      vi: `lịch nghỉ năm ${year} không hợp lệ: ${errors.map((e) => `${e.field}: ${e.reason.vi}`).join('; ')}`,
      en: `the ${year} schedule is invalid: ${errors.map((e) => `${e.field}: ${e.reason.en}`).join('; ')}`,
    });
  }
}
