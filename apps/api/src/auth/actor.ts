import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@donthu/domain';

/** The authenticated user a request acts as (set by the access guard). */
export interface Actor {
  /** User id recorded in audit events (never a name). */
  id: string;
  role: Role;
  /** The user's own agency. */
  agencyCode: string;
  /** Agencies whose cases the user may see: own agency, and for inspectors their jurisdiction below. */
  agencyScope: readonly string[];
}

export type RequestWithActor = Request & { actor?: Actor };

/** The request's actor; only on endpoints behind the access guard (never on @Public ones). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on an endpoint without an authenticated actor');
  return actor;
});
