import fc from 'fast-check';
import { defaultCalendar } from '../calendar/default-calendar';
import { addDays, isWeekend, parseLocalDate, type LocalDate } from '../calendar/local-date';
import { due } from './calculate-due';
import type { DeadlineFacts, Suspension } from './deadline-facts';

const calendar = defaultCalendar();
const FORWARD_RULES = ['KN-01', 'KN-02', 'KN-03', 'KN-04', 'KN-05', 'KN-07', 'KN-09', 'TC-01', 'TC-02', 'TC-04', 'TCD-01', 'XLD-01', 'PA-01', 'PA-02'] as const;
const SUSPENDABLE_RULES = ['KN-03', 'KN-07', 'TC-04', 'TC-01', 'KN-01'] as const;

const startDate = fc.integer({ min: parseLocalDate('2024-01-01'), max: parseLocalDate('2029-06-30') }).map((n) => n as LocalDate);
const facts = fc.record({ complex: fc.boolean(), remote: fc.boolean(), severalSites: fc.boolean() });

/** A suspension starting `offset` days after `after`, lasting `length` days. */
function suspensionAfter(after: LocalDate, offset: number, length: number): Suspension {
  const from = addDays(after, offset);
  return { from, to: addDays(from, length) };
}

describe('deadline properties', () => {
  it('never puts a due date on a weekend or an official day off', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORWARD_RULES, 'KN-10'), startDate, facts, (rule, start, f) => {
        const result = due(rule, start, f, calendar);
        expect(calendar.isWorkingDay(result.due)).toBe(true);
        // The conservative date is a working day of the calendar without provisional days off.
        expect(calendar.conservative().isWorkingDay(result.dueIgnoringProvisional)).toBe(true);
        if (isWeekend(result.due)) expect(calendar.makeUpDay(result.due)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the conservative date on or before the due date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORWARD_RULES, 'KN-10'), startDate, facts, (rule, start, f) => {
        const result = due(rule, start, f, calendar);
        expect(result.dueIgnoringProvisional).toBeLessThanOrEqual(result.due);
        if (result.dueIgnoringProvisional !== result.due) expect(result.provisional).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never makes a due date earlier by adding a suspension', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUSPENDABLE_RULES),
        startDate,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 3 }),
        (rule, start, gaps) => {
          // Build suspensions one by one, each inside the period as it stands.
          const suspensions: Suspension[] = [];
          let previous = due(rule, start, {}, calendar);
          let after = start;
          for (const [offset, length] of gaps) {
            const candidate = suspensionAfter(after, offset, length);
            if (candidate.from > previous.due) break;
            const next = due(rule, start, { suspensions: [...suspensions, candidate] } satisfies DeadlineFacts, calendar);
            expect(next.due).toBeGreaterThanOrEqual(previous.due);
            expect(next.dueIgnoringProvisional).toBeGreaterThanOrEqual(previous.dueIgnoringProvisional);
            suspensions.push(candidate);
            previous = next;
            after = candidate.to;
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never makes a TC-04 due date earlier by an extension', () => {
    fc.assert(
      fc.property(startDate, (start) => {
        const dates = [0, 1, 2].map((extensions) => due('TC-04', start, { extensions }, calendar).due);
        expect(dates[1]).toBeGreaterThan(dates[0]!);
        expect(dates[2]).toBeGreaterThan(dates[1]!);
      }),
    );
  });

  it('counts a working-day period as exactly that many working days after the start', () => {
    fc.assert(
      fc.property(fc.constantFrom('KN-04', 'TC-01', 'TC-02', 'TCD-01', 'XLD-01', 'PA-01'), startDate, (rule, start) => {
        const result = due(rule, start, {}, calendar);
        expect(calendar.countWorkingDays(start, result.due)).toBe(result.period.days);
      }),
    );
  });

  it('ends a calendar-day period on the first working day on or after start + period', () => {
    fc.assert(
      fc.property(fc.constantFrom('KN-01', 'KN-03', 'KN-05', 'KN-07', 'TC-04', 'TC-08'), startDate, (rule, start) => {
        const result = due(rule, start, {}, calendar);
        const last = addDays(start, result.period.days);
        expect(result.due).toBe(calendar.workingDayOnOrAfter(last));
      }),
    );
  });
});
