import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { activeTracing } from './tracing';

/**
 * Exports the spans still buffered when the api shuts down (SIGTERM from a deploy or a scale-down):
 * Nest has closed the HTTP server by then, so no request span comes after. (The worker flushes
 * after its Temporal worker has drained, in TemporalWorkerService.)
 */
@Injectable()
export class FlushTracesOnShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await activeTracing()?.shutdown();
  }
}
