import request from 'supertest';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { authHeaders } from '../support/auth';
import { freePort } from '../support/net';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * The api's Prometheus endpoint (API_METRICS_ADDRESS), on its own listener: HTTP requests by
 * route pattern and status, open cases by kind, agency clocks by monitoring state — counts that
 * follow what the api did, and never a case code or a name.
 */
describe('api metrics (Prometheus)', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    process.env.API_METRICS_ADDRESS = `127.0.0.1:${port}`;
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
  }, 180_000);

  afterAll(async () => {
    delete process.env.API_METRICS_ADDRESS;
    await stack?.close();
    await temporal?.teardown();
  });

  const value = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('counts requests by route pattern, open cases by kind and agency clocks by state', async () => {
    const http = request(stack.api.getHttpServer());
    const headers = await authHeaders(http, 'agency_head', 'UBND-HN');
    const petition = (receivedOn: string, name: string) => ({
      kind: 'complaint',
      agencyCode: 'UBND-HN',
      channel: 'post',
      receivedOn,
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Nội dung khiếu nại để đếm số liệu giám sát.',
      petitioner: { fullName: name, phone: '0912000999' },
    });
    const late = await http.post('/api/v1/cases').set(headers).send(petition('2026-01-05', 'Đỗ Văn Chỉ Số')).expect(201);
    await http.post('/api/v1/cases').set(headers).send(petition(todayInVietnam(), 'Đỗ Thị Đo Lường')).expect(201);
    await http.get(`/api/v1/cases/${late.body.code as string}`).set(headers).expect(200);
    await http.get('/api/v1/cases/UBND-HN-2026-999999').set(headers).expect(404);

    const text = await (await fetch(metricsUrl)).text();
    expect(value(text, 'donthu_http_requests_total{method="POST",route="/api/v1/cases",status="201"}')).toBe(2);
    expect(value(text, 'donthu_http_requests_total{method="GET",route="/api/v1/cases/:code",status="200"}')).toBe(1);
    expect(value(text, 'donthu_http_requests_total{method="GET",route="/api/v1/cases/:code",status="404"}')).toBe(1);
    expect(value(text, 'donthu_open_cases{kind="complaint"}')).toBe(2);
    // The January complaint's acceptance clock (KN-02) ran out long ago; today's is on track.
    const late_ = ['due_soon', 'overdue', 'very_overdue'].map((state) => value(text, `donthu_agency_clocks{agency="UBND-HN",state="${state}"}`) ?? 0);
    expect(late_.reduce((a, b) => a + b, 0)).toBe(1);
    expect(late_[0]).toBe(0);
    expect(text).toMatch(/^donthu_api_process_resident_memory_bytes \d+/m);
    // Route patterns, never the codes or the people.
    expect(text).not.toContain(late.body.code as string);
    expect(text).not.toContain('Đỗ');
    // The metrics are not on the api's own port (there, /metrics is the console's or a 404).
    expect((await http.get('/metrics')).text).not.toContain('donthu_http_requests_total');
  }, 60_000);
});
