import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { RedactingSpanExporter } from './redacting-exporter';

/** A running tracer: what the Temporal interceptors and the workflow span sink need. */
export interface Tracing {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Exports what is buffered and stops (on shutdown: spans of the last requests are not lost). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` unless OTEL_SERVICE_NAME says otherwise: `donthu-api`, `donthu-worker`. */
  serviceName: string;
  /** Incoming HTTP requests under /api become the root spans (the api, not the worker). */
  instrumentHttp?: boolean;
}

let active: Tracing | undefined;

/** Tracing is on when an OTLP endpoint is configured (the standard OTel variables) and not disabled. */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/** Only the api's own routes are traced: not health probes, metrics scrapes or console assets. */
export function tracedRequest(url: string | undefined): boolean {
  return url !== undefined && url.startsWith('/api/');
}

/**
 * Starts OpenTelemetry tracing for this process: spans go through the redacting exporter to
 * OTLP/HTTP (OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS; batching by
 * OTEL_BSP_*). W3C `traceparent` propagates from an incoming request to the Temporal client, and
 * through Temporal headers to the workflow and its activities
 * (`temporalClientInterceptors`, `temporalWorkerTracing`). Must run before `http` is loaded by
 * the application (first import of main.ts). Does nothing, and returns undefined, when disabled.
 */
export function startTracing(options: TracingOptions, env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (active || !tracingEnabled(env)) return active;
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (service.version, the province, the replica) add or override.
  const resource = new Resource({ [ATTR_SERVICE_NAME]: options.serviceName, ...envDetectorSync.detect().attributes });
  const spanProcessor = new BatchSpanProcessor(new RedactingSpanExporter(new OTLPTraceExporter()));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  if (options.instrumentHttp) {
    registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [
        new HttpInstrumentation({
          ignoreIncomingRequestHook: (request: IncomingMessage) => !tracedRequest(request.url),
          // Outgoing calls (S3, the national system) are traced only inside a traced request.
          requireParentforOutgoingSpans: true,
        }),
      ],
    });
  }
  active = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return active;
}

/** The tracing started in this process, if any. */
export function activeTracing(): Tracing | undefined {
  return active;
}
