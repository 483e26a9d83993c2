import type { Role } from './roles';

/**
 * What the api lets each role do: one table to read and to test (ghostfolio's permissions.ts
 * style). Every endpoint declares the permission it needs (or that it is public); a test walks
 * role × endpoint × own/other agency. Which lifecycle command a role may send is the lifecycle
 * tables' business; `act_on_case` only lets the request reach the workflow.
 */
export const PERMISSIONS = [
  'register_case', // tiếp nhận
  'read_case', // xem vụ việc (scoped to the agencies the user may see)
  'list_cases',
  'act_on_case', // gửi lệnh xử lý (the lifecycle table decides which)
  'read_case_events', // nhật ký vụ việc
  'verify_audit',
  'reveal_identity', // xem danh tính người tố cáo (with a reason; audited; only the case's handler or deciding head)
  'upload_attachment',
  'read_attachment',
  'preview_deadline',
  'read_rules',
  'read_calendar',
  'load_calendar_year',
  'read_agencies',
  'manage_users',
  'manage_agencies',
  'generate_report', // lập báo cáo định kỳ (Thông tư 01/2024/TT-TTCP), within the user's jurisdiction
  'read_report', // xem, tải báo cáo định kỳ
  'read_notifications', // thông báo và tình trạng gửi (overseers: their agencies'; other officers: their own)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['read_case', 'list_cases', 'read_case_events', 'read_attachment', 'preview_deadline', 'read_rules', 'read_calendar', 'read_agencies'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  intake_officer: [...READ, 'register_case', 'act_on_case', 'upload_attachment', 'read_notifications'],
  handling_officer: [...READ, 'act_on_case', 'upload_attachment', 'reveal_identity', 'read_notifications'],
  agency_head: [...READ, 'register_case', 'act_on_case', 'upload_attachment', 'reveal_identity', 'generate_report', 'read_report', 'read_notifications'],
  inspector: [...READ, 'verify_audit', 'generate_report', 'read_report', 'read_notifications'],
  superior_inspector: [...READ, 'verify_audit', 'generate_report', 'read_report', 'read_notifications'],
  admin: ['read_rules', 'read_calendar', 'read_agencies', 'preview_deadline', 'load_calendar_year', 'manage_users', 'manage_agencies', 'verify_audit', 'read_notifications'],
  auditor: ['read_case_events', 'verify_audit', 'read_rules', 'read_calendar', 'read_agencies'],
  // Citizens only track their own case (public endpoint with code + secret), nothing here.
  citizen: [],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
