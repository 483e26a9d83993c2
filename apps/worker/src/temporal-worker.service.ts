import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConfigFromEnv, temporalConnectionOptions, temporalDataConverter, workflowBundleOptions, type TemporalConfig } from '@donthu/temporal';
import { identityVaultFromEnv } from '@donthu/vault';
import { CaseActivitiesService } from './activities/case-activities.service';
import { NotificationActivitiesService } from './notifications/notification-activities.service';

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
      activities: { ...this.activities.asActivities(), ...this.notifications.asActivities() },
      dataConverter,
      bundlerOptions: { webpackConfigHook: workflowBundleOptions().webpackConfigHook },
      workflowsPath: workflowBundleOptions().workflowsPath,
    });
    this.running = this.worker.run();
    this.running.catch((error: Error) => this.logger.error({ err: error }, 'worker stopped with an error'));
    this.logger.log({ taskQueue: this.config.taskQueue, address: this.config.address }, 'worker running');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}

export const workerTemporalConfigProvider = { provide: WORKER_TEMPORAL_CONFIG, useFactory: () => temporalConfigFromEnv() };
