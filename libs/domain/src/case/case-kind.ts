/** What a case is about. One concept, one name: API, DB, code and UI use these values. */
export const CASE_KINDS = [
  'complaint', // khiếu nại
  'denunciation', // tố cáo
  'recommendation', // kiến nghị, phản ánh
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, { vi: string; en: string }> = {
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  recommendation: { vi: 'Kiến nghị, phản ánh', en: 'Recommendation / reflection' },
};
