import { defaultCalendar, type LocalDate, type OfficialCalendar } from '../calendar';

/** `n` working days after `from` (before it when n < 0); the inverse of `workingDaysBetween`. */
export function addWorkingDays(from: LocalDate, n: number, calendar: OfficialCalendar = defaultCalendar()): LocalDate {
  return calendar.addWorkingDays(from, n);
}

/** Working days d with `from < d <= to` (negative when `to` is before `from`). */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: OfficialCalendar = defaultCalendar()): number {
  return calendar.countWorkingDays(from, to);
}

/**
 * Working days left from `today` up to and including the due date (0 on the due date itself,
 * since the period ends at 24:00 of that day; negative once overdue).
 */
export function remainingWorkingDays(today: LocalDate, dueDate: LocalDate, calendar: OfficialCalendar = defaultCalendar()): number {
  return calendar.countWorkingDays(today, dueDate);
}
