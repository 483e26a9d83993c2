import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConfigFromEnv, temporalConnectionOptions, temporalDataConverter, workflowBundleOptions, type TemporalConfig } from '@donthu/temporal';
import { activeTracing, temporalWorkerTracing } from '@donthu/tracing';
import { identityVaultFromEnv } from '@donthu/vault';
import { CaseActivitiesService } from './activities/case-activities.service';
import { NationalExportActivitiesService } from './national-export/national-export-activities.service';
import { DailyDigestService } from './notifications/daily-digest/daily-digest.service';
import { NotificationActivitiesService } from './notifications/notification-activities.service';
import { PeriodicReportService } from './reports/periodic-report.service';

export const WORKER_TEMPORAL_CONFIG = Symbol('WORKER_TEMPORAL_CONFIG');

/** Runs the Temporal worker for the case task queue inside the Nest application context. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker: Worker | undefined;
  private connection: NativeConnection | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly activities: CaseActivitiesService,
    private readonly notifications: NotificationActivitiesService,
    private readonly dailyDigest: DailyDigestService,
    private readonly nationalExport: NationalExportActivitiesService,
    private readonly periodicReports: PeriodicReportService,
    @Inject(WORKER_TEMPORAL_CONFIG) private readonly config: TemporalConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Keys first: without them in production the worker refuses to start (the activities copy a
    // letter's sealed party to its contents; every payload goes through the encryption codec).
    const warn = (message: string) => this.logger.warn(message);
    identityVaultFromEnv({ warn });
    const dataConverter = temporalDataConverter(process.env, warn);
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.namespace,
      taskQueue: this.config.taskQueue,
      activities: { ...this.activities.asActivities(), ...this.notifications.asActivities(), ...this.dailyDigest.asActivities(), ...this.nationalExport.asActivities(), ...this.periodicReports.asActivities() },
      dataConverter,
      ...workflowBundleOptions(),
      // Open cases wait months on timers: only recently active ones stay in memory; an evicted
      // workflow is replayed from its history when its next timer or command arrives. This bounds
      // the worker's memory whatever the number of open cases (bench/lifecycle.bench.ts).
      maxCachedWorkflows: positiveIntegerFromEnv('WORKER_MAX_CACHED_WORKFLOWS', 1000),
      // With tracing on: workflow and activity spans continue the trace of the request that started
      // the workflow or sent the Update (libs/tracing).
      ...temporalWorkerTracing(activeTracing()),
    });
    this.running = this.worker.run();
    this.running.catch((error: Error) => this.logger.error({ err: error }, 'worker stopped with an error'));
    this.logger.log({ taskQueue: this.config.taskQueue, address: this.config.address }, 'worker running');
  }

  /** Workflows held in the worker's sticky cache now (the benchmark's memory figures). */
  cachedWorkflows(): number {
    return this.worker?.getStatus().numCachedWorkflows ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    // Last: the spans of the activities and workflow tasks that finished while the worker drained.
    await activeTracing()?.shutdown();
  }
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export const workerTemporalConfigProvider = { provide: WORKER_TEMPORAL_CONFIG, useFactory: () => temporalConfigFromEnv() };
