// Hot path: import the defining files directly rather than through folder indexes (each
// re-export layer is a getter call in CommonJS output).
import { defaultCalendar } from '../calendar/default-calendar';
import { InvalidInputError } from '../calendar/invalid-input-error';
import { addDays, formatLocalDate, minLocalDate, type IsoDate, type LocalDate } from '../calendar/local-date';
import type { OfficialCalendar } from '../calendar/official-calendar';
import { LEGAL_RULES } from '../rules/legal-rules';
import { findRule, ruleVersionAt, ruleVersionLabel } from '../rules/rule-lookup';
import type { LegalRule, RuleBasis, RuleConfidence, RuleId, RuleVersion, SuspensionConvention } from '../rules/rule-types';
import { countBackward, countForward, type CountRequest } from './count-period';
import type { DeadlineFacts, Suspension } from './deadline-facts';
import type { DeadlineComputation } from './deadline-computation';
import { explainDeadline } from './explain-deadline';
import type { ExplanationStep } from './explanation';
import { resolvePeriod, type ResolvedPeriod } from './period-resolution';

export interface DeadlineResult {
  readonly ruleId: RuleId;
  /** Number of the rule version applied (the one in force on the start date). */
  readonly ruleVersion: number;
  /** e.g. `KN-02 v3 (2026-07-01 – …)`. */
  readonly ruleVersionLabel: string;
  readonly citation: string;
  readonly basis: RuleBasis;
  readonly confidence: RuleConfidence;
  readonly start: LocalDate;
  readonly period: ResolvedPeriod;
  /** Last day of the period (it ends at 24:00 local, `endOfLocalDayEpochMs`), counting every day off in the calendar. */
  readonly due: LocalDate;
  /**
   * The conservative date, earlier than or equal to `due`: computed as if no provisional day
   * off existed (for the backward KN-10, `due` itself is already the earlier one). Reminders
   * and overdue checks use it until the official schedule is loaded (legal-rules.md §1).
   */
  readonly dueIgnoringProvisional: LocalDate;
  /** True when a provisional day off or make-up day lies where it affects the result. */
  readonly provisional: boolean;
  /** Version of the schedule data used, so a calendar change can trigger a recomputation. */
  readonly calendarVersion: string;
  /** Built on first access (rule, citation, start, unit, days skipped by name, suspensions, roll-forward…). */
  readonly explanation: readonly ExplanationStep[];
}

export interface DueOptions {
  /** A corrected rule table; defaults to LEGAL_RULES. */
  readonly rules?: readonly LegalRule[];
}

/** The result; the explanation, the costly part, is built once on first access. */
class ComputedDeadline implements DeadlineResult {
  readonly ruleId: RuleId;
  readonly ruleVersion: number;
  readonly citation: string;
  readonly basis: RuleBasis;
  readonly confidence: RuleConfidence;
  readonly start: LocalDate;
  readonly period: ResolvedPeriod;
  readonly due: LocalDate;
  readonly dueIgnoringProvisional: LocalDate;
  readonly provisional: boolean;
  readonly calendarVersion: string;
  private explanationCache: readonly ExplanationStep[] | undefined;

  constructor(
    private readonly computation: DeadlineComputation,
    provisional: boolean,
  ) {
    this.ruleId = computation.rule.id;
    this.ruleVersion = computation.version.version;
    this.citation = computation.version.citation;
    this.basis = computation.version.basis;
    this.confidence = computation.version.confidence;
    this.start = computation.start;
    this.period = computation.period;
    this.due = computation.due;
    this.dueIgnoringProvisional = computation.conservativeDue;
    this.provisional = provisional;
    this.calendarVersion = computation.calendar.version;
  }

  get ruleVersionLabel(): string {
    return ruleVersionLabel(this.computation.rule, this.computation.version);
  }

  get explanation(): readonly ExplanationStep[] {
    this.explanationCache ??= explainDeadline(this.computation, this.provisional);
    return this.explanationCache;
  }

  toJSON(): DeadlineJSON {
    return deadlineToJSON(this);
  }
}

/**
 * The due date of `rule` for a clock started by an event on `start`, with its explanation.
 * Conventions: legal-rules.md §1 and BLDS 2015 Art. 147–148 (see count-period.ts); the rule
 * version is the one in force on `start`. Throws `InvalidInputError` naming the field for
 * input the rule cannot apply to (unknown rule, no version in force, extensions the rule does
 * not allow, suspensions out of order, overlapping or outside the period…).
 */
export function due(
  rule: string | LegalRule,
  start: LocalDate,
  facts: DeadlineFacts = {},
  calendar: OfficialCalendar = defaultCalendar(),
  options: DueOptions = {},
): DeadlineResult {
  const table = options.rules ?? LEGAL_RULES;
  const legalRule = typeof rule === 'string' ? findRule(rule, table) : rule;
  const version = ruleVersionAt(legalRule, start, table);
  const period = resolvePeriod(legalRule, version, facts);

  if (period.direction === 'backward') {
    const latest = countBackward(period, start, calendar);
    const window = { first: latest, last: addDays(start, -1) };
    // Counting a provisional day off moves the latest day earlier: `latest` is already the conservative date.
    return new ComputedDeadline(
      { rule: legalRule, version, period, start, facts, calendar, table, count: undefined, due: latest, conservativeDue: latest, window },
      calendar.hasProvisionalIn(window.first, window.last),
    );
  }

  const suspensions = facts.suspensions ?? NO_SUSPENSIONS;
  checkSuspensionOrder(start, suspensions);
  const conventions = suspensions.length === 0 ? NO_CONVENTIONS : suspensions.map((s) => suspensionConvention(version, s.to, table));
  const request: CountRequest = { period, start, suspensions, conventions, calendar, mode: 'strict' };
  const count = countForward(request);
  // Calendar-day periods: only the roll-forward depends on days off; working-day periods: every day counted.
  const window = { first: period.unit === 'working' ? addDays(count.anchor, 1) : count.lastDay, last: count.due };
  const provisional = calendar.hasProvisionalIn(window.first, window.last);
  const conservativeDue = provisional
    ? minLocalDate(count.due, countForward({ period, start, suspensions, conventions, calendar: calendar.conservative(), mode: 'lenient' }).due)
    : count.due;
  // A literal rather than a spread: object spread costs more than the whole computation here.
  return new ComputedDeadline({ rule: legalRule, version, period, start, facts, calendar, table, count, due: count.due, conservativeDue, window }, provisional);
}

const NO_SUSPENSIONS: readonly Suspension[] = [];
const NO_CONVENTIONS: readonly SuspensionConvention[] = [];

/**
 * The convention for a suspension resumed on `resume`: the one set by the version of the
 * governing rule (KN-11, TC-05) in force on that date; otherwise suspended time is excluded
 * (legal-rules.md §1).
 */
function suspensionConvention(version: RuleVersion, resume: LocalDate, table: readonly LegalRule[]): SuspensionConvention {
  if (version.suspensionRule === undefined) return 'excluded';
  return ruleVersionAt(version.suspensionRule, resume, table).suspensionConvention ?? 'excluded';
}

/** Suspensions must start on or after the start event, end on or after they start, and follow one another. */
function checkSuspensionOrder(start: LocalDate, suspensions: readonly Suspension[]): void {
  let previousEnd = start;
  suspensions.forEach(({ from, to }, i) => {
    const at = `facts.suspensions[${i}]`;
    if (from < start) {
      throw new InvalidInputError(`${at}.from`, 'before_start', {
        vi: `tạm đình chỉ ngày ${formatLocalDate(from)} trước sự kiện bắt đầu (${formatLocalDate(start)})`,
        en: `suspension on ${formatLocalDate(from)} is before the start event (${formatLocalDate(start)})`,
      });
    }
    if (to < from) {
      throw new InvalidInputError(`${at}.to`, 'before_from', {
        vi: `ngày tiếp tục ${formatLocalDate(to)} trước ngày tạm đình chỉ ${formatLocalDate(from)}`,
        en: `resume date ${formatLocalDate(to)} is before the suspension date ${formatLocalDate(from)}`,
      });
    }
    if (from < previousEnd) {
      throw new InvalidInputError(`${at}.from`, 'overlaps_previous', {
        vi: `tạm đình chỉ ngày ${formatLocalDate(from)} chồng lên hoặc đứng trước lần tạm đình chỉ trước (kết thúc ${formatLocalDate(previousEnd)}): nhập theo thứ tự thời gian, không chồng nhau`,
        en: `suspension on ${formatLocalDate(from)} overlaps or precedes the previous one (ended ${formatLocalDate(previousEnd)}): list suspensions in date order without overlap`,
      });
    }
    previousEnd = to;
  });
}

export type DeadlineJSON = Omit<DeadlineResult, 'start' | 'due' | 'dueIgnoringProvisional'> & {
  readonly start: IsoDate;
  readonly due: IsoDate;
  readonly dueIgnoringProvisional: IsoDate;
};

/** The result as plain JSON with ISO dates and the explanation, for APIs, audit events and the CLI. */
export function deadlineToJSON(result: DeadlineResult): DeadlineJSON {
  return {
    ruleId: result.ruleId,
    ruleVersion: result.ruleVersion,
    ruleVersionLabel: result.ruleVersionLabel,
    citation: result.citation,
    basis: result.basis,
    confidence: result.confidence,
    start: formatLocalDate(result.start),
    period: result.period,
    due: formatLocalDate(result.due),
    dueIgnoringProvisional: formatLocalDate(result.dueIgnoringProvisional),
    provisional: result.provisional,
    calendarVersion: result.calendarVersion,
    explanation: result.explanation,
  };
}
