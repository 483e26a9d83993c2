import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nationalExportWorkflowId, wakeNationalExportSignal, type NationalExportInput } from '../../../../workflows/src/national-export/national-export-contract';
import { nationalExportWorkflow } from '../../../../workflows/src/national-export/national-export.workflow';
import { OutboxWatcher } from '../outbox/outbox-watcher';
import { WorkerTemporalClient } from '../temporal-client/worker-temporal-client';
import { NATIONAL_EXPORT_CONFIG } from './national-export-activities.service';
import type { NationalExportConfig } from './national-export-config';
import { NationalExportOutbox } from './national-export-outbox';

/**
 * Keeps the national-export workflow running when the export is on (NATIONAL_DB_URL set): started
 * at boot (USE_EXISTING), woken by the outbox watcher when the head of the queue is due.
 */
@Injectable()
export class NationalExportWatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NationalExport');
  private readonly watcher: OutboxWatcher<NationalExportInput> | undefined;
  readonly workflowId: string;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(NATIONAL_EXPORT_CONFIG) config: NationalExportConfig | null,
    temporal: WorkerTemporalClient,
  ) {
    this.workflowId = nationalExportWorkflowId(temporal.config.taskQueue);
    if (!config) return;
    const outbox = new NationalExportOutbox(dataSource);
    this.watcher = new OutboxWatcher(
      () => temporal.get(),
      {
        workflow: nationalExportWorkflow,
        workflowId: this.workflowId,
        taskQueue: temporal.config.taskQueue,
        args: [config.historyLimit ? { historyLimit: config.historyLimit } : {}],
        wake: wakeNationalExportSignal,
        pollIntervalMs: config.pollIntervalMs,
        hasDueWork: () => outbox.hasDueWork(),
      },
      this.logger,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.watcher) {
      this.logger.log('national export off (NATIONAL_DB_URL not set): records are kept in the outbox until it is set');
      return;
    }
    await this.watcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.watcher?.stop();
  }
}
