import { DEFAULT_CLOCK_OPTIONS, defaultCalendar, parseLocalDate, remainingWorkingDays, type LocalDate } from '@donthu/domain';

export type BadgeState = 'overdue' | 'due_soon' | 'on_track' | 'none';

export interface DeadlineBadgeInfo {
  state: BadgeState;
  /** Working days left (≥ 0) or late (> 0 when overdue); null without a deadline. */
  workingDays: number | null;
}

/**
 * The inbox badge of a case: its nearest running deadline (`nextDueOn`) against today, the same
 * thresholds as the monitoring (legal-rules.md §6: due soon = at most 3 working days left, the
 * due date itself not yet overdue). The server's `overdue` flag wins: it is what the workflow recorded.
 */
export function deadlineBadge(nextDueOn: string | null, overdue: boolean, today: LocalDate): DeadlineBadgeInfo {
  if (!nextDueOn) return { state: overdue ? 'overdue' : 'none', workingDays: null };
  const due = parseLocalDate(nextDueOn);
  const left = remainingWorkingDays(today, due, defaultCalendar());
  if (overdue || today > due) return { state: 'overdue', workingDays: Math.max(0, -left) };
  return { state: left <= DEFAULT_CLOCK_OPTIONS.dueSoonWorkingDays ? 'due_soon' : 'on_track', workingDays: left };
}

/** A clock's monitoring state from the api (on_track, due_soon, overdue, very_overdue, paused, stopped) as a badge. */
export function clockBadge(monitoringState: string): BadgeState {
  if (monitoringState === 'overdue' || monitoringState === 'very_overdue') return 'overdue';
  if (monitoringState === 'due_soon') return 'due_soon';
  if (monitoringState === 'on_track') return 'on_track';
  return 'none';
}
