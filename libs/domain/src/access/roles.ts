import type { LocalizedText } from '../calendar';

/**
 * Who acts in the system. One concept, one name: the same ids in tokens, permissions, audit
 * events and the lifecycle tables ("who may trigger a transition").
 */
export const ROLES = [
  'intake_officer', // cán bộ tiếp dân, xử lý đơn
  'handling_officer', // cán bộ được giao xác minh, giải quyết
  'agency_head', // thủ trưởng cơ quan, người có thẩm quyền giải quyết
  'inspector', // thanh tra cùng cấp
  'superior_inspector', // thanh tra cấp trên
  'admin', // quản trị hệ thống
  'auditor', // kiểm toán nhật ký (chỉ đọc)
  'citizen', // người dân (tra cứu)
] as const;

export type Role = (typeof ROLES)[number];

/** The workflow itself (timers, escalation): never a person. */
export const SYSTEM_ACTOR = 'system';

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  intake_officer: { vi: 'Cán bộ tiếp nhận, xử lý đơn', en: 'Intake officer' },
  handling_officer: { vi: 'Cán bộ thụ lý, xác minh', en: 'Handling officer' },
  agency_head: { vi: 'Thủ trưởng cơ quan', en: 'Agency head' },
  inspector: { vi: 'Thanh tra viên', en: 'Inspector' },
  superior_inspector: { vi: 'Thanh tra cấp trên', en: 'Superior inspector' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  auditor: { vi: 'Kiểm tra nhật ký', en: 'Auditor (read-only)' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
