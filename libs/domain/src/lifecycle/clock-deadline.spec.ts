import { defaultCalendar, formatLocalDate, parseLocalDate } from '../calendar';
import type { ClockRecord } from './case-machine';
import { clockDeadline, clockMilestones, deadlineFactsFor, type CaseDeadlineFacts } from './clock-deadline';

/*
 * Every expected date below was counted by hand from legal-rules.md §1 and §6 and the 2026/2027
 * schedules in shared/domain/calendar/vn-official-days-off.json, not copied from the code:
 *   2026 weekdays off: 1–2/1, 16–20/2 (Tết), 27/4 (Giỗ Tổ fell on Sun 26/4, compensatory),
 *   30/4, 1/5, 31/8, 1–2/9, 24/11; make-up Saturdays 10/1 and 22/8.
 *   2027 (provisional, confidence low): Tết 4, 5, 8, 9, 10/2 are provisional days off.
 * Milestones are instants: 00:00 local (UTC+7) of their day = 17:00 UTC the day before;
 * `overdue` and `expired` are 24:00 local of the due date = 17:00 UTC that day.
 */

const calendar = defaultCalendar();
const NO_FACTS: CaseDeadlineFacts = { remote: false, severalSites: false };
const ALL_FACTS: CaseDeadlineFacts = { remote: true, severalSites: true };

function clock(rule: ClockRecord['rule'], startDate: string, over: Partial<ClockRecord> = {}): ClockRecord {
  return { name: 'resolution', rule, owner: 'agency', status: 'running', startDate, complex: false, extensions: 0, suspensions: [], ...over };
}

const dueOf = (c: ClockRecord, facts: CaseDeadlineFacts = NO_FACTS) => formatLocalDate(clockDeadline(c, facts, calendar).due);

function milestones(c: ClockRecord, facts: CaseDeadlineFacts = NO_FACTS): [string, string][] {
  return clockMilestones(c, clockDeadline(c, facts, calendar), calendar).map((m) => [m.kind, new Date(m.atMs).toISOString()]);
}

describe('the facts a clock passes to the deadline calculator', () => {
  it('passes complex and remote to a rule with complex, remote and remote+complex variants (KN-03), nothing else', () => {
    expect(deadlineFactsFor(clock('KN-03', '2026-03-10', { complex: true, extensions: 1 }), ALL_FACTS)).toEqual({ complex: true, remote: true });
    expect(deadlineFactsFor(clock('KN-07', '2026-03-10'), NO_FACTS)).toEqual({ complex: false, remote: false });
  });

  it('passes complex only to a rule with a complex variant alone (KD-02B)', () => {
    expect(deadlineFactsFor(clock('KD-02B', '2026-03-10', { complex: true }), ALL_FACTS)).toEqual({ complex: true });
  });

  it('passes remote only to a citizen window with a remote variant (KN-05, KN-09)', () => {
    for (const rule of ['KN-05', 'KN-09'] as const) {
      expect(deadlineFactsFor(clock(rule, '2026-03-10', { complex: true, owner: 'citizen' }), ALL_FACTS)).toEqual({ remote: true });
    }
  });

  it('passes severalSites only to TC-01', () => {
    expect(deadlineFactsFor(clock('TC-01', '2026-03-10', { complex: true }), ALL_FACTS)).toEqual({ severalSites: true });
    for (const rule of ['TC-03', 'TC-04', 'KN-03', 'XLD-01'] as const) {
      expect(deadlineFactsFor(clock(rule, '2026-03-10'), ALL_FACTS)).not.toHaveProperty('severalSites');
    }
  });

  it('passes extensions only to TC-04, and not its complex flag', () => {
    expect(deadlineFactsFor(clock('TC-04', '2026-03-10', { extensions: 2, complex: true }), ALL_FACTS)).toEqual({ extensions: 2 });
    expect(deadlineFactsFor(clock('KN-03', '2026-03-10', { extensions: 1, complex: true }), NO_FACTS)).not.toHaveProperty('extensions');
  });

  it('passes nothing to a rule without variants or extensions', () => {
    for (const rule of ['KN-02', 'KN-04', 'KN-08', 'TC-03', 'TC-05', 'TC-06', 'TC-07', 'TC-08', 'TCD-01', 'TCD-03', 'XLD-01', 'PA-02', 'KD-02A'] as const) {
      expect({ rule, facts: deadlineFactsFor(clock(rule, '2026-03-10', { complex: true, extensions: 1 }), ALL_FACTS) }).toEqual({ rule, facts: {} });
    }
  });

  it('passes only closed suspensions, as local dates; an open one (clock paused) is left out', () => {
    const suspended = clock('KN-03', '2026-03-10', {
      status: 'paused',
      suspensions: [{ from: '2026-03-12', to: '2026-03-14' }, { from: '2026-03-20' }],
    });
    expect(deadlineFactsFor(suspended, NO_FACTS)).toEqual({
      complex: false,
      remote: false,
      suspensions: [{ from: parseLocalDate('2026-03-12'), to: parseLocalDate('2026-03-14') }],
    });
    expect(deadlineFactsFor(clock('TC-03', '2026-03-10', { suspensions: [{ from: '2026-03-20' }] }), NO_FACTS)).toEqual({});
  });
});

describe('the due date of a clock', () => {
  it('counts KN-03 from the acceptance: 30 days, 45 complex or remote, 60 remote and complex', () => {
    expect(dueOf(clock('KN-03', '2026-03-10'))).toBe('2026-04-09'); // Thu
    expect(dueOf(clock('KN-03', '2026-03-10', { complex: true }))).toBe('2026-04-24'); // Fri
    expect(dueOf(clock('KN-03', '2026-03-10'), { remote: true, severalSites: false })).toBe('2026-04-24');
    // 60 days: Sat 9/5 → Mon 11/5 (BLDS Art. 148(2)).
    expect(dueOf(clock('KN-03', '2026-03-10', { complex: true }), { remote: true, severalSites: false })).toBe('2026-05-11');
  });

  it('lengthens TC-04 by 30 days per extension', () => {
    expect(dueOf(clock('TC-04', '2026-03-10'))).toBe('2026-04-09');
    expect(dueOf(clock('TC-04', '2026-03-10', { extensions: 1 }))).toBe('2026-05-11'); // 60 days: Sat 9/5 → Mon 11/5
    expect(dueOf(clock('TC-04', '2026-03-10', { extensions: 2 }))).toBe('2026-06-08'); // 90 days: Mon 8/6
  });

  it('moves a complaint resolution by the days suspended before 01/07/2026 (KN-11 v1: excluded)', () => {
    // 20/3 → 25/3: 5 days not counted; 9/4 + 5 = Tue 14/4.
    expect(dueOf(clock('KN-03', '2026-03-10', { suspensions: [{ from: '2026-03-20', to: '2026-03-25' }] }))).toBe('2026-04-14');
  });

  it('counts a complaint resolution afresh from a resume decision on or after 01/07/2026 (KN-11 v2: restart)', () => {
    // Resumed Thu 2/7: 30 days → Sat 1/8 → Mon 3/8.
    expect(dueOf(clock('KN-03', '2026-06-10', { suspensions: [{ from: '2026-06-20', to: '2026-07-02' }] }))).toBe('2026-08-03');
  });

  it('excludes the suspended days of a denunciation (TC-05)', () => {
    // 9/4 + 10 = Sun 19/4 → Mon 20/4.
    expect(dueOf(clock('TC-04', '2026-03-10', { suspensions: [{ from: '2026-03-20', to: '2026-03-30' }] }))).toBe('2026-04-20');
  });

  it('ignores a suspension still open (the clock is paused; the projection shows it paused)', () => {
    expect(dueOf(clock('KN-03', '2026-03-10', { status: 'paused', suspensions: [{ from: '2026-03-20' }] }))).toBe('2026-04-09');
  });

  it('uses the rule version in force on the start date (KN-02: 10 working days to 30/6/2026, 7 from 1/7/2026)', () => {
    const before = clockDeadline(clock('KN-02', '2026-06-30'), NO_FACTS, calendar);
    expect([before.ruleVersion, formatLocalDate(before.due)]).toEqual([2, '2026-07-14']);
    const after = clockDeadline(clock('KN-02', '2026-07-01'), NO_FACTS, calendar);
    expect([after.ruleVersion, formatLocalDate(after.due)]).toEqual([3, '2026-07-10']);
  });

  it('gives TC-01 10 working days when verification is needed at several places', () => {
    // From Thu 23/4/2026, skipping 27/4, 30/4, 1/5: 7 → Thu 7/5; 10 → Tue 12/5.
    expect(dueOf(clock('TC-01', '2026-04-23'))).toBe('2026-05-07');
    expect(dueOf(clock('TC-01', '2026-04-23'), { remote: false, severalSites: true })).toBe('2026-05-12');
  });
});

describe('monitoring milestones of a running agency clock', () => {
  it('follows legal-rules.md §6 for a KN-03 clock accepted 10/3/2026 (due Thu 9/4/2026)', () => {
    expect(milestones(clock('KN-03', '2026-03-10'))).toEqual([
      ['due_soon', '2026-04-05T17:00:00.000Z'], // Mon 6/4: 7, 8, 9/4 left = 3 working days
      ['due_today', '2026-04-08T17:00:00.000Z'], // 00:00 of Thu 9/4
      ['overdue', '2026-04-09T17:00:00.000Z'], // 24:00 of Thu 9/4
      ['escalated_inspectorate', '2026-04-15T17:00:00.000Z'], // 9/4 + 5 working days = Thu 16/4
      ['escalated_superior', '2026-04-22T17:00:00.000Z'], // 16/4 + 5 working days = Thu 23/4
      ['very_overdue', '2026-05-09T17:00:00.000Z'], // overdue by more than 30 days: Sun 10/5
    ]);
  });

  it('skips the 2026 days off (27/4, 30/4, 1/5) on the escalation ladder', () => {
    // KN-03 accepted 24/3/2026: due Thu 23/4.
    expect(milestones(clock('KN-03', '2026-03-24'))).toEqual([
      ['due_soon', '2026-04-19T17:00:00.000Z'], // Mon 20/4: 21, 22, 23/4
      ['due_today', '2026-04-22T17:00:00.000Z'],
      ['overdue', '2026-04-23T17:00:00.000Z'],
      ['escalated_inspectorate', '2026-05-04T17:00:00.000Z'], // 24/4, 28/4, 29/4, 4/5, 5/5 → Tue 5/5
      ['escalated_superior', '2026-05-11T17:00:00.000Z'], // 6, 7, 8, 11, 12/5 → Tue 12/5
      ['very_overdue', '2026-05-23T17:00:00.000Z'], // 23/4 + 31 days = Sun 24/5
    ]);
  });

  it('counts from the rolled-forward due date, and starts due-soon earlier across days off', () => {
    // KN-03 accepted 31/3/2026: day 30 is 30/4 (off) → 1/5 (off) → weekend → due Mon 4/5.
    expect(milestones(clock('KN-03', '2026-03-31'))).toEqual([
      ['due_soon', '2026-04-23T17:00:00.000Z'], // Fri 24/4: only 28/4, 29/4, 4/5 left
      ['due_today', '2026-05-03T17:00:00.000Z'],
      ['overdue', '2026-05-04T17:00:00.000Z'],
      ['escalated_inspectorate', '2026-05-10T17:00:00.000Z'], // 5, 6, 7, 8, 11/5 → Mon 11/5
      ['escalated_superior', '2026-05-17T17:00:00.000Z'], // 12, 13, 14, 15, 18/5 → Mon 18/5
      ['very_overdue', '2026-06-03T17:00:00.000Z'], // 4/5 + 31 days = Thu 4/6
    ]);
  });

  it('measures a working-day clock in working days and sorts the milestones in time order', () => {
    // TC-03 from Thu 23/4/2026: 24/4, 28/4, 29/4, 4/5, 5/5 → due Tue 5/5.
    expect(milestones(clock('TC-03', '2026-04-23', { name: 'acceptance_notice' }))).toEqual([
      ['due_soon', '2026-04-27T17:00:00.000Z'], // Tue 28/4: 29/4, 4/5, 5/5
      ['due_today', '2026-05-04T17:00:00.000Z'],
      ['overdue', '2026-05-05T17:00:00.000Z'],
      ['escalated_inspectorate', '2026-05-11T17:00:00.000Z'], // 6, 7, 8, 11, 12/5 → Tue 12/5
      ['very_overdue', '2026-05-12T17:00:00.000Z'], // overdue by 6 > 5 working days on Wed 13/5
      ['escalated_superior', '2026-05-18T17:00:00.000Z'], // 13, 14, 15, 18, 19/5 → Tue 19/5
    ]);
  });

  it('is due soon from its first day when the whole period is 3 working days or fewer (KN-04)', () => {
    // Decision Thu 9/4/2026: 10, 13, 14/4 → due Tue 14/4.
    expect(milestones(clock('KN-04', '2026-04-09', { name: 'send_decision' }))).toEqual([
      ['due_soon', '2026-04-08T17:00:00.000Z'], // 00:00 of Thu 9/4 itself
      ['due_today', '2026-04-13T17:00:00.000Z'],
      ['overdue', '2026-04-14T17:00:00.000Z'],
      ['very_overdue', '2026-04-19T17:00:00.000Z'], // 15, 16, 17, 20/4: 4 > 3 working days on Mon 20/4
      ['escalated_inspectorate', '2026-04-20T17:00:00.000Z'], // 15, 16, 17, 20, 21/4 → Tue 21/4
      ['escalated_superior', '2026-04-28T17:00:00.000Z'], // 22, 23, 24, 28, 29/4 (27/4 off) → Wed 29/4
    ]);
  });

  it('monitors on the earlier due date while 2027 days off are provisional', () => {
    // TCD-01 from Mon 1/2/2027, 10 working days. Without the provisional Tết days: Mon 15/2;
    // with them (4, 5, 8, 9, 10/2 off): Mon 22/2.
    const reply = clock('TCD-01', '2027-02-01', { name: 'reply' });
    const deadline = clockDeadline(reply, NO_FACTS, calendar);
    expect([formatLocalDate(deadline.due), formatLocalDate(deadline.dueIgnoringProvisional), deadline.provisional]).toEqual(['2027-02-22', '2027-02-15', true]);
    expect(milestones(reply)).toEqual([
      ['due_soon', '2027-02-02T17:00:00.000Z'], // Wed 3/2: 11, 12, 15/2 left (4–10/2 off)
      ['due_today', '2027-02-14T17:00:00.000Z'],
      ['overdue', '2027-02-15T17:00:00.000Z'],
      ['escalated_inspectorate', '2027-02-21T17:00:00.000Z'], // 16, 17, 18, 19, 22/2 → Mon 22/2
      ['escalated_superior', '2027-02-28T17:00:00.000Z'], // 23, 24, 25, 26/2, 1/3 → Mon 1/3
      ['very_overdue', '2027-03-01T17:00:00.000Z'], // 11 > 10 working days on Tue 2/3
    ]);
  });
});

describe('milestones of a citizen window and of a backward period', () => {
  it('only records the expiry of the KN-05 appeal window, at 24:00 of its last day', () => {
    // Sent Tue 31/3/2026: day 30 is 30/4 (off) → 1/5 (off) → weekend → Mon 4/5.
    const appeal = clock('KN-05', '2026-03-31', { name: 'appeal_window', owner: 'citizen' });
    expect(milestones(appeal)).toEqual([['expired', '2026-05-04T17:00:00.000Z']]);
    // Remote: 45 days → Fri 15/5.
    expect(milestones(appeal, { remote: true, severalSites: false })).toEqual([['expired', '2026-05-15T17:00:00.000Z']]);
  });

  it('only records the expiry of the KN-09 finality window', () => {
    // Sent Tue 14/4/2026: 30 days → Thu 14/5.
    expect(milestones(clock('KN-09', '2026-04-14', { name: 'finality', owner: 'citizen' }))).toEqual([['expired', '2026-05-14T17:00:00.000Z']]);
  });

  it('has no milestones for a backward period (KN-10, a latest day to notify, not a duty that runs)', () => {
    expect(milestones(clock('KN-10', '2026-04-20'))).toEqual([]);
  });
});
