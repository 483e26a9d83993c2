import {
  addDays,
  formatLocalDate,
  formatLocalDateVi,
  type LocalDate,
  type OfficialCalendar,
  type ResolvedDayOff,
  type ResolvedMakeUpDay,
} from '../calendar';
import { findRule, ruleVersionAt, ruleVersionLabel } from '../rules';
import type { DeadlineComputation } from './deadline-computation';
import type { CountResult } from './count-period';
import type { Suspension } from './deadline-facts';
import { ROLL_FORWARD_CITATION, type ExplanationStep, type NamedDay, type NonWorkingDay } from './explanation';

/**
 * The explanation of a computed due date (legal-rules.md §1: rule id, citation, start event
 * and date, unit, days counted, days skipped by name, suspensions, extensions, result).
 */
export function explainDeadline(computation: DeadlineComputation, provisional: boolean): ExplanationStep[] {
  const { period, start, count, calendar, window } = computation;
  const steps = introSteps(computation);
  if (period.direction === 'backward') {
    steps.push({ code: 'count_from', date: formatLocalDate(window.last), direction: 'backward' });
    steps.push(...workingWindowSteps(calendar, window.first, window.last, []));
  } else if (count) {
    steps.push({ code: 'count_from', date: formatLocalDate(addDays(start, 1)), direction: 'forward' });
    steps.push(...suspensionSteps(computation, count));
    steps.push(
      ...(period.unit === 'working'
        ? workingWindowSteps(calendar, window.first, window.last, computation.facts.suspensions ?? [])
        : calendarWindowSteps(calendar, count, computation.facts.suspensions ?? [])),
    );
  }
  const unofficial = calendar.unofficialYearsIn(period.direction === 'backward' ? window.first : start, period.direction === 'backward' ? start : computation.due);
  if (unofficial.length > 0) {
    steps.push({ code: 'unofficial_years', years: unofficial.map((y) => ({ year: y.year, status: y.status === 'derived' ? 'derived' : 'provisional' })) });
  }
  if (provisional) {
    steps.push({
      code: 'provisional',
      days: calendar.provisionalDaysIn(window.first, window.last).map((d) => namedDay(d)),
      conservativeDue: formatLocalDate(computation.conservativeDue),
    });
  }
  steps.push({ code: 'due', date: formatLocalDate(computation.due), direction: period.direction });
  return steps;
}

function introSteps({ rule, version, period, start, facts }: DeadlineComputation): ExplanationStep[] {
  const steps: ExplanationStep[] = [
    {
      code: 'rule',
      ruleId: rule.id,
      title: rule.title,
      citation: version.citation,
      version: ruleVersionLabel(rule, version),
      confidence: version.confidence,
      basis: version.basis,
      ...(version.note ? { note: version.note } : {}),
    },
  ];
  if (version.basis === 'policy' && version.period.kind !== 'none') {
    steps.push({ code: 'policy_not_law', defaultDays: version.period.days, ...(facts.policyDays !== undefined ? { agencyDays: facts.policyDays } : {}) });
  }
  if (version.confidence === 'check') steps.push({ code: 'rule_to_check' });
  steps.push({ code: 'start', event: rule.startEvent, date: formatLocalDate(start) });
  steps.push({ code: 'period', direction: period.direction, days: period.baseDays, unit: period.unit, variant: period.variant });
  if (period.extensions > 0) {
    steps.push({ code: 'extensions', count: period.extensions, daysEach: period.extensionDays, totalDays: period.days, citation: version.citation });
  }
  if (period.ignoredFacts.length > 0) steps.push({ code: 'ignored_facts', facts: period.ignoredFacts });
  return steps;
}

function suspensionSteps({ version, period, calendar, table }: DeadlineComputation, count: CountResult): ExplanationStep[] {
  const governing = version.suspensionRule === undefined ? undefined : findRule(version.suspensionRule, table);
  return count.suspensions.map(({ index, suspension, convention }): ExplanationStep => {
    const governingVersion = governing && ruleVersionAt(governing, suspension.to, table);
    return {
      code: 'suspension',
      index,
      from: formatLocalDate(suspension.from),
      to: formatLocalDate(suspension.to),
      convention,
      ...(governing && governingVersion
        ? { governedBy: { ruleId: governing.id, version: ruleVersionLabel(governing, governingVersion), citation: governingVersion.citation } }
        : {}),
      ...(convention === 'excluded'
        ? period.unit === 'calendar'
          ? { shiftDays: suspension.to - suspension.from }
          : { workingDaysSkipped: calendar.countWorkingDays(suspension.from, suspension.to) }
        : {}),
    };
  });
}

/** Days S+1 … R of a suspension are not counted at all. */
function isSuspended(date: LocalDate, suspensions: readonly Suspension[]): boolean {
  return suspensions.some((s) => date > s.from && date <= s.to);
}

function namedDay(day: ResolvedDayOff | ResolvedMakeUpDay): NamedDay {
  const name = 'name' in day ? day.name : `Làm bù cho ngày ${formatLocalDateVi(day.replaces)}`;
  return { date: formatLocalDate(day.date), name, confidence: day.confidence, provisional: day.provisional };
}

/** Working-day window [first, last]: the days off not counted, the weekend days, the make-up Saturdays counted. */
function workingWindowSteps(calendar: OfficialCalendar, first: LocalDate, last: LocalDate, suspensions: readonly Suspension[]): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  if (last < first) return steps;
  const daysOff = calendar.daysOffIn(first, last);
  if (daysOff.length > 0) steps.push({ code: 'days_off_skipped', days: daysOff.map(namedDay) });
  const nonWorking = last - first + 1 - calendar.countWorkingDays(addDays(first, -1), last);
  const weekendDays = nonWorking - daysOff.length;
  if (weekendDays > 0) steps.push({ code: 'weekend_days_skipped', count: weekendDays });
  const makeUp = calendar.makeUpDaysIn(first, last).filter((d) => !isSuspended(d.date, suspensions));
  if (makeUp.length > 0) steps.push({ code: 'make_up_days_counted', days: makeUp.map(namedDay) });
  return steps;
}

/** Calendar-day window: the days off inside still count; then the roll-forward from the last day. */
function calendarWindowSteps(calendar: OfficialCalendar, count: CountResult, suspensions: readonly Suspension[]): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  const daysOff = calendar.daysOffIn(addDays(count.anchor, 1), addDays(count.lastDay, -1)).filter((d) => !isSuspended(d.date, suspensions));
  if (daysOff.length > 0) steps.push({ code: 'days_off_counted', days: daysOff.map(namedDay) });
  steps.push({ code: 'last_day', date: formatLocalDate(count.lastDay) });
  if (count.due !== count.lastDay) {
    const skipped: NonWorkingDay[] = [];
    for (let date = count.lastDay; date < count.due; date = addDays(date, 1)) {
      const off = calendar.dayOff(date);
      skipped.push({ date: formatLocalDate(date), ...(off ? { dayOff: off.name } : {}), provisional: off?.provisional ?? false });
    }
    steps.push({ code: 'rolled_forward', from: formatLocalDate(count.lastDay), to: formatLocalDate(count.due), skipped, citation: ROLL_FORWARD_CITATION });
  }
  return steps;
}
