import { ArgumentsHost, Catch, ForbiddenException, Injectable, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CASE_CODE_PATTERN, type Role } from '@donthu/domain';
import { appendNextAuditEvent, CaseEntity, type AuditStream } from '@donthu/persistence';
import type { RequestWithActor } from '../../auth/actor';
import { HttpExceptionFilter } from '../../common/http-exception.filter';

export const IDENTITY_REVEALED = 'identity.revealed';
export const IDENTITY_REVEAL_REFUSED = 'identity.reveal_refused';

/** Why a reveal was refused: the role lacks the permission, the case is outside the actor's agencies, or the actor neither handles the case nor heads its agency. */
export type RevealRefusal = 'permission' | 'out_of_scope' | 'not_handler';

/** Every reveal of a case's identities, and every refused attempt, is an event of this stream (never the data). */
export const identityStream = (caseId: string): AuditStream => ({ streamType: 'identity', streamId: caseId });

export interface RefusedAttempt {
  actor: string;
  role: Role | null;
  agencyCode: string | null;
  reason: string | null;
  refusal: RevealRefusal;
}

export async function auditRefusal(dataSource: DataSource, caseId: string, attempt: RefusedAttempt): Promise<void> {
  const { actor, ...facts } = attempt;
  await dataSource.transaction((manager) =>
    appendNextAuditEvent(manager, { ...identityStream(caseId), type: IDENTITY_REVEAL_REFUSED, actor, payload: { outcome: 'refused', ...facts } }),
  );
}

/** Refusals the handler has already recorded: the filter below must not record them twice. */
const recorded = new WeakSet<object>();

export function markRecorded<E extends object>(error: E): E {
  recorded.add(error);
  return error;
}

/**
 * The access guard refuses before the handler runs: 403 for a role without `reveal_identity`,
 * 404 for a case outside the actor's agencies. This filter (bound to the reveal controller only)
 * records those refusals on the case's identity stream, then answers exactly as the global filter
 * does. On a 403 the guard has not set `request.actor` yet (it checks the role first), so the
 * actor is recorded when known and as `unidentified` otherwise. A 404 for a case that does not
 * exist records nothing (there is no stream to record it on).
 */
@Catch(ForbiddenException, NotFoundException)
@Injectable()
export class RevealRefusalAuditFilter implements ExceptionFilter {
  private readonly logger = new Logger(RevealRefusalAuditFilter.name);
  private readonly respond = new HttpExceptionFilter();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  catch(exception: ForbiddenException | NotFoundException, host: ArgumentsHost): void {
    void this.record(exception, host)
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not audit a refused identity reveal'))
      .finally(() => this.respond.catch(exception, host));
  }

  private async record(exception: ForbiddenException | NotFoundException, host: ArgumentsHost): Promise<void> {
    if (recorded.has(exception)) return;
    const request = host.switchToHttp().getRequest<RequestWithActor>();
    const refusal: RevealRefusal = exception instanceof NotFoundException ? 'out_of_scope' : 'permission';
    if (refusal === 'out_of_scope' && !request.actor) return;
    const code = request.params?.code;
    if (typeof code !== 'string' || !CASE_CODE_PATTERN.test(code)) return;
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { code }, select: { id: true } });
    if (!found) return; // no case, no stream to record on
    const reason: unknown = (request.body as { reason?: unknown } | undefined)?.reason;
    await auditRefusal(this.dataSource, found.id, {
      actor: request.actor?.id ?? 'unidentified',
      role: request.actor?.role ?? null,
      agencyCode: request.actor?.agencyCode ?? null,
      reason: typeof reason === 'string' ? reason.trim().slice(0, 500) : null,
      refusal,
    });
  }
}
