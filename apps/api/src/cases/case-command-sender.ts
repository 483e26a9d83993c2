import { ConflictException, Injectable, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { INVALID_COMMAND, INVALID_TRANSITION, type CaseSnapshot } from '@donthu/workflows';
import type { CaseEntity } from '@donthu/persistence';
import { TemporalClientProvider } from '../temporal/temporal-client.module';

const UPDATE_DEADLINE_MS = 30_000;

/**
 * Sends a command to a case workflow as a Temporal Update and maps what can go wrong onto HTTP:
 * a rejected transition is 409, a bad command 422, a workflow not started yet or an unreachable
 * Temporal 503 (nothing was written; the client may retry).
 */
@Injectable()
export class CaseCommandSender {
  constructor(private readonly temporal: TemporalClientProvider) {}

  async send<Args extends [unknown, ...unknown[]]>(
    entity: CaseEntity,
    update: UpdateDefinition<CaseSnapshot, Args>,
    args: Args,
    updateId?: string,
  ): Promise<CaseSnapshot> {
    if (entity.workflowStartedAt === null) {
      throw new ServiceUnavailableException({ message: `Case ${entity.code} is registered but its workflow has not started yet; retry shortly` });
    }
    const handle = this.temporal.client.workflow.getHandle(entity.workflowId);
    try {
      return await this.temporal.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
        handle.executeUpdate(update, { args, ...(updateId ? { updateId } : {}) }),
      );
    } catch (error) {
      throw this.toHttp(entity, error);
    }
  }

  private toHttp(entity: CaseEntity, error: unknown): Error {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message } = error.cause;
      if (type === INVALID_TRANSITION) return new ConflictException({ message, errors: [{ field: 'status', reason: message }] });
      if (type === INVALID_COMMAND) {
        const [field, ...reason] = message.split(': ');
        return new UnprocessableEntityException({ message, errors: [{ field: field ?? 'body', reason: reason.join(': ') || message }] });
      }
    }
    if (error instanceof WorkflowNotFoundError) {
      return new NotFoundException({ message: `The workflow of case ${entity.code} was not found` });
    }
    return new ServiceUnavailableException({ message: 'The case workflow could not be reached; nothing was changed, retry shortly' });
  }
}
