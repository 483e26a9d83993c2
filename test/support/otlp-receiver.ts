import { startHttpReceiver, type ReceivedRequest } from './http-receiver';

/** One span as an OTLP/HTTP JSON export carries it, with the `service.name` of its resource. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }> }>;
  }>;
}

const valueOf = (v: OtlpValue): unknown => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attributesOf = (list: OtlpAttribute[] | undefined): Record<string, unknown> => Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

const isTraceExport = (request: ReceivedRequest): boolean => request.method === 'POST' && request.url === '/v1/traces';

function spansOf(payload: OtlpExport): ReceivedSpan[] {
  return (payload.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

export interface OtlpReceiver {
  /** The OTLP/HTTP traces endpoint, for OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
  endpoint: string;
  /** Every span exported so far. */
  spans(): ReceivedSpan[];
  /** The raw bodies of the exports, as they arrived (to look for what must never be there). */
  bodies(): string[];
  close(): Promise<void>;
}

/**
 * A stand-in for an OpenTelemetry collector: the tests' HTTP receiver (a real node http server),
 * read as OTLP/HTTP JSON exports on /v1/traces (what `@opentelemetry/exporter-trace-otlp-http` sends).
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const receiver = await startHttpReceiver();
  const exports = () => receiver.requests().filter(isTraceExport);
  return {
    endpoint: `${new URL(receiver.url).origin}/v1/traces`,
    spans: () => exports().flatMap((request) => spansOf(request.json as OtlpExport)),
    bodies: () => exports().map((request) => request.raw.toString('utf8')),
    close: () => receiver.close(),
  };
}
