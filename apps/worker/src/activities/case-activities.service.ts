import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { ProjectionConflictError, recordTransition } from '@donthu/persistence';
import type { CaseActivities, RecordTransitionInput } from '@donthu/workflows';

/**
 * The case workflow's activities: a Nest service, so they get DI while workflows stay pure
 * (temporalio's nestjs-exchange-rates pattern). Each method is registered with the worker.
 */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recordTransition(input: RecordTransitionInput): Promise<void> {
    try {
      await recordTransition(this.dataSource, input);
    } catch (error) {
      // A disagreement between projection and workflow will not heal by retrying.
      if (error instanceof ProjectionConflictError) throw ApplicationFailure.nonRetryable(error.message, 'ProjectionConflict');
      throw error;
    }
  }

  /** The object handed to the Temporal worker: every activity bound to this service. */
  asActivities(): CaseActivities {
    return { recordTransition: this.recordTransition.bind(this) };
  }
}
