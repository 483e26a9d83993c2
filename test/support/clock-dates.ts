import { addDays, classifyClock, defaultCalendar, due, formatLocalDate, parseLocalDate, type ClockState, type RuleId } from '@donthu/domain';
import { todayInVietnam } from '../../apps/api/src/common/local-date';

/**
 * The latest start date (today or before) that puts a clock of `rule` in `state` today, by the
 * domain's own calculator and classifier (legal-rules.md §6). Used to register cases "received
 * long ago" whose clocks are due soon or overdue now.
 */
export function receivedOnFor(rule: RuleId, state: Exclude<ClockState, 'paused'>, today = todayInVietnam()): string {
  const calendar = defaultCalendar();
  for (let back = 0; back <= 1500; back++) {
    const start = addDays(parseLocalDate(today), -back);
    const d = due(rule, start, {}, calendar);
    const snapshot = { due: d.due, dueIgnoringProvisional: d.dueIgnoringProvisional, period: { days: d.period.days, unit: d.period.unit } };
    if (classifyClock(snapshot, { date: parseLocalDate(today) }, calendar) === state) return formatLocalDate(start);
  }
  throw new Error(`no start date puts ${rule} in ${state} today`);
}
