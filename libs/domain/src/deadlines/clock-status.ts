import { defaultCalendar, localDateAtEpochMs, type LocalDate, type OfficialCalendar } from '../calendar';
import type { PeriodUnit } from '../rules';

/** Monitoring state of an open clock (legal-rules.md §6). */
export type ClockState = 'on_track' | 'due_soon' | 'overdue' | 'very_overdue' | 'paused';

/** What classification needs from a clock; a `DeadlineResult` fits, plus `paused`. */
export interface ClockSnapshot {
  readonly due: LocalDate;
  /** When present (a provisional due date), monitoring uses this earlier date. */
  readonly dueIgnoringProvisional?: LocalDate;
  readonly period: { readonly days: number; readonly unit: PeriodUnit };
  /** The clock is suspended (tạm đình chỉ). */
  readonly paused?: boolean;
}

/** "Now" as a local date, or as a UTC instant (e.g. a workflow's `Date.now()` passed in). */
export type Now = { readonly date: LocalDate } | { readonly epochMs: number };

export interface ClockOptions {
  /** `due_soon` when at most this many working days are left (policy, default 3). */
  readonly dueSoonWorkingDays?: number;
  /**
   * `very_overdue` when the time elapsed since the start exceeds this multiple of the period,
   * i.e. overdue by more than (factor − 1) periods, counted in the period's own unit
   * (policy, default 2).
   */
  readonly veryOverdueFactor?: number;
}

export const DEFAULT_CLOCK_OPTIONS: Required<ClockOptions> = { dueSoonWorkingDays: 3, veryOverdueFactor: 2 };

function today(now: Now): LocalDate {
  return 'date' in now ? now.date : localDateAtEpochMs(now.epochMs);
}

/**
 * Classifies a clock at `now`. The period ends at 24:00 local of the due date, so the due date
 * itself is not overdue. Provisional due dates are monitored on the conservative date
 * (legal-rules.md §1).
 */
export function classifyClock(
  clock: ClockSnapshot,
  now: Now,
  calendar: OfficialCalendar = defaultCalendar(),
  options: ClockOptions = {},
): ClockState {
  if (clock.paused) return 'paused';
  const { dueSoonWorkingDays, veryOverdueFactor } = { ...DEFAULT_CLOCK_OPTIONS, ...options };
  const dueDate = clock.dueIgnoringProvisional ?? clock.due;
  const date = today(now);
  if (date <= dueDate) {
    return calendar.countWorkingDays(date, dueDate) <= dueSoonWorkingDays ? 'due_soon' : 'on_track';
  }
  const overdueBy = clock.period.unit === 'calendar' ? date - dueDate : calendar.countWorkingDays(dueDate, date);
  return overdueBy > (veryOverdueFactor - 1) * clock.period.days ? 'very_overdue' : 'overdue';
}
