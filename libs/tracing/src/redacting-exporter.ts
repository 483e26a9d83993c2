import type { Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * The only span attributes that leave the process. Traces show where time goes and what caused
 * what; they must never carry personal data (Luật Tố cáo 2018, Điều 47: the denouncer's identity
 * is protected; Nghị định 13/2023/NĐ-CP on personal data). What the HTTP instrumentation records
 * besides these — the full URL with its query string (a search for a person's name), the client's
 * address, the user agent — is dropped, as is any attribute a library adds later. An allowlist,
 * not a denylist: a new attribute stays out until someone decides it is safe.
 */
export const EXPORTED_ATTRIBUTES: ReadonlySet<string> = new Set([
  // HTTP: method, route pattern (`/api/v1/cases/:code/accept`, set by the api), status.
  'http.method',
  'http.route',
  'http.status_code',
  'http.scheme',
  'http.flavor',
  'net.host.port',
  // Temporal (@temporalio/interceptors-opentelemetry): ids, never arguments or results.
  'temporalWorkflowId',
  'run_id',
  'temporalActivityId',
  'temporalUpdateId',
]);

/** Of an exception event only its type is exported: messages may quote input values. */
const EXPORTED_EVENT_ATTRIBUTES: ReadonlySet<string> = new Set(['exception.type']);

function keep(attributes: Attributes, allowed: ReadonlySet<string>): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (allowed.has(key)) kept[key] = value;
  return kept;
}

/** A copy of the span with only allowed attributes, no status message, no event details. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  const attributes = keep(span.attributes, EXPORTED_ATTRIBUTES);
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    ...(span.parentSpanId !== undefined ? { parentSpanId: span.parentSpanId } : {}),
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes,
    links: span.links.map((link) => ({ context: link.context })),
    events: span.events.map((event) => ({ name: event.name, time: event.time, ...(event.attributes ? { attributes: keep(event.attributes, EXPORTED_EVENT_ATTRIBUTES) } : {}) })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationLibrary: span.instrumentationLibrary,
    droppedAttributesCount: span.droppedAttributesCount + Object.keys(span.attributes).length - Object.keys(attributes).length,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Wraps the real exporter (OTLP) so that every span, from api, worker or workflow sandbox, is redacted first. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
