import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isRole, ROLES, type Role } from '@donthu/domain';

export interface Actor {
  /** User id recorded in audit events (never a name). */
  id: string;
  role: Role;
}

/**
 * Who performs a request. Authentication arrives with the access-control issue (JWT, agency
 * scope); until then every request acts as user `unauthenticated`, in the role named by the
 * `X-Acting-Role` header (default `agency_head`). This is the one seam that issue replaces.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const header = ctx.switchToHttp().getRequest<Request>().header('x-acting-role');
  const role = header ?? 'agency_head';
  if (!isRole(role)) {
    throw new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'X-Acting-Role', reason: `must be one of ${ROLES.join(', ')}` }] });
  }
  return { id: 'unauthenticated', role };
});
