import { addDays, endOfLocalDayEpochMs, parseLocalDate, type LocalDate, type OfficialCalendar } from '../calendar';
import { escalationLadder } from '../competence/escalation';
import { classifyClock, due, type DeadlineFacts, type DeadlineResult } from '../deadlines';
import { findRule, ruleVersionAt } from '../rules';
import type { ClockRecord } from './case-machine';

/** Case properties that lengthen periods (set at intake). */
export interface CaseDeadlineFacts {
  readonly remote: boolean;
  readonly severalSites: boolean;
}

export const CLOCK_MILESTONES = ['due_soon', 'due_today', 'overdue', 'escalated_inspectorate', 'escalated_superior', 'very_overdue', 'expired'] as const;
export type ClockMilestoneKind = (typeof CLOCK_MILESTONES)[number];

export interface ClockMilestone {
  readonly kind: ClockMilestoneKind;
  /** Epoch ms (UTC) when it is reached: 00:00 local of its day, or 24:00 of the due date for `overdue`/`expired`. */
  readonly atMs: number;
}

/** A clock's computed deadline as the workflow keeps it (plain data: it travels in Temporal payloads). */
export interface ClockDeadline {
  readonly due: string;
  /** The earlier due date when provisional days off were counted (reminders use it). */
  readonly dueIgnoringProvisional: string;
  readonly provisional: boolean;
  readonly ruleVersion: number;
  /** Upcoming milestones in time order (none for a paused or stopped clock). */
  readonly milestones: readonly ClockMilestone[];
}

/** The facts the calculator needs for this clock: only the ones its rule has a use for. */
export function deadlineFactsFor(clock: ClockRecord, facts: CaseDeadlineFacts): DeadlineFacts {
  const version = ruleVersionAt(clock.rule, parseLocalDate(clock.startDate, 'startDate'));
  const period = version.period;
  const variants = period.kind === 'forward' ? (period.variants ?? {}) : {};
  const suspensions = clock.suspensions
    .filter((s): s is { from: string; to: string } => s.to !== undefined)
    .map((s) => ({ from: parseLocalDate(s.from, 'suspensions.from'), to: parseLocalDate(s.to, 'suspensions.to') }));
  return {
    ...(variants.complex !== undefined || variants.remoteComplex !== undefined ? { complex: clock.complex } : {}),
    ...(variants.remote !== undefined || variants.remoteComplex !== undefined ? { remote: facts.remote } : {}),
    ...(variants.severalSites !== undefined ? { severalSites: facts.severalSites } : {}),
    ...(period.kind === 'forward' && period.extension ? { extensions: clock.extensions } : {}),
    ...(suspensions.length > 0 ? { suspensions } : {}),
  };
}

/** The due date of a clock, with its explanation (legal-rules.md §1). */
export function clockDeadline(clock: ClockRecord, facts: CaseDeadlineFacts, calendar: OfficialCalendar): DeadlineResult {
  return due(clock.rule, parseLocalDate(clock.startDate, 'startDate'), deadlineFactsFor(clock, facts), calendar);
}

const startOfDay = (date: LocalDate) => endOfLocalDayEpochMs(addDays(date, -1));

/**
 * When a running clock reaches each monitoring milestone (legal-rules.md §6), on the
 * conservative due date: due soon (≤ 3 working days left), the due date itself (ladder step 1:
 * reminder to officer and head), overdue (after 24:00 of the due date), the same-level
 * inspectorate (step 2), the superior (step 3), very overdue. A citizen's window only expires.
 */
export function clockMilestones(clock: ClockRecord, deadline: DeadlineResult, calendar: OfficialCalendar): ClockMilestone[] {
  const dueDate = deadline.dueIgnoringProvisional;
  if (clock.owner === 'citizen') return [{ kind: 'expired', atMs: endOfLocalDayEpochMs(dueDate) }];
  if (deadline.period.direction === 'backward') return [];

  const snapshot = { due: deadline.due, dueIgnoringProvisional: dueDate, period: { days: deadline.period.days, unit: deadline.period.unit } };
  const state = (date: LocalDate) => classifyClock(snapshot, { date }, calendar);

  let dueSoonDay = dueDate;
  for (let day = dueDate; day > deadline.start && state(addDays(day, -1)) === 'due_soon'; day = addDays(day, -1)) dueSoonDay = addDays(day, -1);

  let veryOverdueDay = addDays(dueDate, 1);
  while (state(veryOverdueDay) !== 'very_overdue') veryOverdueDay = addDays(veryOverdueDay, 1);

  const area = findRule(clock.rule).area;
  const ladder = escalationLadder(dueDate, area === 'denunciation' ? 'denunciation' : area === 'complaint' || area === 'disciplinary_complaint' ? 'complaint' : 'other', calendar);
  const milestones: ClockMilestone[] = [
    { kind: 'due_soon', atMs: startOfDay(dueSoonDay) },
    { kind: 'due_today', atMs: startOfDay(dueDate) },
    { kind: 'overdue', atMs: endOfLocalDayEpochMs(dueDate) },
    { kind: 'escalated_inspectorate', atMs: startOfDay(ladder[1]!.date) },
    { kind: 'escalated_superior', atMs: startOfDay(ladder[2]!.date) },
    { kind: 'very_overdue', atMs: startOfDay(veryOverdueDay) },
  ];
  return milestones.sort((a, b) => a.atMs - b.atMs);
}
