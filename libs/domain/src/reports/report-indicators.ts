import type { LocalizedText } from '../calendar';
import type { CaseKind } from '../case';

/**
 * The indicators of the periodic report (Thông tư 01/2024/TT-TTCP; legal-rules.md §6), as data:
 * one entry per column of the official tables, numbered within its section the way the biểu mẫu
 * number theirs, each with its label, level and citation. What each one counts is written in
 * report-figures.ts (one place per definition); what the law asks for and donthu does not record
 * is listed in REPORT_NOT_COVERED, which the report prints in its notes.
 * (*check*: the layout follows the annex of TT 01/2024 as read from an unofficial copy; confirm
 * the column order against the gazette before relying on it.)
 */

export const REPORT_SECTIONS = ['reception', 'letters', 'complaints', 'denunciations', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportSectionInfo {
  readonly numeral: string;
  readonly title: LocalizedText;
  /** Worksheet name (Excel: at most 31 characters, none of : \ / ? * [ ]). */
  readonly sheetName: string;
}

export const REPORT_SECTION_INFO: Readonly<Record<ReportSection, ReportSectionInfo>> = {
  reception: { numeral: 'I', title: { vi: 'Kết quả tiếp công dân', en: 'Citizen reception' }, sheetName: 'I. Tiếp công dân' },
  letters: { numeral: 'II', title: { vi: 'Kết quả xử lý đơn', en: 'Handling of letters' }, sheetName: 'II. Xử lý đơn' },
  complaints: { numeral: 'III', title: { vi: 'Kết quả giải quyết khiếu nại', en: 'Resolution of complaints' }, sheetName: 'III. Khiếu nại' },
  denunciations: { numeral: 'IV', title: { vi: 'Kết quả giải quyết tố cáo', en: 'Resolution of denunciations' }, sheetName: 'IV. Tố cáo' },
  recommendations: { numeral: 'V', title: { vi: 'Kết quả xử lý kiến nghị, phản ánh', en: 'Recommendations and reflections' }, sheetName: 'V. Kiến nghị, phản ánh' },
};

/** First level (lần đầu) and second level (lần hai; for denunciations the superior's review, tố cáo tiếp). */
export type IndicatorLevel = 'first' | 'second';
export type IndicatorUnit = 'count' | 'persons' | 'rate';

export interface IndicatorDefinition {
  /** `section.measure[.breakdown]`, e.g. `complaints.resolved.first`. */
  readonly id: string;
  readonly section: ReportSection;
  /** Column number within the section's table: (1), (2)… */
  readonly no: number;
  readonly measure: string;
  /** The header over the column (shared by the columns of one measure). */
  readonly group: LocalizedText;
  /** The sub-header (level, kind of letter), null when the measure has one column. */
  readonly column: LocalizedText | null;
  readonly level: IndicatorLevel | null;
  readonly unit: IndicatorUnit;
  readonly citation: string;
}

/** Kinds of letter the handling table breaks down by (all, then each kind of content). */
export const LETTER_KIND_GROUPS = ['all', 'complaint', 'denunciation', 'recommendation', 'unclassified'] as const;
export type LetterKindGroup = (typeof LETTER_KIND_GROUPS)[number];

const LETTER_KIND_GROUP_LABELS: Readonly<Record<LetterKindGroup, LocalizedText>> = {
  all: { vi: 'Tổng', en: 'Total' },
  complaint: { vi: 'Khiếu nại', en: 'Complaints' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciations' },
  recommendation: { vi: 'Kiến nghị, phản ánh', en: 'Recommendations' },
  unclassified: { vi: 'Chưa phân loại, nhiều nội dung', en: 'Not yet classified, several contents' },
};

/** The kind group of a letter (đơn) by what it is about; receptions are not letters. */
export function letterKindGroup(kind: CaseKind): Exclude<LetterKindGroup, 'all'> | undefined {
  switch (kind) {
    case 'complaint':
    case 'complaint_second_level':
    case 'disciplinary_complaint':
      return 'complaint';
    case 'denunciation':
    case 'denunciation_review':
      return 'denunciation';
    case 'recommendation':
      return 'recommendation';
    case 'letter':
      return 'unclassified';
    case 'reception':
      return undefined;
  }
}

/**
 * Which resolution section and level a case kind is reported in. A complaint against a
 * disciplinary decision (Luật KN Chương IV) is reported with first-level complaints; a renewed
 * denunciation reviewed by the superior (Luật TC Art. 37) is the denunciations' second level.
 */
export function resolutionSectionOf(kind: CaseKind): { section: 'complaints' | 'denunciations' | 'recommendations'; level: IndicatorLevel | null } | undefined {
  switch (kind) {
    case 'complaint':
    case 'disciplinary_complaint':
      return { section: 'complaints', level: 'first' };
    case 'complaint_second_level':
      return { section: 'complaints', level: 'second' };
    case 'denunciation':
      return { section: 'denunciations', level: 'first' };
    case 'denunciation_review':
      return { section: 'denunciations', level: 'second' };
    case 'recommendation':
      return { section: 'recommendations', level: null };
    default:
      return undefined;
  }
}

const LEVEL_LABELS: Readonly<Record<IndicatorLevel, LocalizedText>> = {
  first: { vi: 'Lần đầu', en: 'First level' },
  second: { vi: 'Lần hai', en: 'Second level' },
};
const DENUNCIATION_LEVEL_LABELS: Readonly<Record<IndicatorLevel, LocalizedText>> = {
  first: { vi: 'Tố cáo', en: 'Denunciations' },
  second: { vi: 'Tố cáo tiếp', en: 'Reviews (renewed)' },
};

const TT_01 = 'Thông tư 01/2024/TT-TTCP';
const TT_05 = 'Thông tư 05/2021/TT-TTCP';
const LUAT_TCD = 'Luật Tiếp công dân 2013';

interface MeasureSpec {
  measure: string;
  group: LocalizedText;
  unit?: IndicatorUnit;
  citation?: string;
}

type Breakdown = { key: string; label: LocalizedText | null; level: IndicatorLevel | null; citation: string };

/** The catalogue of one section: each measure × each breakdown, numbered in order. */
function section(name: ReportSection, blocks: Array<{ measures: MeasureSpec[]; breakdowns: Breakdown[] }>): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  for (const block of blocks) {
    for (const m of block.measures) {
      for (const b of block.breakdowns) {
        out.push({
          id: [name, m.measure, ...(b.key ? [b.key] : [])].join('.'),
          section: name,
          no: out.length + 1,
          measure: m.measure,
          group: m.group,
          column: b.label,
          level: b.level,
          unit: m.unit ?? 'count',
          citation: m.citation ? `${b.citation}; ${m.citation}` : b.citation,
        });
      }
    }
  }
  return out;
}

const single = (citation: string): Breakdown[] => [{ key: '', label: null, level: null, citation }];
const ON_TIME_CITATION = `${TT_01} (tỷ lệ giải quyết đúng hạn)`;

/** The measures of a resolution section (complaints, denunciations), per level. */
function resolutionMeasures(what: { received: string; decided: string; withdrawn: boolean }): MeasureSpec[] {
  return [
    { measure: 'received', group: { vi: `Đơn ${what.received} tiếp nhận trong kỳ`, en: 'Received in the period' } },
    { measure: 'accepted', group: { vi: 'Thụ lý trong kỳ', en: 'Accepted (thụ lý) in the period' } },
    { measure: 'refused', group: { vi: 'Không thụ lý', en: 'Refused (not accepted)' } },
    { measure: 'carried_over', group: { vi: 'Đang giải quyết kỳ trước chuyển sang', en: 'Being resolved, carried over from the previous period' } },
    { measure: 'to_resolve', group: { vi: 'Tổng số vụ việc phải giải quyết', en: 'To resolve in the period' } },
    { measure: 'resolved', group: { vi: 'Đã giải quyết', en: 'Resolved' } },
    { measure: 'resolved_by_decision', group: { vi: `Trong đó: bằng ${what.decided}`, en: 'of which by a decision or conclusion' } },
    ...(what.withdrawn ? [{ measure: 'withdrawn', group: { vi: 'Trong đó: rút đơn, đình chỉ giải quyết', en: 'of which withdrawn or terminated' } }] : []),
    { measure: 'on_time', group: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' }, citation: ON_TIME_CITATION },
    { measure: 'late', group: { vi: 'Giải quyết quá hạn', en: 'Resolved late' }, citation: ON_TIME_CITATION },
    { measure: 'on_time_rate', group: { vi: 'Tỷ lệ giải quyết đúng hạn (%)', en: 'On-time rate (%)' }, unit: 'rate', citation: ON_TIME_CITATION },
    { measure: 'open_at_cutoff', group: { vi: 'Đang giải quyết tại thời điểm chốt số liệu', en: 'Still being resolved at the cut-off' } },
    { measure: 'overdue_at_cutoff', group: { vi: 'Trong đó: quá hạn', en: 'of which overdue at the cut-off' } },
  ];
}

export const REPORT_INDICATORS: readonly IndicatorDefinition[] = [
  ...section('reception', [
    {
      measures: [
        { measure: 'sessions', group: { vi: 'Số lượt tiếp', en: 'Reception sessions' } },
        { measure: 'persons', group: { vi: 'Số người được tiếp', en: 'Persons received' }, unit: 'persons' },
        { measure: 'cases', group: { vi: 'Số vụ việc nhận trực tiếp', en: 'Matters lodged in person' }, citation: `${LUAT_TCD}, Điều 28` },
      ],
      breakdowns: single(`${LUAT_TCD}; ${TT_01}`),
    },
    {
      measures: [
        { measure: 'large_groups', group: { vi: 'Đoàn đông người (từ 5 người): số đoàn', en: 'Large groups (5 or more): groups' } },
        { measure: 'large_group_persons', group: { vi: 'Đoàn đông người (từ 5 người): số người', en: 'Large groups (5 or more): persons' }, unit: 'persons' },
      ],
      breakdowns: single(`${LUAT_TCD}, Điều 29`),
    },
    { measures: [{ measure: 'refused', group: { vi: 'Từ chối tiếp', en: 'Refused to receive' } }], breakdowns: single(`${LUAT_TCD}, Điều 9`) },
  ]),
  ...section('letters', [
    {
      measures: [
        { measure: 'total', group: { vi: 'Tổng số đơn phải xử lý', en: 'Letters to handle' } },
        { measure: 'received', group: { vi: 'Tiếp nhận trong kỳ', en: 'Received in the period' } },
        { measure: 'carried_over', group: { vi: 'Kỳ trước chuyển sang', en: 'Carried over from the previous period' } },
        { measure: 'processed', group: { vi: 'Đã xử lý trong kỳ', en: 'Handled in the period' } },
        { measure: 'eligible', group: { vi: 'Đủ điều kiện xử lý: đã thụ lý, phân loại', en: 'Eligible: accepted or classified' } },
      ],
      breakdowns: LETTER_KIND_GROUPS.map((g) => ({ key: g, label: LETTER_KIND_GROUP_LABELS[g], level: null, citation: `${TT_05}, Điều 4–7; ${TT_01}` })),
    },
    {
      measures: [
        { measure: 'within_competence', group: { vi: 'Kết quả xử lý: thuộc thẩm quyền', en: 'Outcome: within competence' } },
        { measure: 'transferred', group: { vi: 'Kết quả xử lý: chuyển đơn', en: 'Outcome: transferred' } },
        { measure: 'guided', group: { vi: 'Kết quả xử lý: hướng dẫn', en: 'Outcome: guided to the competent body' } },
        { measure: 'filed', group: { vi: 'Kết quả xử lý: lưu đơn', en: 'Outcome: filed' } },
        { measure: 'refused', group: { vi: 'Kết quả xử lý: không thụ lý', en: 'Outcome: refused' } },
        { measure: 'other', group: { vi: 'Kết quả xử lý: rút đơn, khác', en: 'Outcome: withdrawn, other' } },
        { measure: 'unprocessed', group: { vi: 'Chưa xử lý tại thời điểm chốt số liệu', en: 'Not handled at the cut-off' } },
        { measure: 'unprocessed_overdue', group: { vi: 'Trong đó: quá hạn xử lý', en: 'of which past the handling deadline' } },
      ],
      breakdowns: single(`${TT_05}, Điều 4–7; ${TT_01}`),
    },
  ]),
  ...section('complaints', [
    {
      measures: resolutionMeasures({ received: 'khiếu nại', decided: 'quyết định giải quyết', withdrawn: true }),
      breakdowns: [
        { key: 'first', label: LEVEL_LABELS.first, level: 'first', citation: 'Luật Khiếu nại 2011, Điều 27–31, 50–51 (KN-02, KN-03, KD-02)' },
        { key: 'second', label: LEVEL_LABELS.second, level: 'second', citation: 'Luật Khiếu nại 2011, Điều 36–41 (KN-06, KN-07)' },
      ],
    },
  ]),
  ...section('denunciations', [
    {
      measures: resolutionMeasures({ received: 'tố cáo', decided: 'kết luận nội dung tố cáo', withdrawn: true }),
      breakdowns: [
        { key: 'first', label: DENUNCIATION_LEVEL_LABELS.first, level: 'first', citation: 'Luật Tố cáo 2018, Điều 29, 30, 35 (TC-01, TC-04)' },
        { key: 'second', label: DENUNCIATION_LEVEL_LABELS.second, level: 'second', citation: 'Luật Tố cáo 2018, Điều 37 (TC-08)' },
      ],
    },
  ]),
  ...section('recommendations', [
    {
      measures: resolutionMeasures({ received: 'kiến nghị, phản ánh', decided: 'văn bản trả lời', withdrawn: false }).filter((m) => m.measure !== 'resolved_by_decision'),
      // PA-02 is the agency's own period (policy), never presented as law (legal-rules.md §4).
      breakdowns: single(`Nghị định 20/2008/NĐ-CP; ${TT_05}; thời hạn trả lời PA-02 do cơ quan quy định, không phải luật`),
    },
  ]),
];

export const REPORT_INDICATOR_IDS: readonly string[] = REPORT_INDICATORS.map((i) => i.id);

const BY_ID = new Map(REPORT_INDICATORS.map((i) => [i.id, i]));

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return BY_ID.get(id);
}

export function indicatorsOf(s: ReportSection): IndicatorDefinition[] {
  return REPORT_INDICATORS.filter((i) => i.section === s);
}

/** The full label of an indicator: its header and sub-header. */
export function indicatorLabel(i: IndicatorDefinition): LocalizedText {
  return i.column ? { vi: `${i.group.vi} – ${i.column.vi}`, en: `${i.group.en} – ${i.column.en}` } : i.group;
}

/** Indicators of TT 01/2024 this report does not give: donthu does not record what they count. */
export interface NotCoveredIndicator {
  readonly id: string;
  readonly section: ReportSection | 'other';
  readonly label: LocalizedText;
  readonly reason: LocalizedText;
}

const NOT_RECORDED = (what: string, whatVi: string): LocalizedText => ({ vi: `donthu không ghi nhận ${whatVi}`, en: `donthu does not record ${what}` });

export const REPORT_NOT_COVERED: readonly NotCoveredIndicator[] = [
  {
    id: 'reception.head_sessions',
    section: 'reception',
    label: { vi: 'Lượt tiếp của thủ trưởng cơ quan (định kỳ, đột xuất)', en: 'Sessions held by the head of the agency (regular, ad hoc)' },
    reason: NOT_RECORDED('who received the citizen', 'người tiếp công dân'),
  },
  {
    id: 'reception.repeat_matters',
    section: 'reception',
    label: { vi: 'Vụ việc cũ, vụ việc mới phát sinh', en: 'Matters raised before vs new matters' },
    reason: NOT_RECORDED('links between visits about the same matter', 'liên kết giữa các lượt tiếp cùng một vụ việc'),
  },
  {
    id: 'complaints.merits',
    section: 'complaints',
    label: { vi: 'Khiếu nại đúng, khiếu nại sai, khiếu nại có đúng có sai', en: 'Complaints founded, unfounded, partly founded' },
    reason: NOT_RECORDED('the content of the decision as data (only its number and date)', 'nội dung quyết định giải quyết dưới dạng dữ liệu (chỉ số và ngày văn bản)'),
  },
  {
    id: 'denunciations.merits',
    section: 'denunciations',
    label: { vi: 'Tố cáo đúng, tố cáo sai, tố cáo có đúng có sai', en: 'Denunciations founded, unfounded, partly founded' },
    reason: NOT_RECORDED('the content of the conclusion as data (only its number and date)', 'nội dung kết luận dưới dạng dữ liệu (chỉ số và ngày văn bản)'),
  },
  {
    id: 'money_returned',
    section: 'other',
    label: { vi: 'Số tiền kiến nghị thu hồi cho Nhà nước, trả lại cho tổ chức, cá nhân', en: 'Money to be recovered for the State or returned to organisations and citizens' },
    reason: NOT_RECORDED('amounts of money', 'số tiền'),
  },
  {
    id: 'land_returned',
    section: 'other',
    label: { vi: 'Diện tích đất kiến nghị thu hồi, trả lại cho tổ chức, cá nhân', en: 'Land to be recovered or returned' },
    reason: NOT_RECORDED('areas of land', 'diện tích đất'),
  },
  {
    id: 'people_handled',
    section: 'other',
    label: { vi: 'Số người bị kiến nghị xử lý hành chính, chuyển cơ quan điều tra', en: 'People recommended for disciplinary action or referred to the police' },
    reason: NOT_RECORDED('the persons a decision or conclusion concerns', 'người bị xử lý theo quyết định, kết luận'),
  },
  {
    id: 'people_protected',
    section: 'other',
    label: { vi: 'Số tổ chức, cá nhân được bảo vệ quyền, lợi ích hợp pháp', en: 'Organisations and people whose lawful rights were restored' },
    reason: NOT_RECORDED('the effect of decisions on the parties', 'kết quả bảo vệ quyền lợi của các bên'),
  },
  {
    id: 'enforcement',
    section: 'other',
    label: { vi: 'Thi hành quyết định giải quyết khiếu nại, kết luận nội dung tố cáo', en: 'Enforcement of complaint decisions and denunciation conclusions' },
    reason: NOT_RECORDED('what happens after the decision or conclusion', 'việc thi hành sau quyết định, kết luận'),
  },
  {
    id: 'inspection_anticorruption',
    section: 'other',
    label: { vi: 'Công tác thanh tra, phòng, chống tham nhũng, tiêu cực (các biểu khác của Thông tư 01/2024)', en: 'Inspection and anti-corruption work (the other tables of TT 01/2024)' },
    reason: { vi: 'ngoài phạm vi của donthu', en: 'outside donthu’s scope' },
  },
];
