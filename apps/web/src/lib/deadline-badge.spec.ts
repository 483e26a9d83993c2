import { parseLocalDate } from '@donthu/domain';
import { clockBadge, deadlineBadge } from './deadline-badge';

// Thứ Hai 07/12/2026 … Thứ Sáu 11/12/2026, then a weekend: no public holiday in that fortnight.
const MONDAY = parseLocalDate('2026-12-07');

describe('deadlineBadge (inbox badge, legal-rules.md §6 thresholds)', () => {
  it('is due soon with 3 working days left, on track with 4', () => {
    expect(deadlineBadge('2026-12-10', false, MONDAY)).toEqual({ state: 'due_soon', workingDays: 3 });
    expect(deadlineBadge('2026-12-11', false, MONDAY)).toEqual({ state: 'on_track', workingDays: 4 });
  });

  it('is due soon, not overdue, on the due date itself (the period ends at 24:00)', () => {
    expect(deadlineBadge('2026-12-07', false, MONDAY)).toEqual({ state: 'due_soon', workingDays: 0 });
  });

  it('skips the weekend when counting what is left', () => {
    // Friday 04/12 → Monday 07/12: one working day (Monday) after Friday.
    expect(deadlineBadge('2026-12-07', false, parseLocalDate('2026-12-04'))).toEqual({ state: 'due_soon', workingDays: 1 });
  });

  it('is overdue the day after, counting working days late', () => {
    expect(deadlineBadge('2026-12-04', false, MONDAY)).toEqual({ state: 'overdue', workingDays: 1 });
  });

  it('trusts the server’s overdue flag even when the nearest running deadline is later', () => {
    expect(deadlineBadge('2026-12-31', true, MONDAY).state).toBe('overdue');
    expect(deadlineBadge(null, true, MONDAY)).toEqual({ state: 'overdue', workingDays: null });
    expect(deadlineBadge(null, false, MONDAY)).toEqual({ state: 'none', workingDays: null });
  });

  it('maps the clocks’ monitoring states', () => {
    expect(['on_track', 'due_soon', 'overdue', 'very_overdue', 'paused', 'stopped'].map(clockBadge)).toEqual(['on_track', 'due_soon', 'overdue', 'overdue', 'none', 'none']);
  });
});
