import { roleMay, type Permission, type Role } from '@donthu/domain';

export type NavKey = 'inbox' | 'intake' | 'dashboard' | 'reports' | 'rules' | 'calendar' | 'agencies' | 'users';

export interface NavItem {
  key: NavKey;
  path: string;
  /** The api permission the screen needs (libs/domain/src/access/permissions.ts). */
  permission: Permission;
  /** Narrower than the permission: screens meant for some roles only. */
  roles?: readonly Role[];
}

/**
 * The console's screens in menu order. Who sees what follows the one role → permission table the
 * api enforces, so a menu entry never leads to a 403.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'inbox', path: '/inbox', permission: 'list_cases' },
  { key: 'intake', path: '/intake', permission: 'register_case' },
  // Deadline monitoring: the inspectorates' screen, and the heads' view of their own agency.
  { key: 'dashboard', path: '/dashboard', permission: 'list_cases', roles: ['inspector', 'superior_inspector', 'agency_head'] },
  { key: 'reports', path: '/reports', permission: 'read_report' },
  { key: 'rules', path: '/admin/rules', permission: 'read_rules' },
  { key: 'calendar', path: '/admin/calendar', permission: 'read_calendar', roles: ['admin', 'auditor', 'inspector', 'superior_inspector', 'agency_head'] },
  { key: 'agencies', path: '/admin/agencies', permission: 'manage_agencies' },
  { key: 'users', path: '/admin/users', permission: 'manage_users' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => roleMay(role, item.permission) && (item.roles === undefined || item.roles.includes(role)));
}

/** Where a role lands after logging in: its first screen. */
export function homeFor(role: Role): string {
  return navFor(role)[0]?.path ?? '/track';
}

export function mayOpen(role: Role, path: string): boolean {
  const item = NAV_ITEMS.find((i) => path === i.path || path.startsWith(`${i.path}/`));
  return item === undefined || navFor(role).includes(item);
}
