import type { LegalRule, RuleVersion } from './rule-types';

/**
 * The legal rule table (shared/domain/legal-rules.md), as data: correct a period, a citation or
 * an effective date here and the calculator follows without a code change. A case uses the
 * version in force on the date of the event that starts its clock (`ruleVersionAt`).
 * Rows marked `check` were read from copies of uneven quality (Law 136/2025/QH15 and
 * NĐ 154–156/2026, in force 01/07/2026) and must be confirmed against the official gazette.
 *
 * In force: Luật Khiếu nại 02/2011/QH13 from 01/07/2012; Luật Tố cáo 25/2018/QH14 from
 * 01/01/2019; Luật Tiếp công dân 42/2013/QH13 from 01/07/2014; Nghị định 124/2020/NĐ-CP from
 * 19/10/2020; Law 136/2025/QH15 and its decrees from 01/07/2026.
 */

const LUAT_KN = 'Luật Khiếu nại 2011';
const LUAT_TC = 'Luật Tố cáo 2018';
const LUAT_TCD = 'Luật Tiếp công dân 2013';

/**
 * Acceptance periods (thụ lý) of first- and second-level complaints share their history:
 * "10 ngày" in the Law (calendar days); 10 working days under NĐ 124 from its entry into force
 * (legal-rules.md: treat 10 working days as the rule 2020-10-19 – 2026-06-30); 7 working days
 * under NĐ 155/2026 from 01/07/2026 (check).
 */
function complaintAcceptanceVersions(lawArticle: string, decree124: { citation: string; confidence: 'confirmed' | 'check' }): RuleVersion[] {
  return [
    {
      version: 1,
      effectiveFrom: '2012-07-01',
      effectiveTo: '2020-10-18',
      period: { kind: 'forward', unit: 'calendar', days: 10 },
      citation: `${LUAT_KN}, ${lawArticle}`,
      confidence: 'confirmed',
      basis: 'statutory',
    },
    {
      version: 2,
      effectiveFrom: '2020-10-19',
      effectiveTo: '2026-06-30',
      period: { kind: 'forward', unit: 'working', days: 10 },
      citation: `${LUAT_KN}, ${lawArticle}; ${decree124.citation}`,
      confidence: decree124.confidence,
      basis: 'statutory',
      note: {
        vi: 'Luật ghi "10 ngày"; Nghị định 124/2020/NĐ-CP ghi "10 ngày làm việc" — áp dụng ngày làm việc theo legal-rules.md (cần ý kiến pháp chế về thứ bậc văn bản).',
        en: 'The Law says "10 days"; Decree 124/2020 says "10 working days" — working days applied per legal-rules.md (legal review of the hierarchy of norms advised).',
      },
    },
    {
      version: 3,
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      period: { kind: 'forward', unit: 'working', days: 7 },
      citation: `${LUAT_KN}, ${lawArticle} (sửa đổi bởi Luật 136/2025/QH15); Nghị định 155/2026/NĐ-CP, Điều 10`,
      confidence: 'check',
      basis: 'statutory',
    },
  ];
}

/** A rule with a single version in force from `effectiveFrom`. */
function single(version: Omit<RuleVersion, 'version' | 'effectiveTo'>): RuleVersion[] {
  return [{ version: 1, effectiveTo: null, ...version }];
}

/** Marks a citation whose article has not been identified yet (always with confidence `check`). */
export const ARTICLE_TO_IDENTIFY = 'điều khoản cần xác định';

const KN_FROM = '2012-07-01';
const TC_FROM = '2019-01-01';
const TCD_FROM = '2014-07-01';

export const LEGAL_RULES: readonly LegalRule[] = [
  // ── Complaints (khiếu nại hành chính) ────────────────────────────────────────────────
  {
    id: 'KN-01',
    area: 'complaint',
    title: { vi: 'Thời hiệu khiếu nại', en: 'Limitation period to lodge a complaint' },
    startEvent: 'knowledge_of_act',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 90 },
      citation: `${LUAT_KN}, Điều 9`,
      confidence: 'confirmed',
      basis: 'statutory',
      note: {
        vi: 'Thời gian có trở ngại khách quan (ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa…) không tính vào thời hiệu: nhập như một khoảng tạm dừng.',
        en: 'Time lost to objective obstacles (illness, natural disaster, war, study or work far away…) is not counted: enter it as a suspension interval.',
      },
    }),
  },
  {
    id: 'KN-02',
    area: 'complaint',
    title: { vi: 'Thụ lý khiếu nại lần đầu hoặc thông báo không thụ lý', en: 'First-level acceptance or refusal with reasons' },
    startEvent: 'receipt',
    versions: complaintAcceptanceVersions('Điều 27', { citation: 'Nghị định 124/2020/NĐ-CP, Điều 16', confidence: 'confirmed' }),
  },
  {
    id: 'KN-03',
    area: 'complaint',
    title: { vi: 'Giải quyết khiếu nại lần đầu', en: 'First-level resolution' },
    startEvent: 'acceptance',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 30, variants: { complex: 45, remote: 45, remoteComplex: 60 } },
      citation: `${LUAT_KN}, Điều 28`,
      confidence: 'confirmed',
      basis: 'statutory',
      suspensionRule: 'KN-11',
    }),
  },
  {
    id: 'KN-04',
    area: 'complaint',
    title: { vi: 'Gửi quyết định giải quyết lần đầu cho người khiếu nại và người có liên quan', en: 'Send the first-level decision to the complainant and parties' },
    startEvent: 'decision',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'working', days: 3 },
      citation: `${LUAT_KN}, Điều 31`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KN-05',
    area: 'complaint',
    title: { vi: 'Thời hạn khiếu nại lần hai hoặc khởi kiện', en: 'Window for a second-level complaint or a lawsuit' },
    startEvent: 'first_decision_or_expiry',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 30, variants: { remote: 45 } },
      citation: `${LUAT_KN}, Điều 33`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KN-06',
    area: 'complaint',
    title: { vi: 'Thụ lý khiếu nại lần hai', en: 'Second-level acceptance' },
    startEvent: 'receipt',
    // legal-rules.md gives "as KN-02" without the NĐ 124 article for the second level: check.
    versions: complaintAcceptanceVersions('Điều 36', { citation: 'Nghị định 124/2020/NĐ-CP (như KN-02)', confidence: 'check' }),
  },
  {
    id: 'KN-07',
    area: 'complaint',
    title: { vi: 'Giải quyết khiếu nại lần hai (bắt buộc đối thoại)', en: 'Second-level resolution (dialogue mandatory)' },
    startEvent: 'acceptance',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 45, variants: { complex: 60, remote: 60, remoteComplex: 70 } },
      citation: `${LUAT_KN}, Điều 37, Điều 39`,
      confidence: 'confirmed',
      basis: 'statutory',
      suspensionRule: 'KN-11',
    }),
  },
  {
    id: 'KN-08',
    area: 'complaint',
    title: { vi: 'Gửi quyết định giải quyết lần hai', en: 'Send the second-level decision' },
    startEvent: 'decision',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 7 },
      citation: `${LUAT_KN}, Điều 41`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KN-09',
    area: 'complaint',
    title: { vi: 'Quyết định giải quyết có hiệu lực nếu không khởi kiện', en: 'Decision becomes final if no lawsuit' },
    startEvent: 'decision_receipt',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 30, variants: { remote: 45 } },
      citation: `${LUAT_KN}, Điều 44`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KN-10',
    area: 'complaint',
    title: { vi: 'Thông báo đối thoại', en: 'Notice of a dialogue (đối thoại)' },
    startEvent: 'dialogue',
    versions: single({
      effectiveFrom: '2020-10-19',
      // "Chậm nhất 05 ngày làm việc trước ngày đối thoại": counted backwards from the dialogue,
      // whose own day is not counted; the result is the latest day the notice may be sent.
      period: { kind: 'backward', unit: 'working', days: 5 },
      citation: 'Nghị định 124/2020/NĐ-CP, Điều 23',
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KN-11',
    area: 'complaint',
    title: { vi: 'Tạm đình chỉ và tiếp tục giải quyết khiếu nại', en: 'Suspension and resumption of a complaint' },
    startEvent: 'resume_decision',
    versions: [
      {
        version: 1,
        effectiveFrom: KN_FROM,
        effectiveTo: '2026-06-30',
        period: {
          kind: 'none',
          reason: {
            vi: 'Quy tắc tính thời gian tạm đình chỉ của thời hạn giải quyết (KN-03, KN-07), không có thời hạn riêng.',
            en: 'Says how a suspension of the resolution period (KN-03, KN-07) is counted; no period of its own.',
          },
        },
        // No article read for the pre-2026 regime: the general principle of legal-rules.md §1.
        citation: 'Nguyên tắc chung về thời hạn (legal-rules.md §1): thời gian tạm đình chỉ không tính vào thời hạn',
        confidence: 'check',
        basis: 'statutory',
        suspensionConvention: 'excluded',
      },
      {
        version: 2,
        effectiveFrom: '2026-07-01',
        effectiveTo: null,
        period: {
          kind: 'none',
          reason: {
            vi: 'Thời hạn giải quyết được tính lại từ đầu kể từ ngày có quyết định tiếp tục giải quyết.',
            en: 'The resolution period is counted afresh from the resume decision.',
          },
        },
        citation: `${LUAT_KN} (sửa đổi bởi Luật 136/2025/QH15); Nghị định 155/2026/NĐ-CP — ${ARTICLE_TO_IDENTIFY}`,
        confidence: 'check',
        basis: 'statutory',
        suspensionConvention: 'restart',
      },
    ],
  },
  {
    id: 'KN-12',
    area: 'complaint',
    title: { vi: 'Không thụ lý lại sau thông báo đình chỉ', en: 'No re-acceptance after a termination notice' },
    startEvent: 'termination_notice',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 30 },
      citation: `${LUAT_KN}, Điều 11 khoản 8`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  // ── Disciplinary complaints (khiếu nại quyết định kỷ luật cán bộ, công chức) ──────────
  {
    id: 'KD-01',
    area: 'disciplinary_complaint',
    title: { vi: 'Thời hiệu khiếu nại quyết định kỷ luật', en: 'Limitation period for a disciplinary complaint' },
    startEvent: 'disciplinary_decision_receipt',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 15 },
      citation: `${LUAT_KN}, Điều 49`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KD-02A',
    area: 'disciplinary_complaint',
    title: { vi: 'Thụ lý khiếu nại quyết định kỷ luật', en: 'Acceptance of a disciplinary complaint' },
    startEvent: 'receipt',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 10 },
      citation: `${LUAT_KN}, Điều 50`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'KD-02B',
    area: 'disciplinary_complaint',
    title: { vi: 'Giải quyết khiếu nại quyết định kỷ luật', en: 'Resolution of a disciplinary complaint' },
    startEvent: 'acceptance',
    versions: single({
      effectiveFrom: KN_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 30, variants: { complex: 45 } },
      citation: `${LUAT_KN}, Điều 51`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  // ── Denunciations (tố cáo) ───────────────────────────────────────────────────────────
  {
    id: 'TC-01',
    area: 'denunciation',
    title: { vi: 'Xử lý ban đầu thông tin tố cáo, kiểm tra điều kiện thụ lý', en: 'Initial processing: check conditions, accept or not' },
    startEvent: 'receipt',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'working', days: 7, variants: { severalSites: 10 } },
      citation: `${LUAT_TC}, Điều 24 khoản 1, Điều 29`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-02',
    area: 'denunciation',
    title: { vi: 'Chuyển tố cáo không thuộc thẩm quyền', en: 'Transfer to the competent person when not competent' },
    startEvent: 'receipt',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'working', days: 5 },
      citation: `${LUAT_TC}, Điều 24 khoản 1 điểm b`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-03',
    area: 'denunciation',
    title: { vi: 'Thông báo thụ lý cho người tố cáo và người bị tố cáo', en: 'Notice of acceptance to the denouncer and the accused' },
    startEvent: 'acceptance_decision',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'working', days: 5 },
      citation: `${LUAT_TC}, Điều 29 khoản 2`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-04',
    area: 'denunciation',
    title: { vi: 'Giải quyết tố cáo', en: 'Resolution of a denunciation' },
    startEvent: 'acceptance',
    versions: single({
      effectiveFrom: TC_FROM,
      // Complex: extended once by 30 days; especially complex: twice, 30 days each (max 90).
      period: { kind: 'forward', unit: 'calendar', days: 30, extension: { days: 30, maxCount: 2 } },
      citation: `${LUAT_TC}, Điều 30; Nghị định 31/2019/NĐ-CP, Điều 3`,
      confidence: 'confirmed',
      basis: 'statutory',
      suspensionRule: 'TC-05',
    }),
  },
  {
    id: 'TC-05',
    area: 'denunciation',
    title: { vi: 'Tạm đình chỉ giải quyết tố cáo: thông báo', en: 'Suspension of a denunciation: notices' },
    startEvent: 'suspension_decision',
    versions: single({
      effectiveFrom: TC_FROM,
      // 5 working days to send the notices; the suspended time is not counted in TC-04.
      period: { kind: 'forward', unit: 'working', days: 5 },
      // legal-rules.md cites Art. 31; in the 2018 Law Art. 31 is verification and Art. 34 covers
      // suspension and termination (notice in clause 3). The Law wins; confirm against the gazette.
      citation: `${LUAT_TC}, Điều 34 khoản 3`,
      confidence: 'check',
      basis: 'statutory',
      suspensionConvention: 'excluded',
    }),
  },
  {
    id: 'TC-06',
    area: 'denunciation',
    title: { vi: 'Gửi kết luận nội dung tố cáo', en: 'Send the conclusion to the denouncer and the accused' },
    startEvent: 'conclusion',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'working', days: 5 },
      // legal-rules.md cites Art. 40, which reads as the publication article; sending is probably Art. 35(3).
      citation: `${LUAT_TC}, Điều 40`,
      confidence: 'check',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-07',
    area: 'denunciation',
    title: { vi: 'Công khai kết luận nội dung tố cáo', en: 'Publish the conclusion (without the denouncer’s identity)' },
    startEvent: 'conclusion',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'working', days: 7 },
      // legal-rules.md cites Art. 45; publication of the conclusion is Art. 40 of the 2018 Law (to confirm).
      citation: `${LUAT_TC}, Điều 40`,
      confidence: 'check',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-08',
    area: 'denunciation',
    title: { vi: 'Xem xét tố cáo tiếp khi cho rằng giải quyết không đúng pháp luật', en: 'Superior reviews a renewed denunciation' },
    startEvent: 'receipt',
    versions: single({
      effectiveFrom: TC_FROM,
      period: { kind: 'forward', unit: 'calendar', days: 20 },
      citation: `${LUAT_TC}, Điều 37`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'TC-09',
    area: 'denunciation',
    title: { vi: 'Quá hạn giải quyết: tố cáo lên cấp trên', en: 'Overdue: the denouncer may go to the superior' },
    startEvent: 'due_date_passed',
    versions: single({
      effectiveFrom: TC_FROM,
      period: {
        kind: 'none',
        reason: {
          vi: 'Không có thời hạn riêng: cấp trên yêu cầu hoàn thành hoặc trực tiếp giải quyết khi nhận được; xem thang báo cáo quá hạn (competence/escalation).',
          en: 'No period of its own: the superior orders completion or takes over on receipt; see the escalation ladder (competence/escalation).',
        },
      },
      citation: `${LUAT_TC}, Điều 37 khoản 1 điểm b, Điều 38`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  // ── Citizen reception and letters (tiếp công dân, xử lý đơn) ─────────────────────────
  {
    id: 'TCD-01',
    area: 'reception',
    title: { vi: 'Trả lời công dân về vụ việc nêu tại buổi tiếp', en: 'Reply to the citizen about a matter raised at reception' },
    startEvent: 'reception',
    versions: single({
      effectiveFrom: TCD_FROM,
      period: { kind: 'forward', unit: 'working', days: 10 },
      citation: `${LUAT_TCD}, Điều 28 khoản 1`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'TCD-02',
    area: 'reception',
    title: { vi: 'Thông báo kết quả vụ việc do đại biểu Quốc hội, đại biểu HĐND chuyển đến', en: 'Report back on matters forwarded by NA / People’s Council deputies' },
    startEvent: 'result_available',
    versions: single({
      effectiveFrom: TCD_FROM,
      // legal-rules.md leaves "from" blank; read as 7 working days from the day the result is available.
      period: { kind: 'forward', unit: 'working', days: 7 },
      citation: `${LUAT_TCD}, Điều 28`,
      confidence: 'check',
      basis: 'statutory',
    }),
  },
  {
    id: 'TCD-03',
    area: 'reception',
    title: { vi: 'Thông báo từ chối tiếp công dân', en: 'Written notice of refusal to receive' },
    startEvent: 'reception',
    versions: single({
      effectiveFrom: TCD_FROM,
      period: { kind: 'forward', unit: 'working', days: 3 },
      citation: `${LUAT_TCD}, Điều 9`,
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'XLD-01',
    area: 'letter',
    title: { vi: 'Xử lý đơn: phân loại, quyết định cách xử lý', en: 'Process a received letter: classify and decide handling' },
    startEvent: 'receipt',
    versions: single({
      // legal-rules.md gives the year only: from 01/01/2021 here; exact date of TT 05/2021 to check.
      effectiveFrom: '2021-01-01',
      period: { kind: 'forward', unit: 'working', days: 10 },
      citation: 'Thông tư 05/2021/TT-TTCP, Điều 4',
      confidence: 'check',
      basis: 'statutory',
      note: { vi: 'Cần xác nhận đơn vị tính (ngày làm việc).', en: 'Unit (working days) to be confirmed.' },
    }),
  },
  {
    id: 'PA-01',
    area: 'recommendation',
    title: { vi: 'Chuyển phản ánh, kiến nghị về quy định hành chính đến cơ quan có thẩm quyền', en: 'Transfer a recommendation on a regulation to the competent body' },
    startEvent: 'receipt',
    versions: single({
      // legal-rules.md gives the year only: from 01/01/2008 here; exact date of NĐ 20/2008 to check.
      effectiveFrom: '2008-01-01',
      period: { kind: 'forward', unit: 'working', days: 5 },
      citation: 'Nghị định 20/2008/NĐ-CP, Điều 9',
      confidence: 'confirmed',
      basis: 'statutory',
    }),
  },
  {
    id: 'PA-02',
    area: 'recommendation',
    title: { vi: 'Giải quyết kiến nghị, phản ánh chung', en: 'Handling of general recommendations and reflections' },
    startEvent: 'acceptance',
    versions: single({
      effectiveFrom: null,
      // Default of the agency's policy; an agency may set another number (facts.policyDays).
      period: { kind: 'forward', unit: 'working', days: 15 },
      citation: 'Không có thời hạn luật định: thời hạn theo chính sách của cơ quan',
      confidence: 'confirmed',
      basis: 'policy',
    }),
  },
];
