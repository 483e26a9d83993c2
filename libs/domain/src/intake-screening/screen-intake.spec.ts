import { AgencyTree, type AgencyNode } from '../agencies/agency-tree';
import { agencyNameWords, findNamedAgency, isAboveInHierarchy } from './respondent-agency';
import { MAX_LINKS_PER_FINDING, screenIntake } from './screen-intake';
import type { EarlierCase, IntakeFinding, IntakeSubject } from './screening-types';

const AGENCIES: AgencyNode[] = [
  { code: 'CP', name: 'Chính phủ', level: 'government', parentCode: null },
  { code: 'UBND-HN', name: 'Ủy ban nhân dân thành phố Hà Nội', level: 'province', parentCode: 'CP' },
  { code: 'TTR-HN', name: 'Thanh tra thành phố Hà Nội', level: 'inspectorate', parentCode: 'UBND-HN' },
  { code: 'SO-TNMT-HN', name: 'Sở Nông nghiệp và Môi trường Hà Nội', level: 'department', parentCode: 'UBND-HN' },
  { code: 'UBND-PHUONG-HK', name: 'Ủy ban nhân dân phường Hoàn Kiếm', level: 'commune', parentCode: 'UBND-HN' },
  { code: 'UBND-PHUONG-BD', name: 'Ủy ban nhân dân phường Ba Đình', level: 'commune', parentCode: 'UBND-HN' },
  { code: 'UBND-DN', name: 'Ủy ban nhân dân thành phố Đà Nẵng', level: 'province', parentCode: 'CP' },
];
const tree = new AgencyTree(AGENCIES);

const subject = (over: Partial<IntakeSubject> = {}): IntakeSubject => ({ kind: 'complaint', agencyCode: 'UBND-PHUONG-HK', receivedOn: '2026-11-26', channel: 'post', ...over });

let seq = 0;
const earlier = (over: Partial<EarlierCase> = {}): EarlierCase => ({
  code: `UBND-PHUONG-BD-2026-${String(++seq).padStart(6, '0')}`,
  kind: 'complaint',
  status: 'accepted',
  agencyCode: 'UBND-PHUONG-BD',
  receivedOn: '2026-10-01',
  overdue: false,
  parentCaseCode: null,
  similarity: 0.8,
  containment: 0.9,
  sharedPersons: [{ denouncer: false, matchedOn: ['id_number'] }],
  ...over,
});

const summary = (findings: IntakeFinding[]) => findings.map((f) => [f.type, f.reason, f.links.map((l) => l.code)]);
const groundCitations = (f: IntakeFinding | undefined) => f?.grounds.map((g) => g.ground.citation);

describe('intake screening: possible duplicates', () => {
  it('links an open case of the same person with similar content at another agency, Vietnamese first, with its citation', () => {
    const open = earlier();
    const [finding, ...rest] = screenIntake(subject(), [open], tree);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      type: 'possible_duplicate',
      reason: 'open_case',
      label: { vi: 'Có thể trùng đơn', en: 'Possible duplicate' },
      citation: 'Thông tư 05/2021/TT-TTCP, Điều 6',
      confidence: 'check',
      links: [{ code: open.code, agencyCode: 'UBND-PHUONG-BD', score: 0.9, denouncer: false }],
    });
    expect(finding!.grounds.map((g) => `${g.list}/${g.ground.code}`)).toEqual(['letter_refusal/copy_to_several_agencies']);
  });

  it('suggests no "sent to several agencies" ground when the open case is at the same agency', () => {
    const [finding] = screenIntake(subject(), [earlier({ agencyCode: 'UBND-PHUONG-HK' })], tree);
    expect(finding).toMatchObject({ type: 'possible_duplicate', grounds: [] });
    expect(finding!.citation).toContain('Thông tư 05/2021/TT-TTCP');
  });

  it('finds nothing from a case with no person in common, however similar its content', () => {
    expect(screenIntake(subject(), [earlier({ sharedPersons: [], similarity: 1, containment: 1 })], tree)).toEqual([]);
  });

  it('finds nothing from the same person’s other matters (content below both thresholds)', () => {
    expect(screenIntake(subject(), [earlier({ similarity: 0.45, containment: 0.43 })], tree)).toEqual([]);
  });

  it('counts a letter that contains an earlier one (new facts added) as similar', () => {
    expect(summary(screenIntake(subject(), [earlier({ code: 'X-2026-000001', similarity: 0.3, containment: 0.95 })], tree))).toEqual([['possible_duplicate', 'open_case', ['X-2026-000001']]]);
  });

  it('never flags the case it deliberately follows, nor a letter already split into cases', () => {
    const parent = earlier({ code: 'UBND-PHUONG-HK-2026-000009', status: 'decision_sent' });
    expect(screenIntake(subject({ kind: 'complaint_second_level', parentCaseCode: parent.code }), [parent], tree)).toEqual([]);
    expect(screenIntake(subject(), [earlier({ kind: 'letter', status: 'classified' })], tree)).toEqual([]);
  });

  it('orders links by content score and keeps at most MAX_LINKS_PER_FINDING', () => {
    const many = Array.from({ length: MAX_LINKS_PER_FINDING + 5 }, (_, i) => earlier({ similarity: 0.5 + i / 100, containment: 0 }));
    const [finding] = screenIntake(subject(), many, tree);
    expect(finding!.links).toHaveLength(MAX_LINKS_PER_FINDING);
    expect(finding!.links[0]!.score).toBeCloseTo(0.5 + (MAX_LINKS_PER_FINDING + 4) / 100);
    expect(finding!.links.map((l) => l.score)).toEqual([...finding!.links.map((l) => l.score)].sort((a, b) => b - a));
  });

  it('marks a link whose person in common is that case’s denouncer (the api audits the disclosure)', () => {
    const [finding] = screenIntake(subject({ kind: 'denunciation' }), [earlier({ kind: 'denunciation', sharedPersons: [{ denouncer: true, matchedOn: ['phone'] }] })], tree);
    expect(finding!.links[0]!.denouncer).toBe(true);
  });
});

describe('intake screening: repeats of resolved matters', () => {
  it('suggests Luật KN Art. 11 khoản 7 for a complaint already decided at second level', () => {
    const decided = earlier({ kind: 'complaint_second_level', status: 'closed' });
    const findings = screenIntake(subject(), [decided], tree);
    expect(summary(findings)).toEqual([['repeat', 'resolved_matter', [decided.code]]]);
    expect(findings[0]).toMatchObject({ label: { vi: 'Đơn lặp lại vụ việc đã giải quyết' }, citation: 'Luật Khiếu nại 2011, Điều 11 khoản 7' });
    expect(findings[0]!.grounds[0]).toMatchObject({ list: 'complaint_refusal', ground: { code: 'second_level_decided' } });
  });

  it('suggests Art. 11 khoản 8 for a complaint terminated earlier', () => {
    const [finding] = screenIntake(subject(), [earlier({ status: 'terminated' })], tree);
    expect(groundCitations(finding)).toEqual(['Luật Khiếu nại 2011, Điều 11 khoản 8']);
  });

  it('sends a complaint decided at first level to the second level (KN-05), refused after the window', () => {
    const decided = earlier({ status: 'decision_sent' });
    const [finding] = screenIntake(subject(), [decided], tree);
    expect(finding).toMatchObject({ type: 'repeat', reason: 'first_level_decided', links: [{ code: decided.code }] });
    expect(finding!.citation).toBe('Luật Khiếu nại 2011, Điều 33; Luật Khiếu nại 2011, Điều 11 khoản 6');
    expect(finding!.advice.vi).toContain('Khiếu nại lần hai');
  });

  it('refuses a denunciation already resolved without new information (Luật TC Art. 29), also one arising from a resolved complaint', () => {
    const resolved = earlier({ kind: 'denunciation', status: 'conclusion_sent', sharedPersons: [{ denouncer: true, matchedOn: ['id_number'] }] });
    const fromComplaint = earlier({ kind: 'complaint', status: 'closed' });
    const [finding] = screenIntake(subject({ kind: 'denunciation' }), [resolved, fromComplaint], tree);
    expect(finding).toMatchObject({ type: 'repeat', reason: 'resolved_matter', citation: 'Luật Tố cáo 2018, Điều 29' });
    expect(finding!.links.map((l) => l.code).sort()).toEqual([resolved.code, fromComplaint.code].sort());
    expect(finding!.grounds.map((g) => g.ground.code)).toEqual(['not_resolved_without_new_facts']);
  });

  it('does not call a complaint a repeat of a resolved denunciation (another procedure)', () => {
    expect(screenIntake(subject(), [earlier({ kind: 'denunciation', status: 'closed' })], tree)).toEqual([]);
  });

  it('suggests refusing to receive a citizen who repeats a resolved matter in person (Luật TCD Art. 9 khoản 3)', () => {
    const resolved = earlier({ status: 'closed', kind: 'complaint_second_level' });
    expect(groundCitations(screenIntake(subject({ kind: 'reception', channel: 'in_person' }), [resolved], tree)[0])).toEqual(['Luật Tiếp công dân 2013, Điều 9 khoản 3']);
    expect(groundCitations(screenIntake(subject({ channel: 'in_person' }), [resolved], tree)[0])).toEqual(['Luật Khiếu nại 2011, Điều 11 khoản 7', 'Luật Tiếp công dân 2013, Điều 9 khoản 3']);
    // Refused before (not resolved on the merits): no reception refusal for that.
    expect(groundCitations(screenIntake(subject({ kind: 'letter', channel: 'in_person' }), [earlier({ status: 'refused' })], tree)[0])).toEqual(['Thông tư 05/2021/TT-TTCP, Điều 6']);
  });
});

describe('intake screening: bypassing levels (vượt cấp)', () => {
  const pendingBelow = earlier({ code: 'UBND-PHUONG-HK-2026-000042', agencyCode: 'UBND-PHUONG-HK', status: 'verifying' });

  it('flags a complaint sent to the province while the same person’s complaint is pending at the ward, citing Luật KN Art. 7 and 33', () => {
    const findings = screenIntake(subject({ agencyCode: 'UBND-HN' }), [pendingBelow], tree);
    expect(summary(findings)).toEqual([
      ['possible_duplicate', 'open_case', [pendingBelow.code]],
      ['bypassing_levels', 'first_level_pending', [pendingBelow.code]],
    ]);
    expect(findings[1]).toMatchObject({ label: { vi: 'Có dấu hiệu khiếu nại vượt cấp' }, citation: 'Luật Khiếu nại 2011, Điều 7; Luật Khiếu nại 2011, Điều 33', confidence: 'confirmed' });
  });

  it('counts the province’s inspectorate as the province', () => {
    expect(screenIntake(subject({ agencyCode: 'TTR-HN' }), [pendingBelow], tree).map((f) => f.reason)).toContain('first_level_pending');
  });

  it('does not flag a first level that is overdue (the complainant may go up), a sibling ward, or another province', () => {
    expect(screenIntake(subject({ agencyCode: 'UBND-HN' }), [{ ...pendingBelow, overdue: true }], tree).map((f) => f.reason)).toEqual(['open_case']);
    expect(screenIntake(subject({ agencyCode: 'UBND-PHUONG-BD' }), [pendingBelow], tree).map((f) => f.reason)).toEqual(['open_case']);
    expect(screenIntake(subject({ agencyCode: 'UBND-DN' }), [pendingBelow], tree).map((f) => f.reason)).toEqual(['open_case']);
  });

  it('flags a denunciation sent up while a similar one is pending below and not overdue (TC-09)', () => {
    const below = { ...pendingBelow, kind: 'denunciation' as const, sharedPersons: [{ denouncer: true, matchedOn: ['id_number' as const] }] };
    const [, bypass] = screenIntake(subject({ kind: 'denunciation', agencyCode: 'UBND-HN' }), [below], tree);
    expect(bypass).toMatchObject({ reason: 'denunciation_pending', citation: 'Luật Tố cáo 2018, Điều 37 khoản 1 điểm b, Điều 38', links: [{ denouncer: true }] });
  });

  it('flags a first-level complaint against a ward’s decision lodged at the province, naming the competent ward', () => {
    const [finding] = screenIntake(subject({ agencyCode: 'UBND-HN', respondentBody: 'Chủ tịch UBND phường Hoàn Kiếm, thành phố Hà Nội' }), [], tree);
    expect(finding).toMatchObject({ type: 'bypassing_levels', reason: 'respondent_first_level', competentAgencyCode: 'UBND-PHUONG-HK', links: [], confidence: 'check' });
    expect(finding!.citation).toMatch(/^Luật Khiếu nại 2011, Điều 7; Luật Khiếu nại 2011 \(sửa đổi bởi Luật 136\/2025\/QH15\), Điều 17/);
  });

  it('does not flag a complaint lodged with the body complained about, a denunciation, or an unknown body', () => {
    expect(screenIntake(subject({ respondentBody: 'Ủy ban nhân dân phường Hoàn Kiếm' }), [], tree)).toEqual([]);
    expect(screenIntake(subject({ kind: 'denunciation', agencyCode: 'UBND-HN', respondentBody: 'UBND phường Hoàn Kiếm' }), [], tree)).toEqual([]);
    expect(screenIntake(subject({ agencyCode: 'UBND-HN', respondentBody: 'Công ty TNHH Xây dựng Hoàn Kiếm' }), [], tree)).toEqual([]);
    expect(screenIntake(subject({ agencyCode: 'UBND-HN', respondentBody: 'Ủy ban nhân dân thành phố Đà Nẵng' }), [], tree)).toEqual([]);
  });
});

describe('finding the agency a free-text respondent names', () => {
  it('reads names without diacritics, case or the UBND abbreviation, and codes', () => {
    expect(agencyNameWords('Chủ tịch UBND Phường Hoàn Kiếm (TP Hà Nội)')).toBe('chu tich uy ban nhan dan phuong hoan kiem thanh pho ha noi');
    expect(findNamedAgency(tree, 'uy ban nhan dan phuong hoan kiem')?.code).toBe('UBND-PHUONG-HK');
    expect(findNamedAgency(tree, 'Quyết định số 5 của UBND-PHUONG-BD')?.code).toBe('UBND-PHUONG-BD');
    expect(findNamedAgency(tree, 'Giám đốc Sở Nông nghiệp và Môi trường Hà Nội')?.code).toBe('SO-TNMT-HN');
  });

  it('prefers the longest name, and gives none when two agencies are named alike or none is', () => {
    expect(findNamedAgency(tree, 'Ủy ban nhân dân thành phố Hà Nội')?.code).toBe('UBND-HN');
    expect(findNamedAgency(tree, 'UBND-PHUONG-HK và UBND-PHUONG-BD')).toBeUndefined();
    expect(findNamedAgency(tree, 'Ban quản lý chợ')).toBeUndefined();
    expect(findNamedAgency(tree, null)).toBeUndefined();
  });

  it('knows which agency is above which, an inspectorate standing for its body', () => {
    expect(isAboveInHierarchy(tree, 'UBND-HN', 'UBND-PHUONG-HK')).toBe(true);
    expect(isAboveInHierarchy(tree, 'TTR-HN', 'UBND-PHUONG-HK')).toBe(true);
    expect(isAboveInHierarchy(tree, 'UBND-HN', 'TTR-HN')).toBe(false);
    expect(isAboveInHierarchy(tree, 'UBND-PHUONG-HK', 'UBND-HN')).toBe(false);
    expect(isAboveInHierarchy(tree, 'UBND-PHUONG-HK', 'UBND-PHUONG-HK')).toBe(false);
  });
});
