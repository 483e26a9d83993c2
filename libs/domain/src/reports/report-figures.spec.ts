import fc from 'fast-check';
import { AgencyTree } from '../agencies';
import { parseLocalDate, type LocalDate } from '../calendar';
import { CASE_KINDS, type CaseKind } from '../case';
import {
  computeReportFigures,
  handlingOutcomeOf,
  HANDLING_OUTCOMES,
  onTimeRate,
  resolutionEndingOf,
  type HandlingOutcome,
  type IndicatorValues,
  type ReportCaseFacts,
  type ResolutionEnding,
} from './report-figures';
import { indicatorsOf, REPORT_INDICATORS, REPORT_INDICATOR_IDS, REPORT_NOT_COVERED, REPORT_SECTIONS } from './report-indicators';
import { reportPeriod } from './report-period';
import { provinceJurisdictions, reportScope } from './report-scope';

const d = (iso: string): LocalDate => parseLocalDate(iso);
const HK = 'UBND-PHUONG-HK';
const BD = 'UBND-PHUONG-BD';

/** A case's facts; every date by hand, ISO strings for readability. */
function fact(kind: CaseKind, receivedOn: string, more: {
  agency?: string;
  channel?: string;
  groupSize?: number;
  split?: boolean;
  handled?: [on: string, outcome: HandlingOutcome];
  handlingDue?: string;
  resolution?: { start: string; due: string; stopped?: string; ending?: ResolutionEnding };
} = {}): ReportCaseFacts {
  return {
    agencyCode: more.agency ?? HK,
    kind,
    channel: more.channel ?? 'post',
    receivedOn: d(receivedOn),
    groupSize: more.groupSize ?? 1,
    splitFromLetter: more.split ?? false,
    handling: more.handled ? { on: d(more.handled[0]), outcome: more.handled[1] } : null,
    handlingDue: more.handlingDue ? d(more.handlingDue) : null,
    resolution: more.resolution
      ? { startDate: d(more.resolution.start), due: d(more.resolution.due), stoppedOn: more.resolution.stopped ? d(more.resolution.stopped) : null, ending: more.resolution.stopped ? (more.resolution.ending ?? 'decision') : null }
      : null,
  };
}

/**
 * Quý I 2026: 15/12/2025 → 14/03/2026. Each line says by hand where the case counts; the
 * expectations below are those sums, not the code's.
 */
const Q1_2026 = reportPeriod('q1', 2026);
const FIXTURE: Record<string, ReportCaseFacts> = {
  // Letter received before the period, classified inside it: carried over, handled, eligible.
  L1: fact('letter', '2025-12-10', { handled: ['2025-12-20', 'classified'], handlingDue: '2025-12-24' }),
  // Complaint accepted before the period (not a letter of this period), decided inside it, on time: a carried-over resolution.
  L2: fact('complaint', '2025-12-01', { handled: ['2025-12-12', 'accepted'], resolution: { start: '2025-12-12', due: '2026-01-11', stopped: '2026-01-05', ending: 'decision' } }),
  // Denunciation received inside, accepted after the cut-off: received, still unhandled at the cut-off (not yet due).
  L3: fact('denunciation', '2026-03-10', { handled: ['2026-03-16', 'accepted'], handlingDue: '2026-03-19', resolution: { start: '2026-03-16', due: '2026-04-15' } }),
  // Recommendation transferred to another agency.
  L4: fact('recommendation', '2026-02-01', { handled: ['2026-02-05', 'transferred'], handlingDue: '2026-02-13' }),
  // Second-level complaint accepted inside, its resolution overdue and still open at the cut-off.
  L5: fact('complaint_second_level', '2026-01-10', { handled: ['2026-01-15', 'accepted'], resolution: { start: '2026-01-15', due: '2026-03-01' } }),
  // Complaint received on the cut-off day itself, not yet handled, not yet due.
  L6: fact('complaint', '2026-03-14', { handlingDue: '2026-03-28' }),
  // Letter received the day after the cut-off: not in this period at all.
  L7: fact('letter', '2026-03-15', { handlingDue: '2026-03-29' }),
  // Letter received long before, never handled, past its deadline before the period began.
  L8: fact('letter', '2025-11-20', { handlingDue: '2025-12-04' }),
  // Letter received the day before the period, filed on its first day: carried over and handled.
  L9: fact('letter', '2025-12-14', { handled: ['2025-12-15', 'filed'], handlingDue: '2025-12-26' }),
  // Denunciation accepted before, concluded the day after the cut-off: carried over, open and overdue at the cut-off.
  L10: fact('denunciation', '2025-12-01', { handled: ['2025-12-05', 'accepted'], resolution: { start: '2025-12-05', due: '2026-01-04', stopped: '2026-03-15', ending: 'decision' } }),
  // Review of a denunciation (its period runs from receipt, TC-08): accepted and concluded late.
  L11: fact('denunciation_review', '2026-02-10', { handled: ['2026-02-12', 'accepted'], resolution: { start: '2026-02-10', due: '2026-03-02', stopped: '2026-03-05', ending: 'decision' } }),
  // Another agency of the scope: a complaint refused.
  L12: fact('complaint', '2026-01-20', { agency: BD, handled: ['2026-01-25', 'refused'], handlingDue: '2026-02-03' }),
  // A complaint split from L1 (received with it before the period): accepted and withdrawn inside, not a letter again.
  L13: fact('complaint', '2025-12-10', { split: true, handled: ['2026-01-02', 'accepted'], resolution: { start: '2026-01-02', due: '2026-02-01', stopped: '2026-01-20', ending: 'withdrawal' } }),
  // Recommendation lodged in person, replied on its due date: on time.
  L14: fact('recommendation', '2026-01-05', { channel: 'in_person', handled: ['2026-01-06', 'accepted'], resolution: { start: '2026-01-06', due: '2026-01-27', stopped: '2026-01-27', ending: 'decision' } }),
  // Complaint resolved the day before the period began: nothing in this period.
  L15: fact('complaint', '2025-10-01', { handled: ['2025-10-05', 'accepted'], resolution: { start: '2025-10-05', due: '2025-11-04', stopped: '2025-12-14', ending: 'decision' } }),
  // Complaint received before, accepted on the period's first day: a letter carried over, and a resolution begun in the period (not carried over).
  L17: fact('complaint', '2025-12-11', { handled: ['2025-12-15', 'accepted'], resolution: { start: '2025-12-15', due: '2026-01-14' } }),
  // Outside the scope (Đà Nẵng): ignored.
  L16: fact('complaint', '2026-01-20', { agency: 'UBND-PHUONG-HC', handled: ['2026-01-21', 'accepted'], resolution: { start: '2026-01-21', due: '2026-02-20' } }),
  R1: fact('reception', '2026-01-08', { channel: 'in_person', groupSize: 1 }),
  R2: fact('reception', '2026-02-02', { channel: 'in_person', groupSize: 12 }),
  // A group of exactly 5, refused (Luật TCD Art. 9).
  R3: fact('reception', '2026-03-01', { channel: 'in_person', groupSize: 5, handled: ['2026-03-01', 'refused'] }),
  // The day before the period.
  R4: fact('reception', '2025-12-14', { channel: 'in_person', groupSize: 3 }),
  R5: fact('reception', '2026-03-14', { agency: BD, channel: 'in_person', groupSize: 4 }),
};

/** Only the non-zero figures, as written by hand; every other count must be 0 and every other rate null. */
function expectFigures(values: IndicatorValues, nonZero: Record<string, number | null>): void {
  const expected = Object.fromEntries(REPORT_INDICATORS.map((i) => [i.id, i.id in nonZero ? nonZero[i.id] : i.unit === 'rate' ? null : 0]));
  expect(values).toEqual(expected);
}

describe('periodic report figures from hand-computed fixtures', () => {
  const figures = computeReportFigures(Q1_2026, [HK, BD], Object.values(FIXTURE));

  it('adds up the whole scope: reception, letters, complaints, denunciations, recommendations', () => {
    expectFigures(figures.totals, {
      // R1, R2, R3, R5 (R4 is the day before); persons 1 + 12 + 5 + 4; groups of 5 or more: R2, R3.
      'reception.sessions': 4,
      'reception.persons': 22,
      'reception.cases': 1, // L14, lodged in person
      'reception.large_groups': 2,
      'reception.large_group_persons': 17,
      'reception.refused': 1,
      // Letters received: L3, L4, L5, L6, L11, L12, L14; carried over: L1, L8, L9, L17 (L2, L10, L15 were handled before; L13 is a content of L1).
      'letters.received.all': 7,
      'letters.received.complaint': 3, // L5, L6, L12
      'letters.received.denunciation': 2, // L3, L11
      'letters.received.recommendation': 2, // L4, L14
      'letters.carried_over.all': 4,
      'letters.carried_over.complaint': 1, // L17
      'letters.carried_over.unclassified': 3,
      'letters.total.all': 11,
      'letters.total.complaint': 4,
      'letters.total.denunciation': 2,
      'letters.total.recommendation': 2,
      'letters.total.unclassified': 3,
      // Handled in the period: L1, L4, L5, L9, L11, L12, L14, L17.
      'letters.processed.all': 8,
      'letters.processed.complaint': 3,
      'letters.processed.denunciation': 1,
      'letters.processed.recommendation': 2,
      'letters.processed.unclassified': 2,
      'letters.eligible.all': 5, // L1 classified; L5, L11, L14, L17 accepted
      'letters.eligible.complaint': 2,
      'letters.eligible.denunciation': 1,
      'letters.eligible.recommendation': 1,
      'letters.eligible.unclassified': 1,
      'letters.within_competence': 6, // the eligible ones and L12 refused
      'letters.transferred': 1, // L4
      'letters.filed': 1, // L9
      'letters.refused': 1, // L12
      'letters.unprocessed': 3, // L3 (handled after the cut-off), L6, L8
      'letters.unprocessed_overdue': 1, // L8
      // Complaints, first level: L6 and L12 received; L13 and L17 accepted; L12 refused; resolutions L2 (carried over, decided on time),
      // L13 (withdrawn on time) and L17 (begun on the first day, still open and overdue at the cut-off).
      'complaints.received.first': 2,
      'complaints.accepted.first': 2,
      'complaints.refused.first': 1,
      'complaints.carried_over.first': 1,
      'complaints.to_resolve.first': 3,
      'complaints.resolved.first': 2,
      'complaints.resolved_by_decision.first': 1,
      'complaints.withdrawn.first': 1,
      'complaints.on_time.first': 2,
      'complaints.on_time_rate.first': 1,
      'complaints.open_at_cutoff.first': 1,
      'complaints.overdue_at_cutoff.first': 1,
      // Second level: L5, accepted and overdue at the cut-off.
      'complaints.received.second': 1,
      'complaints.accepted.second': 1,
      'complaints.to_resolve.second': 1,
      'complaints.open_at_cutoff.second': 1,
      'complaints.overdue_at_cutoff.second': 1,
      // Denunciations: L3 received (its resolution starts after the cut-off); L10 carried over, concluded after the cut-off: open and overdue then.
      'denunciations.received.first': 1,
      'denunciations.carried_over.first': 1,
      'denunciations.to_resolve.first': 1,
      'denunciations.open_at_cutoff.first': 1,
      'denunciations.overdue_at_cutoff.first': 1,
      // Review: L11, concluded 3 days late.
      'denunciations.received.second': 1,
      'denunciations.accepted.second': 1,
      'denunciations.to_resolve.second': 1,
      'denunciations.resolved.second': 1,
      'denunciations.resolved_by_decision.second': 1,
      'denunciations.late.second': 1,
      'denunciations.on_time_rate.second': 0,
      // Recommendations: L4 (transferred), L14 (accepted, replied on its due date).
      'recommendations.received': 2,
      'recommendations.accepted': 1,
      'recommendations.to_resolve': 1,
      'recommendations.resolved': 1,
      'recommendations.on_time': 1,
      'recommendations.on_time_rate': 1,
    });
  });

  it('gives each agency its own cases, and the totals are their sums', () => {
    expect(figures.byAgency.map((a) => a.agencyCode)).toEqual([HK, BD]);
    expectFigures(figures.byAgency[1]!.values, {
      'reception.sessions': 1,
      'reception.persons': 4,
      'letters.received.all': 1,
      'letters.received.complaint': 1,
      'letters.total.all': 1,
      'letters.total.complaint': 1,
      'letters.processed.all': 1,
      'letters.processed.complaint': 1,
      'letters.within_competence': 1,
      'letters.refused': 1,
      'complaints.received.first': 1,
      'complaints.refused.first': 1,
    });
    for (const i of REPORT_INDICATORS.filter((x) => x.unit !== 'rate')) {
      expect({ id: i.id, sum: figures.byAgency.reduce((n, a) => n + (a.values[i.id] as number), 0) }).toEqual({ id: i.id, sum: figures.totals[i.id] });
    }
  });

  it('counts the cases straddling the start and the end of the period where they belong', () => {
    const only = (...names: string[]) => computeReportFigures(Q1_2026, [HK, BD], names.map((n) => FIXTURE[n]!)).totals;
    // Received before, handled on the first day: carried over and handled, not received.
    expect(only('L9')).toMatchObject({ 'letters.carried_over.all': 1, 'letters.received.all': 0, 'letters.processed.all': 1, 'letters.unprocessed': 0 });
    // Received on the last day and handled after it: received and not handled at the cut-off.
    expect(only('L3')).toMatchObject({ 'letters.received.all': 1, 'letters.processed.all': 0, 'letters.unprocessed': 1, 'denunciations.accepted.first': 0 });
    // Accepted before, resolved on the day after the cut-off: carried over and still open at it.
    expect(only('L10')).toMatchObject({ 'denunciations.carried_over.first': 1, 'denunciations.resolved.first': 0, 'denunciations.open_at_cutoff.first': 1 });
    // Resolved on the day before the period: in none of its figures.
    expectFigures(only('L15', 'R4', 'L7'), {});
    // The same case seen from the next period (six months): L10 is now resolved, late.
    const h1 = computeReportFigures(reportPeriod('six_months', 2026), [HK], [FIXTURE.L10!]).totals;
    expect(h1).toMatchObject({ 'denunciations.resolved.first': 1, 'denunciations.late.first': 1, 'denunciations.open_at_cutoff.first': 0 });
  });

  it('counts a resolution on its due date as on time and one day later as late, as the on-time rate does', () => {
    const resolved = (stopped: string) =>
      computeReportFigures(Q1_2026, [HK], [fact('complaint', '2026-01-02', { handled: ['2026-01-05', 'accepted'], resolution: { start: '2026-01-05', due: '2026-02-04', stopped } })]).totals;
    expect(resolved('2026-02-04')).toMatchObject({ 'complaints.on_time.first': 1, 'complaints.late.first': 0, 'complaints.on_time_rate.first': 1 });
    expect(resolved('2026-02-05')).toMatchObject({ 'complaints.on_time.first': 0, 'complaints.late.first': 1, 'complaints.on_time_rate.first': 0 });
    expect(onTimeRate(2, 1)).toBe(0.6667);
    expect(onTimeRate(0, 0)).toBeNull();
  });

  it('is overdue at the cut-off when the due date is the cut-off day or earlier and it is still running', () => {
    const open = (due: string) => computeReportFigures(Q1_2026, [HK], [fact('complaint', '2026-01-02', { handled: ['2026-01-05', 'accepted'], resolution: { start: '2026-01-05', due } })]).totals;
    expect(open('2026-03-14')['complaints.overdue_at_cutoff.first']).toBe(1);
    expect(open('2026-03-15')['complaints.overdue_at_cutoff.first']).toBe(0);
  });

  it('maps handling acts and resolution endings from the stored statuses and commands', () => {
    expect(handlingOutcomeOf('transfer_pending')).toBe('transferred');
    expect(handlingOutcomeOf('terminated')).toBe('withdrawn');
    expect(handlingOutcomeOf('accepted')).toBe('accepted');
    expect(handlingOutcomeOf('verifying')).toBe('other');
    expect(resolutionEndingOf('decide')).toBe('decision');
    expect(resolutionEndingOf('conclude')).toBe('decision');
    expect(resolutionEndingOf('reply')).toBe('decision');
    expect(resolutionEndingOf('withdraw')).toBe('withdrawal');
    expect(resolutionEndingOf('terminate')).toBe('termination');
    expect(resolutionEndingOf(undefined)).toBe('other');
  });
});

const isoDay = fc.integer({ min: 0, max: 500 }).map((n) => (parseLocalDate('2025-06-01') + n) as LocalDate);
const arbitraryFact: fc.Arbitrary<ReportCaseFacts> = fc
  .record({
    kind: fc.constantFrom(...CASE_KINDS),
    received: isoDay,
    handledAfter: fc.option(fc.integer({ min: 0, max: 120 })),
    outcome: fc.constantFrom(...HANDLING_OUTCOMES),
    startAfter: fc.option(fc.integer({ min: 0, max: 60 })),
    period: fc.integer({ min: 1, max: 90 }),
    stopAfter: fc.option(fc.integer({ min: 0, max: 200 })),
    ending: fc.constantFrom<ResolutionEnding>('decision', 'withdrawal', 'termination', 'other'),
    group: fc.integer({ min: 1, max: 30 }),
    agency: fc.constantFrom(HK, BD),
    split: fc.boolean(),
    inPerson: fc.boolean(),
  })
  .map((r) => {
    const start = r.startAfter === null ? null : ((r.received + r.startAfter) as LocalDate);
    return {
      agencyCode: r.agency,
      kind: r.kind,
      channel: r.inPerson ? 'in_person' : 'post',
      receivedOn: r.received,
      groupSize: r.group,
      splitFromLetter: r.split,
      handling: r.handledAfter === null ? null : { on: (r.received + r.handledAfter) as LocalDate, outcome: r.outcome },
      handlingDue: (r.received + 10) as LocalDate,
      resolution:
        start === null ? null : { startDate: start, due: (start + r.period) as LocalDate, stoppedOn: r.stopAfter === null ? null : ((start + r.stopAfter) as LocalDate), ending: r.stopAfter === null ? null : r.ending },
    };
  });

describe('periodic report figures: what holds for any cases', () => {
  it('balances: to handle = handled + not handled; to resolve = resolved + open; resolved = on time + late; handled = its outcomes', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 60 }), fc.constantFrom(...(['q1', 'six_months', 'nine_months', 'annual'] as const)), (facts, kind) => {
        const t = computeReportFigures(reportPeriod(kind, 2026), [HK, BD], facts).totals;
        const n = (id: string) => t[id] as number;
        expect(n('letters.total.all')).toBe(n('letters.processed.all') + n('letters.unprocessed'));
        expect(n('letters.total.all')).toBe(n('letters.received.all') + n('letters.carried_over.all'));
        expect(n('letters.processed.all')).toBe(n('letters.eligible.all') + n('letters.transferred') + n('letters.guided') + n('letters.filed') + n('letters.refused') + n('letters.other'));
        expect(n('letters.within_competence')).toBe(n('letters.eligible.all') + n('letters.refused'));
        for (const measure of ['total', 'received', 'carried_over', 'processed', 'eligible']) {
          expect(n(`letters.${measure}.all`)).toBe(['complaint', 'denunciation', 'recommendation', 'unclassified'].reduce((s, g) => s + n(`letters.${measure}.${g}`), 0));
        }
        for (const suffix of ['complaints.%.first', 'complaints.%.second', 'denunciations.%.first', 'denunciations.%.second', 'recommendations.%']) {
          const id = (m: string) => suffix.replace('%', m);
          expect(n(id('to_resolve'))).toBe(n(id('resolved')) + n(id('open_at_cutoff')));
          expect(n(id('resolved'))).toBe(n(id('on_time')) + n(id('late')));
          expect(n(id('overdue_at_cutoff'))).toBeLessThanOrEqual(n(id('open_at_cutoff')));
          expect(n(id('carried_over'))).toBeLessThanOrEqual(n(id('to_resolve')));
          expect(t[id('on_time_rate')]).toBe(onTimeRate(n(id('on_time')), n(id('late'))));
        }
        for (const id of REPORT_INDICATOR_IDS) expect(t[id] === null || Number.isInteger(t[id]) || (t[id]! >= 0 && t[id]! <= 1)).toBe(true);
        expect(Object.keys(t).sort()).toEqual([...REPORT_INDICATOR_IDS].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('splits the whole scope among its agencies, whatever the cases', () => {
    fc.assert(
      fc.property(fc.array(arbitraryFact, { maxLength: 40 }), (facts) => {
        const f = computeReportFigures(reportPeriod('annual', 2026), [HK, BD], facts);
        for (const i of REPORT_INDICATORS.filter((x) => x.unit !== 'rate')) expect(f.byAgency.reduce((s, a) => s + (a.values[i.id] as number), 0)).toBe(f.totals[i.id]);
      }),
    );
  });
});

describe('indicator catalogue', () => {
  it('numbers each section’s columns 1…n with unique ids, each with labels and a citation', () => {
    expect(new Set(REPORT_INDICATOR_IDS).size).toBe(REPORT_INDICATOR_IDS.length);
    for (const s of REPORT_SECTIONS) {
      const list = indicatorsOf(s);
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((i) => i.no)).toEqual(list.map((_, k) => k + 1));
    }
    for (const i of REPORT_INDICATORS) {
      expect(i.group.vi.length * i.group.en.length * i.citation.length).toBeGreaterThan(0);
      if (i.unit === 'rate') {
        expect(REPORT_INDICATOR_IDS).toContain(i.id.replace('.on_time_rate', '.on_time'));
        expect(REPORT_INDICATOR_IDS).toContain(i.id.replace('.on_time_rate', '.late'));
      }
    }
    expect(REPORT_INDICATORS.filter((i) => i.level === 'second').map((i) => i.section)).toEqual(expect.arrayContaining(['complaints', 'denunciations']));
  });

  it('lists what TT 01/2024 asks for and donthu does not record: money, land, people handled…', () => {
    expect(REPORT_NOT_COVERED.map((n) => n.id)).toEqual(expect.arrayContaining(['money_returned', 'land_returned', 'people_handled']));
    for (const n of REPORT_NOT_COVERED) expect(REPORT_INDICATOR_IDS).not.toContain(n.id);
  });
});

describe('report scope', () => {
  const tree = new AgencyTree([
    { code: 'CP', name: 'Chính phủ', level: 'government', parentCode: null },
    { code: 'TTCP', name: 'Thanh tra Chính phủ', level: 'inspectorate', parentCode: 'CP' },
    { code: 'UBND-HN', name: 'UBND Hà Nội', level: 'province', parentCode: 'CP' },
    { code: 'TTR-HN', name: 'Thanh tra Hà Nội', level: 'inspectorate', parentCode: 'UBND-HN' },
    { code: 'SO-XD-HN', name: 'Sở Xây dựng', level: 'department', parentCode: 'UBND-HN' },
    { code: 'UBND-PHUONG-HK', name: 'Phường Hoàn Kiếm', level: 'commune', parentCode: 'UBND-HN' },
    { code: 'UBND-DN', name: 'UBND Đà Nẵng', level: 'province', parentCode: 'CP' },
    { code: 'TTR-DN', name: 'Thanh tra Đà Nẵng', level: 'inspectorate', parentCode: 'UBND-DN' },
  ]);

  it('is one agency, or the agency and everything below it; an inspectorate’s is the province it serves', () => {
    expect(reportScope(tree, 'UBND-PHUONG-HK', true)).toEqual(['UBND-PHUONG-HK']);
    expect(reportScope(tree, 'UBND-HN', false)).toEqual(['UBND-HN']);
    expect(reportScope(tree, 'UBND-HN', true)).toEqual(['UBND-HN', 'SO-XD-HN', 'TTR-HN', 'UBND-PHUONG-HK']);
    expect(reportScope(tree, 'TTR-HN', true)).toEqual(['TTR-HN', 'SO-XD-HN', 'UBND-HN', 'UBND-PHUONG-HK']);
    expect(reportScope(tree, 'TTR-HN', false)).toEqual(['TTR-HN']);
    expect(reportScope(tree, 'NOWHERE', true)).toEqual([]);
  });

  it('makes the automatic reports for each province with an inspectorate', () => {
    expect(provinceJurisdictions(tree)).toEqual([
      { inspectorate: 'TTR-DN', agencyCode: 'UBND-DN' },
      { inspectorate: 'TTR-HN', agencyCode: 'UBND-HN' },
    ]);
  });
});
