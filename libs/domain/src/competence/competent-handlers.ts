import type { RuleConfidence } from '../rules/rule-types';
import { HANDLER_ROLES, type HandlerRole } from './handler-roles';

/** Whose decision or act a complaint is against (legal-rules.md §5). */
export type ComplaintRespondent =
  | 'commune_peoples_committee' // quyết định của UBND cấp xã
  | 'commune_chair' // quyết định, hành vi của Chủ tịch UBND cấp xã
  | 'department_unit' // quyết định của cơ quan, đơn vị thuộc sở
  | 'department_director' // quyết định của Giám đốc sở
  | 'provincial_chair'; // quyết định của Chủ tịch UBND cấp tỉnh

/** Who is denounced (legal-rules.md §5). */
export type DenunciationRespondent =
  | 'civil_servant' // cán bộ, công chức, viên chức
  | 'agency_head'; // người đứng đầu (hoặc cấp phó) cơ quan, tổ chức

export interface Competence {
  readonly firstLevel: HandlerRole;
  /** Second-level complaint handler, or the superior for a renewed denunciation; null when none. */
  readonly secondLevel: HandlerRole | null;
  readonly citation: string;
  readonly confidence: RuleConfidence;
}

// Article numbers are those of Luật Khiếu nại 2011; Law 136/2025/QH15 rewrote them for the
// two-level local government (no district level) — to confirm against the amended text.
const KN_AMENDED = 'Luật Khiếu nại 2011 (sửa đổi bởi Luật 136/2025/QH15)';

/** The commune People's Committee and its chair answer to the same handlers. */
const COMMUNE_COMPETENCE: Competence = {
  firstLevel: HANDLER_ROLES.communeChair,
  secondLevel: HANDLER_ROLES.provincialChair,
  citation: `${KN_AMENDED}, Điều 17, Điều 21`,
  confidence: 'check',
};

const COMPLAINT_COMPETENCE: Record<ComplaintRespondent, Competence> = {
  commune_peoples_committee: COMMUNE_COMPETENCE,
  commune_chair: COMMUNE_COMPETENCE,
  department_unit: {
    firstLevel: HANDLER_ROLES.departmentUnitHead,
    secondLevel: HANDLER_ROLES.departmentDirector,
    citation: `${KN_AMENDED}, Điều 19, Điều 20`,
    confidence: 'check',
  },
  department_director: {
    firstLevel: HANDLER_ROLES.departmentDirector,
    secondLevel: HANDLER_ROLES.provincialChair,
    citation: `${KN_AMENDED}, Điều 20, Điều 21`,
    confidence: 'check',
  },
  provincial_chair: {
    firstLevel: HANDLER_ROLES.provincialChair,
    secondLevel: HANDLER_ROLES.minister,
    citation: `${KN_AMENDED}, Điều 21, Điều 23`,
    confidence: 'check',
  },
};

const DENUNCIATION_COMPETENCE: Record<DenunciationRespondent, Competence> = {
  // The head of the agency managing the civil servant resolves; a renewed denunciation goes to
  // the head of the superior agency (Art. 37).
  civil_servant: {
    firstLevel: HANDLER_ROLES.managingAgencyHead,
    secondLevel: HANDLER_ROLES.superiorAgencyHead,
    citation: 'Luật Tố cáo 2018, Điều 12 khoản 1, Điều 37',
    confidence: 'confirmed',
  },
  // A denunciation of the head (or deputy head) goes straight to the superior agency's head.
  agency_head: {
    firstLevel: HANDLER_ROLES.superiorAgencyHead,
    secondLevel: null,
    citation: 'Luật Tố cáo 2018, Điều 12 khoản 1',
    confidence: 'confirmed',
  },
};

/** Competent first- and second-level handlers of a complaint against `respondent`. */
export function complaintCompetence(respondent: ComplaintRespondent): Competence {
  return COMPLAINT_COMPETENCE[respondent];
}

/** Competent handler of a denunciation of `respondent`, and the superior for a renewed one. */
export function denunciationCompetence(respondent: DenunciationRespondent): Competence {
  return DENUNCIATION_COMPETENCE[respondent];
}
