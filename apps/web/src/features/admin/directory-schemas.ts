import { AGENCY_CODE_PATTERN, AGENCY_LEVELS, ROLES, type AgencyLevel, type Role } from '@donthu/domain';
import { z } from 'zod';
import type { Agency, StaffUser } from '../../api/types';

/**
 * The admin forms, with the rules of the api's DTOs (apps/api/src/directory: CreateUserDto,
 * UpdateUserDto, CreateAgencyDto, UpdateAgencyDto) checked in the browser too, so that the
 * administrator sees a problem on the field before saving. The api validates again (unknown
 * agency, taken username, a move making a cycle): its field errors are shown on the same fields.
 * Messages are keys of `errors.*` in the console's words.
 */

/** Every role but the citizen's: staff accounts only. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');

const USERNAME = /^[a-z0-9._-]{3,64}$/;

const role = z.string().refine((r) => (STAFF_ROLES as readonly string[]).includes(r), 'required');
const agencyCode = z.string().regex(AGENCY_CODE_PATTERN, 'agencyCode');
/** Empty: no address (create) or remove it (edit). */
const email = z.union([z.literal(''), z.email('email').max(254, 'tooLong')]);

export const createUserSchema = z.object({
  username: z.string().regex(USERNAME, 'username'),
  displayName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  role,
  agencyCode,
  password: z.string().min(12, 'password').max(200, 'tooLong'),
  email,
});
export type CreateUserForm = z.infer<typeof createUserSchema>;

export const editUserSchema = z.object({
  role,
  agencyCode,
  email,
  disabled: z.boolean(),
  unlock: z.boolean(),
  /** Empty: unchanged. */
  password: z.union([z.literal(''), z.string().min(12, 'password').max(200, 'tooLong')]),
});
export type EditUserForm = z.infer<typeof editUserSchema>;

/** POST /api/v1/users: no e-mail when none is given. */
export function createUserBody(form: CreateUserForm): Record<string, unknown> {
  const { email: address, ...rest } = form;
  return { ...rest, displayName: form.displayName.trim(), ...(address ? { email: address } : {}) };
}

export function editUserDefaults(user: StaffUser): EditUserForm {
  return { role: user.role, agencyCode: user.agencyCode, email: user.email ?? '', disabled: user.disabled, unlock: false, password: '' };
}

/** PATCH /api/v1/users/:id: only what changed (an emptied e-mail is null: removed). */
export function editUserBody(form: EditUserForm, user: StaffUser): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.role !== user.role) body.role = form.role;
  if (form.agencyCode !== user.agencyCode) body.agencyCode = form.agencyCode;
  if (form.email !== (user.email ?? '')) body.email = form.email === '' ? null : form.email;
  if (form.disabled !== user.disabled) body.disabled = form.disabled;
  if (form.unlock) body.unlock = true;
  if (form.password !== '') body.password = form.password;
  return body;
}

const agencyName = z.string().trim().min(1, 'required').max(300, 'tooLong');

export const createAgencySchema = z.object({
  code: z.string().min(2, 'agencyCode').max(40, 'tooLong').regex(AGENCY_CODE_PATTERN, 'agencyCode'),
  name: agencyName,
  level: z.enum(AGENCY_LEVELS as unknown as [AgencyLevel, ...AgencyLevel[]], { error: 'required' }),
  parentCode: agencyCode,
});
export type CreateAgencyForm = z.infer<typeof createAgencySchema>;

export const editAgencySchema = z.object({
  name: agencyName,
  /** Empty only for the root (the Government has no parent); a parent cannot be removed. */
  parentCode: z.union([z.literal(''), agencyCode]),
  active: z.boolean(),
});
export type EditAgencyForm = z.infer<typeof editAgencySchema>;

export function editAgencyDefaults(agency: Agency): EditAgencyForm {
  return { name: agency.name, parentCode: agency.parentCode ?? '', active: agency.active };
}

/** PATCH /api/v1/agencies/:code: only what changed. */
export function editAgencyBody(form: EditAgencyForm, agency: Agency): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (form.name.trim() !== agency.name) body.name = form.name.trim();
  if (form.parentCode !== '' && form.parentCode !== (agency.parentCode ?? '')) body.parentCode = form.parentCode;
  if (form.active !== agency.active) body.active = form.active;
  return body;
}
