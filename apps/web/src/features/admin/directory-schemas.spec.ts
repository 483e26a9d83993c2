import type { Agency, StaffUser } from '../../api/types';
import {
  createAgencySchema,
  createUserBody,
  createUserSchema,
  editAgencyBody,
  editAgencyDefaults,
  editAgencySchema,
  editUserBody,
  editUserDefaults,
  editUserSchema,
  STAFF_ROLES,
} from './directory-schemas';

const issues = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const newUser = { username: 'nguyen.van.a', displayName: 'Nguyễn Văn A', role: 'intake_officer', agencyCode: 'UBND-HN', password: 'mat-khau-12-ky-tu', email: '' };
const user: StaffUser = { id: 'u1', username: 'nguyen.van.a', displayName: 'Nguyễn Văn A', role: 'intake_officer', agencyCode: 'UBND-HN', email: 'a@hanoi.gov.vn', disabled: false, locked: true };
const agency: Agency = { code: 'UBND-PHUONG-HK', name: 'Ủy ban nhân dân phường Hoàn Kiếm', level: 'commune', parentCode: 'UBND-HN', active: true, inspectorate: 'TTR-HN', superior: 'UBND-HN' };

describe('admin forms (as the api’s CreateUserDto, UpdateUserDto, CreateAgencyDto, UpdateAgencyDto)', () => {
  it('accepts a new staff account, and refuses what the api refuses, on the field', () => {
    expect(issues(createUserSchema, newUser)).toEqual([]);
    expect(issues(createUserSchema, { ...newUser, email: 'a@hanoi.gov.vn' })).toEqual([]);
    expect(issues(createUserSchema, { ...newUser, username: 'Nguyen Van A' })).toEqual(['username: username']);
    expect(issues(createUserSchema, { ...newUser, username: 'ab' })).toEqual(['username: username']);
    expect(issues(createUserSchema, { ...newUser, displayName: '  ' })).toEqual(['displayName: required']);
    expect(issues(createUserSchema, { ...newUser, displayName: 'x'.repeat(201) })).toEqual(['displayName: tooLong']);
    expect(issues(createUserSchema, { ...newUser, role: 'citizen' })).toEqual(['role: required']);
    expect(issues(createUserSchema, { ...newUser, agencyCode: 'ubnd-hn' })).toEqual(['agencyCode: agencyCode']);
    expect(issues(createUserSchema, { ...newUser, password: 'short-11chr' })).toEqual(['password: password']);
    expect(issues(createUserSchema, { ...newUser, email: 'not an address' })).toEqual(['email: email']);
    expect(STAFF_ROLES).not.toContain('citizen');
    expect(STAFF_ROLES).toContain('admin');
  });

  it('sends no e-mail when none is given, and the name trimmed', () => {
    expect(createUserBody({ ...newUser, displayName: ' Nguyễn Văn A ' })).toEqual({ username: 'nguyen.van.a', displayName: 'Nguyễn Văn A', role: 'intake_officer', agencyCode: 'UBND-HN', password: 'mat-khau-12-ky-tu' });
    expect(createUserBody({ ...newUser, email: 'a@hanoi.gov.vn' })).toMatchObject({ email: 'a@hanoi.gov.vn' });
  });

  it('patches only what changed: an emptied e-mail is removed (null), an empty password is kept', () => {
    const defaults = editUserDefaults(user);
    expect(issues(editUserSchema, defaults)).toEqual([]);
    expect(editUserBody(defaults, user)).toEqual({});
    expect(editUserBody({ ...defaults, role: 'agency_head', email: '', unlock: true }, user)).toEqual({ role: 'agency_head', email: null, unlock: true });
    expect(editUserBody({ ...defaults, disabled: true, password: 'mat-khau-moi-12' }, user)).toEqual({ disabled: true, password: 'mat-khau-moi-12' });
    expect(issues(editUserSchema, { ...defaults, password: 'short' })).toEqual(['password: password']);
  });

  it('accepts a new agency under a parent; refuses a malformed code, an unknown level, no parent', () => {
    const fresh = { code: 'UBND-PHUONG-CD', name: 'Ủy ban nhân dân phường Cửa Nam', level: 'commune', parentCode: 'UBND-HN' };
    expect(issues(createAgencySchema, fresh)).toEqual([]);
    expect(issues(createAgencySchema, { ...fresh, code: 'ubnd-cd' })).toEqual(['code: agencyCode']);
    expect(issues(createAgencySchema, { ...fresh, code: 'X' })).toEqual(['code: agencyCode']);
    expect(issues(createAgencySchema, { ...fresh, level: 'village' })).toEqual(['level: required']);
    expect(issues(createAgencySchema, { ...fresh, parentCode: '' })).toEqual(['parentCode: agencyCode']);
  });

  it('renames, moves or deactivates an agency, sending only what changed', () => {
    const defaults = editAgencyDefaults(agency);
    expect(editAgencyBody(defaults, agency)).toEqual({});
    expect(editAgencyBody({ ...defaults, name: ' Phường Hoàn Kiếm ', active: false }, agency)).toEqual({ name: 'Phường Hoàn Kiếm', active: false });
    expect(editAgencyBody({ ...defaults, parentCode: 'UBND-HCM' }, agency)).toEqual({ parentCode: 'UBND-HCM' });
    // The root has no parent: its empty parent is valid and never sent.
    const root: Agency = { ...agency, code: 'CP', level: 'government', parentCode: null };
    expect(issues(editAgencySchema, editAgencyDefaults(root))).toEqual([]);
    expect(editAgencyBody(editAgencyDefaults(root), root)).toEqual({});
  });
});
