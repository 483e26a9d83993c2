import { SpanKind, SpanStatusCode, type SpanContext } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { EXPORTED_ATTRIBUTES, RedactingSpanExporter, redactSpan } from './redacting-exporter';

const context: SpanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };

function httpSpan(): ReadableSpan {
  return {
    name: 'GET /api/v1/cases',
    kind: SpanKind.SERVER,
    spanContext: () => context,
    parentSpanId: '00f067aa0ba902b7',
    startTime: [1, 0],
    endTime: [1, 5_000_000],
    status: { code: SpanStatusCode.ERROR, message: 'duplicate key value (id_number)=(001190012345)' },
    attributes: {
      'http.method': 'GET',
      'http.route': '/api/v1/cases',
      'http.status_code': 500,
      'http.url': 'http://127.0.0.1:3000/api/v1/cases?q=Tr%E1%BA%A7n%20Th%E1%BB%8B%20T%E1%BB%91%20Gi%C3%A1c',
      'http.target': '/api/v1/cases?q=Trần Thị Tố Giác',
      'net.peer.ip': '203.0.113.7',
      'http.user_agent': 'Mozilla/5.0',
    },
    links: [{ context, attributes: { note: 'Trần Thị Tố Giác' } }],
    events: [{ name: 'exception', time: [1, 1], attributes: { 'exception.type': 'QueryFailedError', 'exception.message': 'value 0987654321 too long', 'exception.stacktrace': 'QueryFailedError: value 0987654321 too long' } }],
    duration: [0, 5_000_000],
    ended: true,
    resource: new Resource({ 'service.name': 'donthu-api' }),
    instrumentationLibrary: { name: '@opentelemetry/instrumentation-http' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

describe('redactSpan: what leaves the process', () => {
  it('keeps only allowlisted attributes and counts the rest as dropped', () => {
    const redacted = redactSpan(httpSpan());
    expect(redacted.attributes).toEqual({ 'http.method': 'GET', 'http.route': '/api/v1/cases', 'http.status_code': 500 });
    expect(redacted.droppedAttributesCount).toBe(4);
    expect(Object.keys(redacted.attributes).every((key) => EXPORTED_ATTRIBUTES.has(key))).toBe(true);
  });

  it('keeps identity, timing and causality: name, ids, parent, times, status code', () => {
    const redacted = redactSpan(httpSpan());
    expect(redacted.spanContext()).toEqual(context);
    expect(redacted).toMatchObject({ name: 'GET /api/v1/cases', kind: SpanKind.SERVER, parentSpanId: '00f067aa0ba902b7', startTime: [1, 0], endTime: [1, 5_000_000], status: { code: SpanStatusCode.ERROR } });
    expect(redacted.status.message).toBeUndefined();
  });

  it('keeps only the type of an exception event and no link attributes', () => {
    const redacted = redactSpan(httpSpan());
    expect(redacted.events).toEqual([{ name: 'exception', time: [1, 1], attributes: { 'exception.type': 'QueryFailedError' } }]);
    expect(redacted.links).toEqual([{ context }]);
  });

  it('no personal value of the original survives anywhere in the redacted span', () => {
    const text = JSON.stringify(redactSpan(httpSpan()));
    for (const secret of ['Trần Thị Tố Giác', 'Tr%E1%BA%A7n', '0987654321', '001190012345', '203.0.113.7', 'Mozilla']) expect(text).not.toContain(secret);
  });

  it('the exporter redacts every span before handing it on', async () => {
    const inner = new InMemorySpanExporter();
    const result = await new Promise<ExportResult>((resolve) => new RedactingSpanExporter(inner).export([httpSpan(), httpSpan()], resolve));
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(inner.getFinishedSpans().map((s) => s.attributes['http.url'])).toEqual([undefined, undefined]);
    expect(inner.getFinishedSpans()).toHaveLength(2);
  });
});
