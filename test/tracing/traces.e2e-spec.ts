import { randomBytes } from 'node:crypto';
import { EXPORTED_ATTRIBUTES } from '@donthu/tracing';
import { eventually } from '../support/eventually';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { loginAs, startProcessStack, type ProcessStack } from '../support/process-stack';

/**
 * Issue #9: OpenTelemetry traces from the HTTP request to the workflow to the activity, across
 * the real processes (api and worker from the build, a Temporal dev server), exported over
 * OTLP/HTTP to a stand-in collector — and never carrying a petitioner's or a denouncer's data.
 */
const AGENCY = 'UBND-HN';
const DENOUNCER = { fullName: 'Trần Thị Tố Giác', phone: '0987654321', idNumber: '001190012345' };

/** A W3C traceparent the caller chose, as a browser or a reverse proxy with tracing would send it. */
function traceparent(): { header: string; traceId: string; parentSpanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const parentSpanId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${parentSpanId}-01`, traceId, parentSpanId };
}

describe('OpenTelemetry traces: HTTP request → Temporal → workflow → activity', () => {
  let receiver: OtlpReceiver;
  let stack: ProcessStack;
  let token: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startProcessStack({ env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' } });
    token = await loginAs(stack.apiUrl, 'agency_head', AGENCY);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  }, 60_000);

  const call = async (method: string, path: string, trace: string, body?: object): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, traceparent: trace, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  /** Waits until the trace holds a span of each name, then returns them by name. */
  const spansOf = async (traceId: string, names: string[]): Promise<Map<string, ReceivedSpan>> => {
    const spans = await eventually(
      () => Promise.resolve(receiver.spans().filter((s) => s.traceId === traceId)),
      (found) => names.every((name) => found.some((s) => s.name === name)),
      { what: `spans ${names.join(', ')} in trace ${traceId}`, timeoutMs: 30_000, intervalMs: 200 },
    );
    return new Map(names.map((name) => [name, spans.find((s) => s.name === name)!]));
  };

  let caseCode: string;
  let workflowId: string;

  it('registration: the request span and the workflow start are one trace, continuing the caller’s', async () => {
    const trace = traceparent();
    const created = await call('POST', '/api/v1/cases', trace.header, {
      kind: 'denunciation',
      agencyCode: AGENCY,
      channel: 'post',
      receivedOn: '2026-11-20',
      subject: 'Tố cáo hành vi nhận hối lộ trong cấp giấy phép xây dựng',
      content: 'Tố cáo cán bộ phường nhận tiền để cấp phép xây dựng sai quy định.',
      petitioner: DENOUNCER,
    });
    expect(created.status).toBe(201);
    caseCode = created.json.code as string;

    const spans = await spansOf(trace.traceId, ['POST /api/v1/cases', 'StartWorkflow:caseWorkflow']);
    const http = spans.get('POST /api/v1/cases')!;
    const start = spans.get('StartWorkflow:caseWorkflow')!;
    expect(http).toMatchObject({ service: 'donthu-api', parentSpanId: trace.parentSpanId, attributes: { 'http.route': '/api/v1/cases', 'http.status_code': 201 } });
    expect(start).toMatchObject({ service: 'donthu-api', parentSpanId: http.spanId });
    workflowId = start.attributes.temporalWorkflowId as string;
    expect(workflowId).toEqual(expect.any(String));
  });

  it('a command: request → Update → its handler in the workflow → the activity that records it, parent by parent', async () => {
    const trace = traceparent();
    const accepted = await call('POST', `/api/v1/cases/${caseCode}/accept`, trace.header, { note: 'Đủ điều kiện thụ lý tố cáo (Luật Tố cáo 2018, Điều 29)' });
    expect(accepted.status).toBe(200);

    const chain = ['POST /api/v1/cases/:code/accept', 'StartWorkflowUpdate:command', 'HandleUpdate:command', 'StartActivity:applyTransition', 'RunActivity:applyTransition'];
    const spans = await spansOf(trace.traceId, chain);
    expect(spans.get(chain[0]!)!.parentSpanId).toBe(trace.parentSpanId);
    for (let i = 1; i < chain.length; i += 1) {
      expect({ span: chain[i], parent: spans.get(chain[i]!)!.parentSpanId }).toEqual({ span: chain[i], parent: spans.get(chain[i - 1]!)!.spanId });
    }
    expect(chain.map((name) => spans.get(name)!.service)).toEqual(['donthu-api', 'donthu-api', 'donthu-worker', 'donthu-worker', 'donthu-worker']);
    expect(spans.get('HandleUpdate:command')!.attributes).toMatchObject({ temporalUpdateId: expect.any(String) });
    expect(spans.get('RunActivity:applyTransition')!.attributes).toMatchObject({ temporalWorkflowId: workflowId, temporalActivityId: expect.any(String) });
  });

  it('a request without a traceparent starts a trace of its own', async () => {
    const response = await fetch(`${stack.apiUrl}/api/v1/cases/${caseCode}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const span = await eventually(
      () => Promise.resolve(receiver.spans().find((s) => s.name === 'GET /api/v1/cases/:code')),
      (found) => found !== undefined,
      { what: 'the span of GET /api/v1/cases/:code', timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(span).toMatchObject({ service: 'donthu-api', parentSpanId: undefined });
  });

  it('exports no personal data, no URL, no client address: only allowlisted attributes', async () => {
    const trace = traceparent();
    const searched = await call('GET', `/api/v1/cases?q=${encodeURIComponent(DENOUNCER.fullName)}`, trace.header);
    expect(searched.status).toBe(200);
    await spansOf(trace.traceId, ['GET /api/v1/cases']);

    const exported = receiver.bodies().join('\n');
    for (const secret of [DENOUNCER.fullName, DENOUNCER.phone, DENOUNCER.idNumber, encodeURIComponent(DENOUNCER.fullName), `/cases/${caseCode}`, '127.0.0.1']) {
      expect({ secret, found: exported.includes(secret) }).toEqual({ secret, found: false });
    }
    const keys = new Set(receiver.spans().flatMap((s) => Object.keys(s.attributes)));
    expect([...keys].filter((key) => !EXPORTED_ATTRIBUTES.has(key))).toEqual([]);
    expect(receiver.spans().length).toBeGreaterThan(8);
  });
});
