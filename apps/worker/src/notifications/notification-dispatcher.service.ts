import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  notificationDispatcherWorkflowId,
  wakeNotificationDispatcherSignal,
  type NotificationDispatcherInput,
} from '../../../../workflows/src/notifications/notification-contract';
import { notificationDispatcherWorkflow } from '../../../../workflows/src/notifications/notification-dispatcher.workflow';
import { OutboxWatcher } from '../outbox/outbox-watcher';
import { WorkerTemporalClient } from '../temporal-client/worker-temporal-client';
import { NOTIFICATION_CONFIG } from './notification-activities.service';
import type { NotificationConfig } from './notification-config';
import { NotificationOutbox } from './notification-outbox';

/**
 * Keeps the notification dispatcher workflow running: starts it when the worker boots (fixed id
 * per task queue, USE_EXISTING: a running dispatcher is left as it is), and watches the outbox
 * every NOTIFICATION_POLL_INTERVAL_MS of wall-clock time; when rows are due it signals the
 * dispatcher (signal-with-start: a dispatcher that was terminated is started again).
 */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly watcher: OutboxWatcher<NotificationDispatcherInput>;
  readonly workflowId: string;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
    temporal: WorkerTemporalClient,
  ) {
    const outbox = new NotificationOutbox(dataSource);
    const input: NotificationDispatcherInput = config.dispatcherHistoryLimit ? { historyLimit: config.dispatcherHistoryLimit } : {};
    this.workflowId = notificationDispatcherWorkflowId(temporal.config.taskQueue);
    this.watcher = new OutboxWatcher(
      () => temporal.get(),
      {
        workflow: notificationDispatcherWorkflow,
        workflowId: this.workflowId,
        taskQueue: temporal.config.taskQueue,
        args: [input],
        wake: wakeNotificationDispatcherSignal,
        pollIntervalMs: config.pollIntervalMs,
        hasDueWork: () => outbox.hasDueWork(),
      },
      new Logger('NotificationDispatcher'),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.watcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.watcher.stop();
  }
}
