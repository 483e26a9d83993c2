import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@donthu/domain';
import { ApiErrorBody } from '../common/api-error';

export const PERMISSION_KEY = 'donthu:permission';
export const PUBLIC_KEY = 'donthu:public';

/**
 * The permission an endpoint needs (libs/domain/src/access/permissions.ts). Every endpoint has
 * this or @Public(). Also documents the two answers the access guard gives (401, 403).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'Chưa đăng nhập / no valid bearer token' }),
    ApiForbiddenResponse({ type: ApiErrorBody, description: `Không có quyền / the role lacks \`${permission}\`` }),
  );

/** Reachable without logging in (health, login, citizen tracking, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
