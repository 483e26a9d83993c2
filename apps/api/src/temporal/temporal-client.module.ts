import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConfigFromEnv, temporalConnectionOptions, temporalDataConverter, type TemporalConfig } from '@donthu/temporal';
import { activeTracing, temporalClientInterceptors } from '@donthu/tracing';

export const TEMPORAL_CONFIG = Symbol('TEMPORAL_CONFIG');

/**
 * The Temporal client. The connection is lazy, so the api starts (and keeps registering cases)
 * while Temporal is down; the workflow starter catches up when it is back. Every payload it sends
 * is encrypted by the project's codec (libs/temporal/src/payload-codec.ts): histories hold no
 * readable personal data. Without codec keys in production the api refuses to start.
 */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(TEMPORAL_CONFIG) readonly config: TemporalConfig) {
    this.connection = Connection.lazy(temporalConnectionOptions(config));
    const logger = new Logger(TemporalClientProvider.name);
    this.client = new Client({
      connection: this.connection,
      namespace: config.namespace,
      dataConverter: temporalDataConverter(process.env, (m) => logger.warn(m)),
      // With tracing on, a start or an Update carries the request's trace into the workflow.
      interceptors: temporalClientInterceptors(activeTracing()),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({
  providers: [{ provide: TEMPORAL_CONFIG, useFactory: () => temporalConfigFromEnv() }, TemporalClientProvider],
  exports: [TemporalClientProvider, TEMPORAL_CONFIG],
})
export class TemporalClientModule {}
