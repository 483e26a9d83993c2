import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { activeTracing } from './tracing';

/** Exports the spans still buffered when the application shuts down (SIGTERM from a deploy or a scale-down). */
@Injectable()
export class FlushTracesOnShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await activeTracing()?.shutdown();
  }
}
