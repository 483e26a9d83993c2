import type { LocalizedText } from '../calendar/localized-text';

/**
 * Who acts, relative to the agency hierarchy after the 2025 reorganisation (no district level,
 * legal-rules.md §5). `respondent_*` levels are relative to the body whose decision or officer
 * is complained about / denounced; the others are absolute levels of government.
 */
export type HandlerLevel =
  | 'commune' // UBND cấp xã / phường
  | 'department_unit' // cơ quan, đơn vị thuộc sở
  | 'department' // sở và cấp tương đương
  | 'province' // UBND cấp tỉnh
  | 'ministry' // bộ, cơ quan ngang bộ
  | 'managing_agency' // cơ quan, tổ chức quản lý người bị tố cáo
  | 'superior_agency' // cơ quan, tổ chức cấp trên trực tiếp
  | 'same_level' // cùng cấp với cơ quan giải quyết
  | 'superior_level'; // cấp trên của cơ quan giải quyết

export type HandlerFunction =
  | 'chair' // Chủ tịch
  | 'head' // Thủ trưởng, người đứng đầu
  | 'director' // Giám đốc
  | 'minister' // Bộ trưởng
  | 'handling_officer' // cán bộ được giao xử lý
  | 'inspectorate'; // cơ quan thanh tra

export interface HandlerRole {
  readonly level: HandlerLevel;
  readonly role: HandlerFunction;
  readonly label: LocalizedText;
}

function role(level: HandlerLevel, fn: HandlerFunction, vi: string, en: string): HandlerRole {
  return { level, role: fn, label: { vi, en } };
}

export const HANDLER_ROLES = {
  communeChair: role('commune', 'chair', 'Chủ tịch UBND cấp xã', 'Chair of the commune People’s Committee'),
  departmentUnitHead: role('department_unit', 'head', 'Thủ trưởng cơ quan, đơn vị thuộc sở', 'Head of the unit inside the department'),
  departmentDirector: role('department', 'director', 'Giám đốc sở', 'Director of the department'),
  provincialChair: role('province', 'chair', 'Chủ tịch UBND cấp tỉnh', 'Chair of the provincial People’s Committee'),
  minister: role('ministry', 'minister', 'Bộ trưởng quản lý ngành, lĩnh vực', 'Minister in charge of the sector'),
  managingAgencyHead: role('managing_agency', 'head', 'Người đứng đầu cơ quan, tổ chức quản lý người bị tố cáo', 'Head of the agency managing the accused'),
  superiorAgencyHead: role('superior_agency', 'head', 'Người đứng đầu cơ quan, tổ chức cấp trên trực tiếp', 'Head of the directly superior agency'),
  handlingOfficer: role('same_level', 'handling_officer', 'Cán bộ được giao xử lý', 'Handling officer'),
  agencyHead: role('same_level', 'head', 'Thủ trưởng cơ quan giải quyết', 'Head of the handling agency'),
  sameLevelInspectorate: role('same_level', 'inspectorate', 'Thanh tra cùng cấp', 'Inspectorate at the same level'),
  superiorInspectorate: role('superior_level', 'inspectorate', 'Thanh tra cấp trên', 'Superior inspectorate'),
  superiorHead: role('superior_level', 'head', 'Thủ trưởng cơ quan cấp trên', 'Head of the superior agency'),
} as const satisfies Record<string, HandlerRole>;
