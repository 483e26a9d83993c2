import type { LocalizedText } from '../calendar';

/**
 * What a case is. Each kind has its own lifecycle table (libs/domain/src/lifecycle/kinds).
 * One concept, one name: API, DB, code and UI use these values.
 */
export const CASE_KINDS = [
  'letter', // đơn: a received letter before it is classified and handled (TT 05/2021)
  'complaint', // khiếu nại lần đầu
  'complaint_second_level', // khiếu nại lần hai
  'disciplinary_complaint', // khiếu nại quyết định kỷ luật cán bộ, công chức
  'denunciation', // tố cáo
  'denunciation_review', // tố cáo tiếp: the superior reviews a resolved denunciation (Luật TC Art. 37)
  'recommendation', // kiến nghị, phản ánh
  'reception', // tiếp công dân: a citizen reception record
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, LocalizedText> = {
  letter: { vi: 'Đơn thư (chưa phân loại)', en: 'Letter (not yet classified)' },
  complaint: { vi: 'Khiếu nại lần đầu', en: 'Complaint (first level)' },
  complaint_second_level: { vi: 'Khiếu nại lần hai', en: 'Complaint (second level)' },
  disciplinary_complaint: { vi: 'Khiếu nại quyết định kỷ luật', en: 'Disciplinary complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  denunciation_review: { vi: 'Tố cáo tiếp (xem xét lại)', en: 'Renewed denunciation (review)' },
  recommendation: { vi: 'Kiến nghị, phản ánh', en: 'Recommendation / reflection' },
  reception: { vi: 'Tiếp công dân', en: 'Citizen reception' },
};

export function isCaseKind(value: unknown): value is CaseKind {
  return typeof value === 'string' && (CASE_KINDS as readonly string[]).includes(value);
}
