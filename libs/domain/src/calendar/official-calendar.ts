import { InvalidCalendarDataError, validateCalendarYear, type CalendarYearInput, type Confidence, type DayOffKind } from './calendar-data';
import { InvalidInputError } from './invalid-input-error';
import { dayOfWeek, localDate, parseLocalDate, SATURDAY, yearOf, type LocalDate } from './local-date';
import { DERIVABLE_MAX_YEAR, DERIVABLE_MIN_YEAR, deriveStatutoryYear } from './statutory-holidays';

/**
 * official: published schedule (confidence high or medium); provisional: a schedule in the data
 * with confidence low (e.g. 2027 before its notice); derived: no data, days off derived from
 * the labour code (statutory-holidays.ts).
 */
export type YearStatus = 'official' | 'provisional' | 'derived';

export interface YearInfo {
  readonly year: number;
  readonly status: YearStatus;
  readonly confidence: Confidence;
  readonly source: string;
}

/**
 * A weekday off. Provisional when it comes from a derived year or its effective confidence is
 * low: counting it can push a due date later than the real one (legal-rules.md §1), so
 * computations also report the date obtained without it.
 */
export interface ResolvedDayOff {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: DayOffKind;
  readonly confidence: Confidence;
  readonly provisional: boolean;
}

export interface ResolvedMakeUpDay {
  readonly date: LocalDate;
  readonly replaces: LocalDate;
  readonly confidence: Confidence;
  readonly provisional: boolean;
}

/** One year's schedule, resolved once and shared by both views of the calendar. */
interface YearSchedule {
  readonly info: YearInfo;
  readonly daysOff: readonly ResolvedDayOff[]; // sorted by date
  readonly makeUpDays: readonly ResolvedMakeUpDay[]; // sorted by date
}

/**
 * Working-day index of one year: rank[i] = number of working days among the first i days of the
 * year, workingDays = the working days in order. "Add N working days" and "working days
 * between" become array look-ups instead of day-by-day loops.
 */
interface YearIndex {
  readonly year: number;
  readonly first: number;
  readonly end: number; // first day of the next year
  readonly count: number;
  readonly rank: Uint16Array;
  readonly workingDays: Int32Array;
  readonly dayOff: ReadonlyMap<number, ResolvedDayOff>;
  readonly makeUp: ReadonlyMap<number, ResolvedMakeUpDay>;
  /** Provisional days off and make-up days as this view sees them, sorted. */
  readonly provisionalDates: Int32Array;
  readonly schedule: YearSchedule;
}

/** Where the calendar's years come from: the validated data years, else derivation. */
class CalendarSource {
  private readonly schedules = new Map<number, YearSchedule>();

  constructor(
    readonly version: string,
    private readonly years: ReadonlyMap<number, CalendarYearInput>,
  ) {}

  get minYear(): number {
    return Math.min(DERIVABLE_MIN_YEAR, ...this.years.keys());
  }

  get maxYear(): number {
    return Math.max(DERIVABLE_MAX_YEAR, ...this.years.keys());
  }

  schedule(year: number): YearSchedule {
    let schedule = this.schedules.get(year);
    if (!schedule) {
      schedule = this.resolve(year);
      this.schedules.set(year, schedule);
    }
    return schedule;
  }

  private resolve(year: number): YearSchedule {
    const data = this.years.get(year);
    const derived = data === undefined;
    const input = data ?? deriveStatutoryYear(year);
    const status: YearStatus = derived ? 'derived' : input.confidence === 'low' ? 'provisional' : 'official';
    const isProvisional = (confidence: Confidence): boolean => derived || confidence === 'low';
    const daysOff = input.daysOff
      .map((entry): ResolvedDayOff => {
        const confidence = entry.confidence ?? input.confidence;
        return { date: parseLocalDate(entry.date), name: entry.name, kind: entry.kind, confidence, provisional: isProvisional(confidence) };
      })
      .sort((a, b) => a.date - b.date);
    const makeUpDays = input.makeUpWorkingDays
      .map((entry): ResolvedMakeUpDay => {
        const confidence = entry.confidence ?? input.confidence;
        return { date: parseLocalDate(entry.date), replaces: parseLocalDate(entry.replaces), confidence, provisional: isProvisional(confidence) };
      })
      .sort((a, b) => a.date - b.date);
    return { info: { year, status, confidence: input.confidence, source: input.source }, daysOff, makeUpDays };
  }
}

function buildIndex(schedule: YearSchedule, ignoreProvisional: boolean): YearIndex {
  const year = schedule.info.year;
  const first = localDate(year, 1, 1);
  const end = localDate(year + 1, 1, 1);
  const dayOff = new Map<number, ResolvedDayOff>();
  for (const d of schedule.daysOff) if (!(ignoreProvisional && d.provisional)) dayOff.set(d.date, d);
  // A provisional make-up Saturday stays a working day in the conservative view: dropping it
  // would push dates later, the opposite of conservative.
  const makeUp = new Map<number, ResolvedMakeUpDay>();
  for (const d of schedule.makeUpDays) makeUp.set(d.date, d);

  const length = end - first;
  const rank = new Uint16Array(length + 1);
  const working: number[] = [];
  for (let i = 0; i < length; i++) {
    const date = first + i;
    const isWorking = makeUp.has(date) || (dayOfWeek(date as LocalDate) < SATURDAY && !dayOff.has(date));
    rank[i + 1] = rank[i]! + (isWorking ? 1 : 0);
    if (isWorking) working.push(date);
  }
  const provisionalDates = Int32Array.from(
    [...dayOff.values(), ...makeUp.values()].filter((d) => d.provisional).map((d) => d.date),
  ).sort();
  return { year, first, end, count: working.length, rank, workingDays: Int32Array.from(working), dayOff, makeUp, provisionalDates, schedule };
}

/**
 * The official working-day calendar for cán bộ, công chức, viên chức (legal-rules.md §1):
 * Monday–Friday except official days off, plus official make-up Saturdays. Built from versioned
 * schedule data; years without data are derived from the labour code and flagged provisional.
 * Immutable and deterministic (its lazy caches only memoise pure computations), so it is safe
 * in Temporal workflow code.
 */
export class OfficialCalendar {
  private readonly indexes = new Map<number, YearIndex>();
  private last: YearIndex | undefined;
  private conservativeView: OfficialCalendar | undefined;

  private constructor(
    private readonly source: CalendarSource,
    /** True for the conservative view, in which provisional days off are working days. */
    readonly ignoresProvisional: boolean,
  ) {}

  /**
   * Validates every year (`validateCalendarYear`) and builds the calendar; throws
   * `InvalidCalendarDataError` listing the problems of the first invalid year.
   */
  static fromYears(years: Readonly<Record<string, unknown>>, version: string): OfficialCalendar {
    const valid = new Map<number, CalendarYearInput>();
    for (const [key, input] of Object.entries(years)) {
      const year = Number(key);
      const errors = validateCalendarYear(year, input);
      if (errors.length > 0) throw new InvalidCalendarDataError(year, errors);
      valid.set(year, input as CalendarYearInput);
    }
    return new OfficialCalendar(new CalendarSource(version, valid), false);
  }

  /** Identifies the schedule data, so a due date can record which calendar produced it. */
  get version(): string {
    return this.source.version;
  }

  /** The same calendar with every provisional day off treated as a working day. */
  conservative(): OfficialCalendar {
    if (this.ignoresProvisional) return this;
    this.conservativeView ??= new OfficialCalendar(this.source, true);
    return this.conservativeView;
  }

  yearInfo(year: number): YearInfo {
    return this.indexForYear(year).schedule.info;
  }

  isWorkingDay(date: LocalDate): boolean {
    const index = this.indexFor(date);
    const i = date - index.first;
    return index.rank[i + 1]! > index.rank[i]!;
  }

  /** The official day off on `date` (undefined on a working day or an ordinary weekend). */
  dayOff(date: LocalDate): ResolvedDayOff | undefined {
    return this.indexFor(date).dayOff.get(date);
  }

  makeUpDay(date: LocalDate): ResolvedMakeUpDay | undefined {
    return this.indexFor(date).makeUp.get(date);
  }

  /**
   * The working day `n` working days after `date` (n > 0), i.e. the day d with
   * `countWorkingDays(date, d) === n`; for n < 0 the working day d before `date` with
   * `countWorkingDays(d, date) === -n`. `n === 0` returns `date` itself.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`a number of working days must be an integer, got ${n}`);
    if (n === 0) return date;
    const index = this.indexFor(date);
    return this.workingDayOfRank(index, index.rank[date - index.first + 1]! + n);
  }

  /** The working day whose rank in `index`'s year is `target` (1 = first); ranks spill into adjacent years. */
  private workingDayOfRank(index: YearIndex, target: number): LocalDate {
    while (target > index.count) {
      target -= index.count;
      index = this.indexForYear(index.year + 1);
    }
    while (target < 1) {
      index = this.indexForYear(index.year - 1);
      target += index.count;
    }
    return index.workingDays[target - 1]! as LocalDate;
  }

  /**
   * Working days d with `from < d <= to` (negative when `to` is before `from`). The inverse of
   * `addWorkingDays`: `countWorkingDays(a, addWorkingDays(a, n)) === n`.
   */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    if (from === to) return 0;
    if (to < from) return -this.countWorkingDays(to, from);
    let index = this.indexFor(from);
    let count = -index.rank[from - index.first + 1]!;
    while (to >= index.end) {
      count += index.count;
      index = this.indexForYear(index.year + 1);
    }
    return count + index.rank[to - index.first + 1]!;
  }

  workingDayOnOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  workingDayOnOrBefore(date: LocalDate): LocalDate {
    if (this.isWorkingDay(date)) return date;
    // A non-working day has the rank of the last working day before it.
    const index = this.indexFor(date);
    return this.workingDayOfRank(index, index.rank[date - index.first + 1]!);
  }

  /** Official days off with `first <= date <= last`, in date order. */
  daysOffIn(first: LocalDate, last: LocalDate): ResolvedDayOff[] {
    return this.entriesIn(first, last, (index) => index.schedule.daysOff).filter((d) => !(this.ignoresProvisional && d.provisional));
  }

  /** Make-up working Saturdays with `first <= date <= last`, in date order. */
  makeUpDaysIn(first: LocalDate, last: LocalDate): ResolvedMakeUpDay[] {
    return this.entriesIn(first, last, (index) => index.schedule.makeUpDays);
  }

  /** Is there a provisional day off or make-up day (as this view sees them) with `first <= date <= last`? */
  hasProvisionalIn(first: LocalDate, last: LocalDate): boolean {
    return this.yearsIn(first, last).some((index) => index.provisionalDates.some((date) => date >= first && date <= last));
  }

  /** Provisional days off and make-up days (as this view sees them) with `first <= date <= last`. */
  provisionalDaysIn(first: LocalDate, last: LocalDate): (ResolvedDayOff | ResolvedMakeUpDay)[] {
    return [...this.daysOffIn(first, last), ...this.makeUpDaysIn(first, last)]
      .filter((d) => d.provisional)
      .sort((a, b) => a.date - b.date);
  }

  /** Years in [first, last] whose schedule is not official (provisional data or derived). */
  unofficialYearsIn(first: LocalDate, last: LocalDate): YearInfo[] {
    return this.yearsIn(first, last)
      .map((index) => index.schedule.info)
      .filter((info) => info.status !== 'official');
  }

  private entriesIn<T extends { date: LocalDate }>(first: LocalDate, last: LocalDate, pick: (index: YearIndex) => readonly T[]): T[] {
    return this.yearsIn(first, last).flatMap((index) => pick(index).filter((entry) => entry.date >= first && entry.date <= last));
  }

  private yearsIn(first: LocalDate, last: LocalDate): YearIndex[] {
    const indexes: YearIndex[] = [];
    if (last < first) return indexes;
    for (let index = this.indexFor(first); ; index = this.indexForYear(index.year + 1)) {
      indexes.push(index);
      if (last < index.end) return indexes;
    }
  }

  private indexFor(date: LocalDate): YearIndex {
    const last = this.last;
    if (last !== undefined && date >= last.first && date < last.end) return last;
    if (!Number.isInteger(date)) throw new RangeError(`not a LocalDate: ${date}`);
    const index = this.indexForYear(yearOf(date));
    this.last = index;
    return index;
  }

  private indexForYear(year: number): YearIndex {
    let index = this.indexes.get(year);
    if (index) return index;
    if (year < this.source.minYear || year > this.source.maxYear) {
      throw new InvalidInputError('date', 'outside_calendar', {
        vi: `lịch ngày làm việc chỉ có từ năm ${this.source.minYear} đến năm ${this.source.maxYear} (năm ${year} nằm ngoài)`,
        en: `the working-day calendar covers ${this.source.minYear}–${this.source.maxYear} only (${year} is outside)`,
      });
    }
    index = buildIndex(this.source.schedule(year), this.ignoresProvisional);
    this.indexes.set(year, index);
    return index;
  }
}
