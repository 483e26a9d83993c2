// First: OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set.
import './start-tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The Temporal SDK's worker metrics (task slots, poll latencies, schedule-to-start, sticky cache
 * size, activity failures) in Prometheus format, when WORKER_METRICS_ADDRESS is set
 * (`0.0.0.0:9464` in infra/compose and infra/k8s). Installed once, before any connection.
 */
function installTelemetry(): void {
  const bindAddress = process.env.WORKER_METRICS_ADDRESS;
  if (!bindAddress) return;
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } });
}

async function bootstrap(): Promise<void> {
  installTelemetry();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  // Tells `npm start` (which spawns the worker with an IPC channel) that the worker is polling.
  process.send?.({ type: 'worker-ready' });
  // Whoever spawned it with an IPC channel may ask for its memory (bench/lifecycle.bench.ts):
  // after a full collection when the process runs with --expose-gc, so heapUsed is live data.
  process.on('message', (message: { type?: string } | undefined) => {
    if (message?.type !== 'memory?') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'memory', ...process.memoryUsage() });
  });
}

void bootstrap();
