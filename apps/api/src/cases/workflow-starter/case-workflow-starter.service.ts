import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { IsNull, LessThan, type DataSource } from 'typeorm';
import { CaseEntity, loadCaseClocks, type CaseClockState } from '@donthu/persistence';
import { caseSearchAttributes, caseWorkflow, type CaseWorkflowInput } from '@donthu/workflows';
import { TemporalClientProvider } from '../../temporal/temporal-client.module';

export const RECONCILE_INTERVAL_MS = Symbol('RECONCILE_INTERVAL_MS');

/**
 * Starts each case's workflow. The case row is the outbox: `workflow_started_at IS NULL` means
 * "not started yet". Intake tries at once; if Temporal is down the case stays registered and the
 * reconciler starts it later. Starting is idempotent (USE_EXISTING on the case's workflow id), so
 * several api replicas may race without creating a second workflow.
 */
@Injectable()
export class CaseWorkflowStarter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseWorkflowStarter.name);
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(RECONCILE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => {
        this.reconcile().catch((error: Error) => this.logger.warn({ err: { name: error.name, message: error.message } }, 'reconciler round failed'));
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reconciling;
  }

  /**
   * Starts the workflow of one case; false (and a warning) if Temporal cannot be reached now.
   * `registered`: the clocks registration just wrote (else they are read from the database).
   */
  async start(entity: CaseEntity, registered?: CaseClockState): Promise<boolean> {
    const { clocks, deadlines } = registered ?? (await loadCaseClocks(this.dataSource.manager, entity.id));
    const input: CaseWorkflowInput = {
      caseId: entity.id,
      caseCode: entity.code,
      kind: entity.kind,
      agencyCode: entity.agencyCode,
      receivedOn: entity.receivedOn,
      remote: entity.remote,
      severalSites: entity.severalSites,
      anonymous: entity.anonymous,
      lastSequence: 1,
      clocks,
      deadlines,
      nowMs: Date.now(),
      // The start below sets the search attributes: the workflow need not upsert them again.
      searchAttributesAtStart: true,
      ...(process.env.WORKFLOW_HISTORY_LIMIT ? { historyLimit: Number(process.env.WORKFLOW_HISTORY_LIMIT) } : {}),
    };
    try {
      await this.temporal.connection.withDeadline(Date.now() + 5000, () =>
        this.temporal.client.workflow.start(caseWorkflow, {
          workflowId: entity.workflowId,
          taskQueue: this.temporal.config.taskQueue,
          args: [input],
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          typedSearchAttributes: caseSearchAttributes({ kind: entity.kind, status: 'received', agencyCode: entity.agencyCode, clocks, deadlines, reached: {} }).filter(
            (pair): pair is SearchAttributePair => pair.value !== null,
          ),
        }),
      );
    } catch (error) {
      this.logger.warn({ caseCode: entity.code, err: { name: (error as Error).name, message: (error as Error).message } }, 'case workflow not started yet; the reconciler will retry');
      return false;
    }
    const startedAt = new Date();
    await this.dataSource.getRepository(CaseEntity).update({ id: entity.id, workflowStartedAt: IsNull() }, { workflowStartedAt: startedAt });
    entity.workflowStartedAt = entity.workflowStartedAt ?? startedAt;
    return true;
  }

  /** Starts every case whose workflow is missing; returns how many were started. */
  reconcile(olderThanMs = 2000): Promise<number> {
    this.reconciling ??= this.reconcileOnce(olderThanMs).finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  private async reconcileOnce(olderThanMs: number): Promise<number> {
    const pending = await this.dataSource.getRepository(CaseEntity).find({
      where: { workflowStartedAt: IsNull(), createdAt: LessThan(new Date(Date.now() - olderThanMs)) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    let started = 0;
    for (const entity of pending) {
      if (!(await this.start(entity))) break; // Temporal still away: try again next round.
      started += 1;
    }
    if (started > 0) this.logger.log({ started }, 'reconciler started missing case workflows');
    return started;
  }
}
