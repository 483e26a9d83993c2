import { ConflictException, ForbiddenException, Injectable, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { caseCommandUpdate, FORBIDDEN_COMMAND, INVALID_COMMAND, INVALID_TRANSITION, type CaseCommandRequest, type CaseSnapshot } from '@donthu/workflows';
import type { CaseEntity } from '@donthu/persistence';
import { TemporalClientProvider } from '../temporal/temporal-client.module';

const UPDATE_DEADLINE_MS = 30_000;

/** "field: reason" → the field error of the one error shape. */
function fieldAndReason(message: string): { field: string; reason: string } {
  const colon = message.indexOf(': ');
  return colon > 0 && !message.slice(0, colon).includes(' ') ? { field: message.slice(0, colon), reason: message.slice(colon + 2) } : { field: 'body', reason: message };
}

/**
 * Sends a command to a case workflow as a Temporal Update and maps what can go wrong onto HTTP:
 * a transition the lifecycle does not allow is 409, a role that may not act 403, a missing or
 * wrong field 422, a workflow not started yet or an unreachable Temporal 503 (nothing was
 * written; the client may retry).
 */
@Injectable()
export class CaseCommandSender {
  constructor(private readonly temporal: TemporalClientProvider) {}

  async send(entity: CaseEntity, request: CaseCommandRequest, updateId?: string): Promise<CaseSnapshot> {
    if (entity.workflowStartedAt === null) {
      throw new ServiceUnavailableException({ message: `Case ${entity.code} is registered but its workflow has not started yet; retry shortly` });
    }
    const handle = this.temporal.client.workflow.getHandle(entity.workflowId);
    try {
      return await this.temporal.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
        handle.executeUpdate(caseCommandUpdate, { args: [request], ...(updateId ? { updateId } : {}) }),
      );
    } catch (error) {
      throw this.toHttp(entity, error);
    }
  }

  private toHttp(entity: CaseEntity, error: unknown): Error {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message } = error.cause;
      const fieldError = fieldAndReason(message);
      if (type === INVALID_TRANSITION) return new ConflictException({ message, errors: [{ field: 'status', reason: message }] });
      if (type === FORBIDDEN_COMMAND) return new ForbiddenException({ message, errors: [fieldError] });
      if (type === INVALID_COMMAND) return new UnprocessableEntityException({ message, errors: [fieldError] });
    }
    if (error instanceof WorkflowNotFoundError) {
      return new NotFoundException({ message: `The workflow of case ${entity.code} was not found` });
    }
    return new ServiceUnavailableException({ message: 'The case workflow could not be reached; nothing was changed, retry shortly' });
  }
}
