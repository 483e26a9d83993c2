import { ROLES, roleMay } from '@donthu/domain';
import { homeFor, mayOpen, NAV_ITEMS, navFor } from './navigation';

describe('role-aware navigation', () => {
  it('shows each role the screens it works with, in menu order', () => {
    expect(navFor('intake_officer').map((i) => i.key)).toEqual(['inbox', 'intake', 'rules']);
    expect(navFor('handling_officer').map((i) => i.key)).toEqual(['inbox', 'rules']);
    expect(navFor('agency_head').map((i) => i.key)).toEqual(['inbox', 'intake', 'dashboard', 'reports', 'rules', 'calendar']);
    expect(navFor('inspector').map((i) => i.key)).toEqual(['inbox', 'dashboard', 'reports', 'rules', 'calendar']);
    expect(navFor('admin').map((i) => i.key)).toEqual(['rules', 'calendar', 'agencies', 'users']);
    expect(navFor('auditor').map((i) => i.key)).toEqual(['rules', 'calendar']);
    expect(navFor('citizen')).toEqual([]);
  });

  it('never offers a screen whose api the role may not call', () => {
    for (const role of ROLES) for (const item of navFor(role)) expect(roleMay(role, item.permission)).toBe(true);
  });

  it('lands each role on its first screen, a citizen on tracking', () => {
    expect(homeFor('intake_officer')).toBe('/inbox');
    expect(homeFor('admin')).toBe('/admin/rules');
    expect(homeFor('citizen')).toBe('/track');
  });

  it('guards deep links the same way', () => {
    expect(mayOpen('handling_officer', '/intake')).toBe(false);
    expect(mayOpen('intake_officer', '/intake')).toBe(true);
    expect(mayOpen('intake_officer', '/admin/users')).toBe(false);
    expect(mayOpen('intake_officer', '/cases/UBND-HN-2026-000001')).toBe(true);
    expect(NAV_ITEMS.every((i) => mayOpen('admin', i.path) === navFor('admin').includes(i))).toBe(true);
  });
});
