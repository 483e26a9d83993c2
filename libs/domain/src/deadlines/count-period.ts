import { InvalidInputError } from '../calendar/invalid-input-error';
import { addDays, formatLocalDate, maxLocalDate, type LocalDate } from '../calendar/local-date';
import type { OfficialCalendar } from '../calendar/official-calendar';
import type { SuspensionConvention } from '../rules/rule-types';
import type { Suspension } from './deadline-facts';
import type { ResolvedPeriod } from './period-resolution';

/**
 * Counting conventions of legal-rules.md §1 (BLDS 2015 Art. 147–148): the start day is not
 * counted; a calendar-day period whose last day is a weekend or day off ends at the next
 * working day (Art. 148(5)); a working-day period counts working days only. A suspension
 * {from: S, to: R} either excludes days S+1 … R ('excluded') or restarts the whole period
 * from R ('restart').
 */

export interface CountedSuspension {
  readonly index: number;
  readonly suspension: Suspension;
  readonly convention: SuspensionConvention;
}

export interface CountResult {
  readonly due: LocalDate;
  /** Day after which counting runs: the start, or the resume date of the last restart. */
  readonly anchor: LocalDate;
  /** Calendar-day periods: the last day before the roll-forward to a working day. */
  readonly lastDay: LocalDate;
  readonly suspensions: readonly CountedSuspension[];
}

export interface CountRequest {
  readonly period: ResolvedPeriod;
  readonly start: LocalDate;
  readonly suspensions: readonly Suspension[];
  /** Convention of each suspension, from the rule in force on its resume date (same order). */
  readonly conventions: readonly SuspensionConvention[];
  readonly calendar: OfficialCalendar;
  /**
   * strict: a suspension decided after the period ended is an input error. lenient: counting
   * stops there — used for the conservative view, in which the period may end earlier.
   */
  readonly mode: 'strict' | 'lenient';
}

function suspendedAfterEnd(index: number, from: LocalDate, dueSoFar: LocalDate): InvalidInputError {
  return new InvalidInputError(`facts.suspensions[${index}].from`, 'after_period_end', {
    vi: `quyết định tạm đình chỉ ngày ${formatLocalDate(from)} sau khi thời hạn đã hết (${formatLocalDate(dueSoFar)})`,
    en: `the suspension on ${formatLocalDate(from)} comes after the period ended (${formatLocalDate(dueSoFar)})`,
  });
}

export function countForward(request: CountRequest): CountResult {
  return request.period.unit === 'calendar' ? countCalendarDays(request) : countWorkingDays(request);
}

function countCalendarDays({ period, start, suspensions, conventions, calendar, mode }: CountRequest): CountResult {
  let anchor = start;
  let lastDay = addDays(start, period.days);
  const counted: CountedSuspension[] = [];
  for (let index = 0; index < suspensions.length; index++) {
    const suspension = suspensions[index]!;
    const dueSoFar = calendar.workingDayOnOrAfter(lastDay);
    if (suspension.from > dueSoFar) {
      if (mode === 'strict') throw suspendedAfterEnd(index, suspension.from, dueSoFar);
      break;
    }
    const convention = conventions[index] ?? 'excluded';
    if (convention === 'restart') {
      anchor = suspension.to;
      lastDay = addDays(suspension.to, period.days);
    } else {
      // Days S+1 … R not counted: the end moves by R − S. A suspension decided on or after the
      // last day (before the roll-forward ran out) leaves nothing to count after R.
      lastDay = maxLocalDate(addDays(lastDay, suspension.to - suspension.from), suspension.to);
    }
    counted.push({ index, suspension, convention });
  }
  return { due: calendar.workingDayOnOrAfter(lastDay), anchor, lastDay, suspensions: counted };
}

function countWorkingDays({ period, start, suspensions, conventions, calendar, mode }: CountRequest): CountResult {
  let anchor = start;
  let position = start;
  let remaining = period.days;
  const counted: CountedSuspension[] = [];
  for (let index = 0; index < suspensions.length; index++) {
    const suspension = suspensions[index]!;
    const dueSoFar = endOfWorkingCount(calendar, position, remaining);
    if (suspension.from > dueSoFar) {
      if (mode === 'strict') throw suspendedAfterEnd(index, suspension.from, dueSoFar);
      break;
    }
    if ((conventions[index] ?? 'excluded') === 'restart') {
      anchor = suspension.to;
      remaining = period.days;
    } else {
      // Working days up to S count; those in S+1 … R do not.
      remaining -= calendar.countWorkingDays(position, suspension.from);
    }
    position = suspension.to;
    counted.push({ index, suspension, convention: conventions[index] ?? 'excluded' });
  }
  const due = endOfWorkingCount(calendar, position, remaining);
  return { due, anchor, lastDay: due, suspensions: counted };
}

/** The day `remaining` working days after `position`; with none left, the first working day from `position`. */
function endOfWorkingCount(calendar: OfficialCalendar, position: LocalDate, remaining: number): LocalDate {
  return remaining > 0 ? calendar.addWorkingDays(position, remaining) : calendar.workingDayOnOrAfter(position);
}

/**
 * "At least N working days before" the event (KN-10): the event's own day is not counted, so
 * the latest allowed day is the N-th working day before it — the days from it up to the eve of
 * the event hold N working days.
 */
export function countBackward(period: ResolvedPeriod, event: LocalDate, calendar: OfficialCalendar): LocalDate {
  return calendar.addWorkingDays(calendar.workingDayOnOrBefore(addDays(event, -1)), -(period.days - 1));
}
