import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@donthu/domain';

export const PERMISSION_KEY = 'donthu:permission';
export const PUBLIC_KEY = 'donthu:public';

/** The permission an endpoint needs (libs/domain/src/access/permissions.ts). Every endpoint has this or @Public(). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** Reachable without logging in (health, login, citizen tracking, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
