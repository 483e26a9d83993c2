import { parseLocalDate } from '../calendar/local-date';
import { endOfLocalDayEpochMs } from '../calendar/time-zone';
import { due } from './calculate-due';
import { classifyClock } from './clock-status';
import { addWorkingDays, remainingWorkingDays, workingDaysBetween } from './working-days';

const d = parseLocalDate;

describe('clock monitoring', () => {
  // KN-03 accepted 10/3/2026: due Thu 9/4/2026 (30 calendar days).
  const clock = due('KN-03', d('2026-03-10'));

  it('is on track with more than 3 working days left', () => {
    expect(classifyClock(clock, { date: d('2026-04-03') })).toBe('on_track');
  });

  it('is due soon with 3 working days or fewer left, the due date included', () => {
    expect(remainingWorkingDays(d('2026-04-06'), clock.due)).toBe(3);
    expect(classifyClock(clock, { date: d('2026-04-06') })).toBe('due_soon');
    expect(classifyClock(clock, { date: d('2026-04-09') })).toBe('due_soon');
    expect(classifyClock(clock, { date: d('2026-04-06') }, undefined, { dueSoonWorkingDays: 2 })).toBe('on_track');
  });

  it('is overdue from 24:00 of the due date, local time', () => {
    expect(classifyClock(clock, { epochMs: endOfLocalDayEpochMs(clock.due) - 1 })).toBe('due_soon');
    expect(classifyClock(clock, { epochMs: endOfLocalDayEpochMs(clock.due) })).toBe('overdue');
    expect(classifyClock(clock, { date: d('2026-04-10') })).toBe('overdue');
  });

  it('is very overdue when overdue by more than the period again (2× by default)', () => {
    expect(classifyClock(clock, { date: d('2026-05-09') })).toBe('overdue');
    expect(classifyClock(clock, { date: d('2026-05-10') })).toBe('very_overdue');
    expect(classifyClock(clock, { date: d('2026-04-20') }, undefined, { veryOverdueFactor: 1.25 })).toBe('very_overdue');
  });

  it('measures working-day periods in working days', () => {
    // TCD-01 from 23/4/2026: due 12/5; 10 more working days → 26/5.
    const reply = due('TCD-01', d('2026-04-23'));
    expect(classifyClock(reply, { date: d('2026-05-26') })).toBe('overdue');
    expect(classifyClock(reply, { date: d('2026-05-27') })).toBe('very_overdue');
  });

  it('is paused while suspended', () => {
    expect(classifyClock({ ...clock, paused: true }, { date: d('2026-06-01') })).toBe('paused');
  });

  it('watches a provisional due date on the conservative date', () => {
    const provisional = due('TC-01', d('2027-02-01')); // due 17/2/2027, conservative 10/2/2027
    expect(classifyClock(provisional, { date: d('2027-02-11') })).toBe('overdue');
  });

  it('adds and measures working days as inverse operations', () => {
    const from = d('2026-02-10');
    const to = addWorkingDays(from, 10);
    expect(to).toBe(d('2026-03-03'));
    expect(workingDaysBetween(from, to)).toBe(10);
    expect(remainingWorkingDays(d('2026-03-05'), to)).toBe(-2);
  });
});
