import type { LocalDate } from '../calendar';
import { LARGE_GROUP_MIN_SIZE, type CaseKind } from '../case';
import { letterKindGroup, REPORT_INDICATORS, resolutionSectionOf } from './report-indicators';
import { inReportPeriod, type ReportPeriod } from './report-period';

/**
 * What a report needs to know about one case, read from the projection and the audit trail
 * (plain values, so that hand-written rows test the counting without a database).
 */
export interface ReportCaseFacts {
  /** The agency holding the case now (a transferred case counts where it went, as in monitoring). */
  readonly agencyCode: string;
  readonly kind: CaseKind;
  /** How it arrived (`in_person`, `post`…). */
  readonly channel: string;
  readonly receivedOn: LocalDate;
  /** Citizens who came or signed together (Luật TCD Art. 29). */
  readonly groupSize: number;
  /** A content split from a classified letter: a matter of its kind, not a letter of its own. */
  readonly splitFromLetter: boolean;
  /**
   * Xử lý đơn: the act that took the case out of `received` (the latest one: a transfer taken
   * over puts the case back into `received` at the new agency, whose own handling then counts),
   * dated by the act's effective date. Null while nobody has handled it.
   */
  readonly handling: { readonly on: LocalDate; readonly outcome: HandlingOutcome } | null;
  /** The conservative due date of the clock started at receipt (XLD-01, KN-02/06, KD-02A, TC-01, TCD-01, TC-08). */
  readonly handlingDue: LocalDate | null;
  /**
   * The agency's resolution clock (giải quyết: KN-03, KN-07, KD-02B, TC-04, TC-08, PA-02), if it
   * has started: the day it started, its conservative due date, and the day the act that stopped
   * it took effect (null while it runs), as the on-time rate reads them (apps/api monitoring).
   */
  readonly resolution: {
    readonly startDate: LocalDate;
    readonly due: LocalDate;
    readonly stoppedOn: LocalDate | null;
    readonly ending: ResolutionEnding | null;
  } | null;
}

export const HANDLING_OUTCOMES = ['accepted', 'classified', 'refused', 'transferred', 'transferred_to_police', 'guided', 'filed', 'withdrawn', 'checked', 'replied', 'other'] as const;
export type HandlingOutcome = (typeof HANDLING_OUTCOMES)[number];

/** The outcome of a handling act, from the status it led to. */
export function handlingOutcomeOf(statusAfter: string): HandlingOutcome {
  switch (statusAfter) {
    case 'accepted':
    case 'classified':
    case 'refused':
    case 'guided':
    case 'filed':
    case 'checked':
    case 'replied':
    case 'transferred_to_police':
      return statusAfter;
    case 'transfer_pending':
    case 'transferred':
      return 'transferred';
    case 'terminated':
      return 'withdrawn';
    default:
      return 'other';
  }
}

export type ResolutionEnding = 'decision' | 'withdrawal' | 'termination' | 'other';

/** How a resolution clock ended, from the command whose act stopped it. */
export function resolutionEndingOf(command: string | null | undefined): ResolutionEnding {
  switch (command) {
    case 'decide': // quyết định giải quyết khiếu nại
    case 'conclude': // kết luận nội dung tố cáo
    case 'reply': // văn bản trả lời kiến nghị, phản ánh
      return 'decision';
    case 'withdraw':
      return 'withdrawal';
    case 'terminate':
      return 'termination';
    default:
      return 'other';
  }
}

/**
 * On time: the act that stopped the clock took effect on or before its conservative due date
 * (the due date monitoring and the escalation ladder use, legal-rules.md §1). The same definition
 * as GET /api/v1/monitoring/on-time-rate, so a clock reported overdue is never counted on time.
 */
export function resolvedOnTime(stoppedOn: LocalDate, due: LocalDate): boolean {
  return stoppedOn <= due;
}

/** onTime / (onTime + late) to 4 decimals, null when nothing was resolved (no rate to report). */
export function onTimeRate(onTime: number, late: number): number | null {
  return onTime + late === 0 ? null : Math.round((onTime / (onTime + late)) * 10_000) / 10_000;
}

/** A figure per indicator id; a rate is null when nothing it divides by happened. */
export type IndicatorValues = Record<string, number | null>;

export interface ReportFigures {
  /** The whole scope. Rates are computed from the totals, never averaged over agencies. */
  readonly totals: IndicatorValues;
  /** Each agency of the scope, in the order given (agencies without any case have zeros). */
  readonly byAgency: ReadonlyArray<{ readonly agencyCode: string; readonly values: IndicatorValues }>;
}

function emptyValues(): IndicatorValues {
  return Object.fromEntries(REPORT_INDICATORS.map((i) => [i.id, i.unit === 'rate' ? null : 0]));
}

/**
 * The figures of `period` for `agencies` from the facts of their cases. Each case adds to the
 * indicators it belongs to; the cut-off (`period.to`) decides what was still open or overdue.
 * Cases straddling the start: received (or accepted) before `from` and still unhandled
 * (unresolved) on `from` are carried over; cases straddling the end: received (accepted) by `to`
 * and handled (resolved) after it are still open at the cut-off.
 */
export function computeReportFigures(period: Pick<ReportPeriod, 'from' | 'to'>, agencies: readonly string[], facts: Iterable<ReportCaseFacts>): ReportFigures {
  const totals = emptyValues();
  const byAgency = new Map(agencies.map((code) => [code, emptyValues()]));
  for (const fact of facts) {
    const values = byAgency.get(fact.agencyCode);
    if (!values) continue; // outside the scope: not this report's case
    for (const [id, amount] of contributions(period, fact)) {
      values[id] = (values[id] as number) + amount;
      totals[id] = (totals[id] as number) + amount;
    }
  }
  for (const values of [totals, ...byAgency.values()]) fillRates(values);
  return { totals, byAgency: agencies.map((agencyCode) => ({ agencyCode, values: byAgency.get(agencyCode)! })) };
}

function fillRates(values: IndicatorValues): void {
  for (const i of REPORT_INDICATORS) {
    // `complaints.on_time_rate.first` divides `complaints.on_time.first` by it plus `complaints.late.first`.
    if (i.unit === 'rate') values[i.id] = onTimeRate(values[i.id.replace('.on_time_rate', '.on_time')] as number, values[i.id.replace('.on_time_rate', '.late')] as number);
  }
}

/** The (indicator, amount) pairs one case adds to. */
function contributions(period: Pick<ReportPeriod, 'from' | 'to'>, fact: ReportCaseFacts): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const add = (id: string, amount = 1) => out.push([id, amount]);
  const receivedInPeriod = inReportPeriod(period, fact.receivedOn);
  const handledOn = fact.handling?.on ?? null;
  const handledInPeriod = handledOn !== null && inReportPeriod(period, handledOn);

  // I. Tiếp công dân: reception records received in the period, and matters lodged in person.
  if (fact.kind === 'reception') {
    if (receivedInPeriod) {
      add('reception.sessions');
      add('reception.persons', fact.groupSize);
      // Đoàn đông người: a group that chooses representatives (Luật TCD Art. 29), the same threshold as the priority flag.
      if (fact.groupSize >= LARGE_GROUP_MIN_SIZE) {
        add('reception.large_groups');
        add('reception.large_group_persons', fact.groupSize);
      }
    }
    if (handledInPeriod && fact.handling?.outcome === 'refused') add('reception.refused');
    return out;
  }

  // II. Xử lý đơn: a letter (đơn) is what arrived; the contents split from a letter are not counted again.
  if (!fact.splitFromLetter) {
    if (receivedInPeriod && fact.channel === 'in_person') add('reception.cases');
    const group = letterKindGroup(fact.kind)!;
    const carriedOver = fact.receivedOn < period.from && (handledOn === null || handledOn >= period.from);
    if (receivedInPeriod || carriedOver) {
      const byKind = (measure: string) => {
        add(`letters.${measure}.all`);
        add(`letters.${measure}.${group}`);
      };
      byKind('total');
      byKind(receivedInPeriod ? 'received' : 'carried_over');
      if (handledInPeriod) {
        byKind('processed');
        const outcome = fact.handling!.outcome;
        const eligible = outcome === 'accepted' || outcome === 'classified';
        if (eligible) byKind('eligible');
        if (eligible || outcome === 'refused') add('letters.within_competence');
        if (outcome === 'transferred' || outcome === 'transferred_to_police') add('letters.transferred');
        else if (outcome === 'guided') add('letters.guided');
        else if (outcome === 'filed') add('letters.filed');
        else if (outcome === 'refused') add('letters.refused');
        else if (!eligible) add('letters.other');
      } else if (handledOn === null || handledOn > period.to) {
        add('letters.unprocessed');
        // Past due at the cut-off: its last day was the cut-off or earlier (overdue from the next morning, as monitoring counts).
        if (fact.handlingDue !== null && fact.handlingDue <= period.to) add('letters.unprocessed_overdue');
      }
    }
  }

  // III–V. Giải quyết: the cases of each kind, received, accepted and resolved.
  const where = resolutionSectionOf(fact.kind);
  if (!where) return out;
  const id = (measure: string) => `${where.section}.${measure}${where.level ? `.${where.level}` : ''}`;
  if (receivedInPeriod) add(id('received'));
  if (handledInPeriod && fact.handling?.outcome === 'accepted') add(id('accepted'));
  if (handledInPeriod && fact.handling?.outcome === 'refused') add(id('refused'));

  const r = fact.resolution;
  if (r && r.startDate <= period.to && (r.stoppedOn === null || r.stoppedOn >= period.from)) {
    add(id('to_resolve'));
    if (r.startDate < period.from) add(id('carried_over'));
    if (r.stoppedOn !== null && r.stoppedOn <= period.to) {
      add(id('resolved'));
      if (r.ending === 'decision' && where.section !== 'recommendations') add(id('resolved_by_decision'));
      if ((r.ending === 'withdrawal' || r.ending === 'termination') && where.section !== 'recommendations') add(id('withdrawn'));
      add(id(resolvedOnTime(r.stoppedOn, r.due) ? 'on_time' : 'late'));
    } else {
      add(id('open_at_cutoff'));
      if (r.due <= period.to) add(id('overdue_at_cutoff'));
    }
  }
  return out;
}
