import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConfigFromEnv, temporalConnectionOptions, temporalDataConverter, type TemporalConfig } from '@donthu/temporal';
import { activeTracing, temporalClientInterceptors } from '@donthu/tracing';

/**
 * The worker's Temporal client (one connection per process), for what the worker starts itself:
 * the outbox dispatchers (notifications, national export) and the schedules. Connected on first
 * use; closed at shutdown.
 */
@Injectable()
export class WorkerTemporalClient implements OnApplicationShutdown {
  readonly config: TemporalConfig = temporalConfigFromEnv();
  private connection: Promise<Connection> | undefined;
  private client: Promise<Client> | undefined;

  get(): Promise<Client> {
    this.client ??= (async () => {
      this.connection = Connection.connect(temporalConnectionOptions(this.config));
      try {
        const connection = await this.connection;
        return new Client({ connection, namespace: this.config.namespace, dataConverter: temporalDataConverter(process.env, () => undefined), interceptors: temporalClientInterceptors(activeTracing()) });
      } catch (error) {
        // The next caller tries again.
        this.client = undefined;
        this.connection = undefined;
        throw error;
      }
    })();
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close();
  }
}

@Module({ providers: [WorkerTemporalClient], exports: [WorkerTemporalClient] })
export class WorkerTemporalClientModule {}
