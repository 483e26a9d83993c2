import { formatLocalDate, parseLocalDate } from '../calendar/local-date';
import { complaintCompetence, denunciationCompetence } from './competent-handlers';
import { screenDenunciation } from './denunciation-screening';
import { escalationLadder, escalationStepsReached } from './escalation';
import { COMPLAINT_REFUSAL_GROUNDS, findLegalGround, LEGAL_GROUND_LISTS, RECEPTION_REFUSAL_GROUNDS } from './legal-grounds';
import { splitLetterByKind, validateGroupRepresentatives } from './letter-handling';

const d = parseLocalDate;

describe('competence after the 2025 reorganisation', () => {
  it('sends a complaint against a commune decision to the commune chair, then the provincial chair', () => {
    for (const respondent of ['commune_peoples_committee', 'commune_chair'] as const) {
      const competence = complaintCompetence(respondent);
      expect(competence.firstLevel).toMatchObject({ level: 'commune', role: 'chair' });
      expect(competence.secondLevel).toMatchObject({ level: 'province', role: 'chair' });
    }
  });

  it('follows legal-rules.md §5 for department units, directors and the provincial chair', () => {
    expect(complaintCompetence('department_unit')).toMatchObject({ firstLevel: { level: 'department_unit', role: 'head' }, secondLevel: { level: 'department', role: 'director' } });
    expect(complaintCompetence('department_director')).toMatchObject({ firstLevel: { level: 'department', role: 'director' }, secondLevel: { level: 'province', role: 'chair' } });
    expect(complaintCompetence('provincial_chair')).toMatchObject({ firstLevel: { level: 'province', role: 'chair' }, secondLevel: { level: 'ministry', role: 'minister' } });
  });

  it('sends a denunciation to the managing head, or to the superior head when the head is accused', () => {
    expect(denunciationCompetence('civil_servant')).toMatchObject({ firstLevel: { level: 'managing_agency', role: 'head' }, secondLevel: { level: 'superior_agency', role: 'head' } });
    expect(denunciationCompetence('agency_head')).toMatchObject({ firstLevel: { level: 'superior_agency', role: 'head' }, secondLevel: null });
    expect(denunciationCompetence('agency_head').citation).toContain('Luật Tố cáo 2018, Điều 12');
  });
});

describe('escalation ladder on overdue', () => {
  it('reminds on the due date, then the inspectorate after 5 working days, then the superior after 5 more', () => {
    // Due Mon 23/2/2026: +5 working days = Mon 2/3; +5 = Mon 9/3.
    const ladder = escalationLadder(d('2026-02-23'), 'denunciation');
    expect(ladder.map((s) => [s.step, formatLocalDate(s.date), s.notify.map((r) => `${r.level}:${r.role}`)])).toEqual([
      [1, '2026-02-23', ['same_level:handling_officer', 'same_level:head']],
      [2, '2026-03-02', ['same_level:inspectorate']],
      [3, '2026-03-09', ['superior_level:inspectorate', 'superior_level:head']],
    ]);
    expect(ladder[2]!.citation).toContain('Luật Tố cáo 2018, Điều 37 khoản 1 điểm b, Điều 38');
    expect(ladder.every((s) => s.basis === 'policy')).toBe(true);
  });

  it('skips days off when counting the intervals', () => {
    // Due Fri 13/2/2026, the eve of Tết: +5 working days = Fri 27/2.
    expect(formatLocalDate(escalationLadder(d('2026-02-13'), 'complaint')[1]!.date)).toBe('2026-02-27');
  });

  it('tells which steps have been reached', () => {
    const ladder = escalationLadder(d('2026-02-23'), 'complaint');
    expect(escalationStepsReached(ladder, d('2026-03-03')).map((s) => s.step)).toEqual([1, 2]);
  });
});

describe('legal grounds', () => {
  it('lists the nine complaint refusal grounds of Luật KN Art. 11 with their clause', () => {
    expect(COMPLAINT_REFUSAL_GROUNDS.map((g) => g.citation)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Luật Khiếu nại 2011, Điều 11 khoản ${n}`));
    expect(findLegalGround('complaint_refusal', 'termination_notice_30_days')?.citation).toBe('Luật Khiếu nại 2011, Điều 11 khoản 8');
  });

  it('lists the reception refusal grounds of Luật TCD Art. 9', () => {
    expect(RECEPTION_REFUSAL_GROUNDS).toHaveLength(4);
    expect(Object.keys(LEGAL_GROUND_LISTS)).toEqual(['complaint_refusal', 'denunciation_refusal', 'reception_refusal', 'letter_refusal', 'termination']);
    for (const list of Object.values(LEGAL_GROUND_LISTS)) for (const g of list) expect(g.label.vi && g.label.en && g.citation).toBeTruthy();
  });
});

describe('denunciation screening', () => {
  const base = { identified: true, specificContent: true, hasEvidence: true, crimeSigns: false, withinCompetence: true };

  it('transfers signs of a crime to the investigating body first', () => {
    expect(screenDenunciation({ ...base, identified: false, crimeSigns: true })).toMatchObject({ route: 'transfer_to_investigation', citation: 'Luật Tố cáo 2018, Điều 24 khoản 3' });
  });

  it('does not resolve anonymous denunciations but checks specific, evidenced ones', () => {
    expect(screenDenunciation({ ...base, identified: false })).toMatchObject({ route: 'check_under_management_powers', citation: 'Luật Tố cáo 2018, Điều 25 khoản 2' });
    expect(screenDenunciation({ ...base, identified: false, hasEvidence: false }).route).toBe('not_processed');
  });

  it('transfers what is outside competence, refuses citing unmet conditions, else accepts', () => {
    expect(screenDenunciation({ ...base, withinCompetence: false }).route).toBe('transfer_to_competent');
    const refused = screenDenunciation({ ...base, unmetConditions: ['verifiable_content'] });
    expect(refused.route).toBe('refuse');
    expect(refused.unmet.map((g) => g.citation)).toEqual(['Luật Tố cáo 2018, Điều 29 khoản 1 điểm d']);
    expect(screenDenunciation(base).route).toBe('accept');
    expect(() => screenDenunciation({ ...base, unmetConditions: ['nonsense'] })).toThrow(RangeError);
  });
});

describe('letters and groups', () => {
  it('splits a letter with several contents into one case per kind, in order of appearance', () => {
    const split = splitLetterByKind([
      { kind: 'complaint', summary: 'thu hồi đất' },
      { kind: 'denunciation', summary: 'cán bộ nhận tiền' },
      { kind: 'complaint', summary: 'bồi thường' },
    ]);
    expect(split.map((g) => [g.kind, g.contents.length])).toEqual([
      ['complaint', 2],
      ['denunciation', 1],
    ]);
  });

  it('requires 1–2 representatives for 5–10 people and at most 5 above 10', () => {
    expect(validateGroupRepresentatives(4, 0)).toEqual([]);
    expect(validateGroupRepresentatives(5, 2)).toEqual([]);
    expect(validateGroupRepresentatives(10, 3).map((e) => e.field)).toEqual(['representatives']);
    expect(validateGroupRepresentatives(8, 0)).toHaveLength(1);
    expect(validateGroupRepresentatives(11, 5)).toEqual([]);
    expect(validateGroupRepresentatives(30, 6)[0]!.reason.vi).toContain('từ 1 đến 5');
    expect(validateGroupRepresentatives(0, 0).map((e) => e.field)).toEqual(['groupSize']);
    expect(validateGroupRepresentatives(3, 4).map((e) => e.field)).toEqual(['representatives']);
  });
});
