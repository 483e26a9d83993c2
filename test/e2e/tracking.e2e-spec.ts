import request from 'supertest';
import { AuditEventEntity, CaseEntity, caseStream } from '@donthu/persistence';
import { authHeaders } from '../support/auth';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const SECRET_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const KNOWN_ORIGIN = 'https://tiepdan.example.gov.vn';

const petitioner = { fullName: 'Trần Thị Tra Cứu', address: 'Số 5 phố Lý Thái Tổ, Hà Nội', phone: '0987654321', idNumber: '001199054321' };
const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  agencyCode: 'UBND-HN',
  channel: 'in_person',
  receivedOn: '2026-11-20',
  subject: 'Khiếu nại quyết định bồi thường khi thu hồi đất',
  content: 'Nội dung khiếu nại có chi tiết riêng tư: số thửa 123, tờ bản đồ 45.',
  petitioner,
  ...overrides,
});

/**
 * Citizen tracking and the api's HTTP hardening, on the real stack. Each test speaks from its own
 * client address (X-Forwarded-For, believed because TRUST_PROXY=loopback), so that the tracking
 * rate limit (10 a minute per address) counts each test on its own.
 */
describe('citizen tracking and http hardening', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: ReturnType<typeof request>;
  let officer: Record<string, string>;

  beforeAll(async () => {
    Object.assign(process.env, { TRUST_PROXY: 'loopback', CORS_ORIGINS: `${KNOWN_ORIGIN},http://localhost:5173` });
    delete process.env.BODY_LIMIT;
    delete process.env.TRACKING_RATE_LIMIT;
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = request(stack.api.getHttpServer());
    officer = await authHeaders(http, 'agency_head');
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  let nextAddress = 1;
  /** A citizen at a fresh client address. */
  const citizen = () => {
    const ip = `203.0.113.${nextAddress++}`;
    return (code: string, secret?: string) => {
      const req = http.get(`/api/v1/track/${code}`).set('X-Forwarded-For', ip);
      return secret === undefined ? req : req.set('X-Tracking-Secret', secret);
    };
  };
  const register = (body: object, key?: string) => {
    const req = http.post('/api/v1/cases').set(officer);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const withoutRequestId = (body: Record<string, unknown>) => {
    const { requestId, ...rest } = body;
    expect(typeof requestId).toBe('string');
    return rest;
  };

  it('gives the tracking secret once, in the 201 receipt; a replay of the Idempotency-Key does not hand out another', async () => {
    const first = await register(complaint({ subject: 'Khiếu nại thử khóa lặp lại' }), 'tracking-key-0001').expect(201);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body.tracking).toEqual({ code: first.body.code, secret: expect.stringMatching(SECRET_FORMAT) });
    const secret: string = first.body.tracking.secret;

    const replay = await register(complaint({ subject: 'Khiếu nại thử khóa lặp lại' }), 'tracking-key-0001').expect(200);
    expect(replay.body.code).toBe(first.body.code);
    expect(replay.body.tracking).toEqual({ code: first.body.code, secret: null });

    // The one secret given still opens the case; a replay changed nothing.
    await citizen()(first.body.code, secret).expect(200);

    // Stored only as a slow hash; never in the audit trail or the idempotency record.
    const caseRow = await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: first.body.code });
    const [row] = await stack.dataSource.query('SELECT secret_hash FROM case_tracking WHERE case_id = $1', [caseRow.id]);
    expect(row.secret_hash).toMatch(/^hmac-sha256:v1:[0-9a-f]{64}$/);
    const bare = secret.replace(/-/g, '');
    const everything = JSON.stringify([
      await stack.dataSource.query('SELECT * FROM case_tracking'),
      await stack.dataSource.getRepository(AuditEventEntity).find({ where: caseStream(caseRow.id) }),
      await stack.dataSource.query('SELECT * FROM idempotency_keys'),
    ]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(bare);
    // The database itself refuses a plain secret.
    await expect(stack.dataSource.query('UPDATE case_tracking SET secret_hash = $1 WHERE case_id = $2', [bare, caseRow.id])).rejects.toThrow(/check constraint/);
  });

  it('shows the citizen the public view only: status, deadline, milestones; no personal data and nothing internal', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const detail = (await http.get(`/api/v1/cases/${registered.code}`).set(officer).expect(200)).body;
    const acceptanceDue = detail.clocks.find((c: { name: string }) => c.name === 'acceptance').due;

    // Typed back the way people do: lower case, spaces instead of dashes.
    const typed = registered.tracking.secret.toLowerCase().replace(/-/g, ' ');
    const res = await citizen()(registered.code, typed).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      code: registered.code,
      kind: { value: 'complaint', label: { vi: 'Khiếu nại lần đầu', en: 'Complaint (first level)' } },
      status: { value: 'received', label: { vi: 'Đã tiếp nhận', en: 'Received' } },
      receivedOn: '2026-11-20',
      currentDeadline: { date: acceptanceDue, label: { vi: 'Hạn thụ lý', en: 'Deadline to accept or refuse' } },
      milestones: [{ type: 'received', date: '2026-11-20', label: { vi: 'Đã tiếp nhận đơn', en: 'Received' } }],
      contents: [],
    });
    const text = JSON.stringify(res.body);
    for (const privateText of [petitioner.fullName, petitioner.phone, petitioner.idNumber, petitioner.address, registered.subject, registered.content, 'KN-02', 'unauthenticated', 'demo.']) {
      expect(text).not.toContain(privateText);
    }
  });

  it('adds the acceptance milestone once the case is accepted, and shows the new deadline, never the officer or the note', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const accepted = await http
      .post(`/api/v1/cases/${registered.code}/accept`)
      .set(await authHeaders(http, 'agency_head'))
      .send({ note: 'Ghi chú nội bộ: đã xác minh hồ sơ', effectiveDate: '2026-11-23' })
      .expect(200);
    const resolutionDue = accepted.body.clocks.find((c: { name: string }) => c.name === 'resolution').due;

    const res = await citizen()(registered.code, registered.tracking.secret).expect(200);
    expect(res.body.status).toEqual({ value: 'accepted', label: { vi: 'Đã thụ lý', en: 'Accepted' } });
    expect(res.body.milestones).toEqual([
      { type: 'received', date: '2026-11-20', label: { vi: 'Đã tiếp nhận đơn', en: 'Received' } },
      { type: 'accepted', date: '2026-11-23', label: { vi: 'Đã thụ lý giải quyết', en: 'Accepted for resolution' } },
    ]);
    expect(res.body.currentDeadline).toEqual({ date: resolutionDue, label: { vi: 'Hạn giải quyết', en: 'Deadline to resolve' } });
    expect(JSON.stringify(res.body)).not.toMatch(/Ghi chú|agency_head|Điều 27|KN-03|citation|actor|role/);
  });

  it("tracks a letter's contents through the letter: the cases it was split into show their own public status", async () => {
    const { body: letter } = await register(complaint({ kind: 'letter', subject: 'Đơn vừa khiếu nại vừa tố cáo' })).expect(201);
    await http
      .post(`/api/v1/cases/${letter.code}/classify`)
      .set(await authHeaders(http, 'intake_officer'))
      .send({ contents: ['complaint', 'denunciation'], effectiveDate: '2026-11-24' })
      .expect(200);

    const track = citizen();
    const res = await track(letter.code, letter.tracking.secret).expect(200);
    expect(res.body).toMatchObject({
      code: letter.code,
      kind: { value: 'letter' },
      status: { value: 'classified' },
      currentDeadline: null,
      milestones: [
        { type: 'received', date: '2026-11-20' },
        { type: 'classified', date: '2026-11-24' },
      ],
    });
    expect(res.body.contents).toHaveLength(2);
    expect(res.body.contents.map((c: { kind: { value: string } }) => c.kind.value).sort()).toEqual(['complaint', 'denunciation']);
    for (const content of res.body.contents) {
      expect(Object.keys(content).sort()).toEqual(['code', 'currentDeadline', 'kind', 'milestones', 'receivedOn', 'status']);
      expect(content).toMatchObject({ status: { value: 'received' }, receivedOn: '2026-11-20', milestones: [{ type: 'received', date: '2026-11-20' }] });
      expect(content.currentDeadline).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), label: expect.any(Object) });
      // A content is tracked through its letter, not with the letter's secret under its own code.
      await track(content.code, letter.tracking.secret).expect(404);
    }
    expect(JSON.stringify(res.body)).not.toContain(petitioner.fullName);
  });

  it('answers a wrong secret and an unknown code with the same 404, after the same work', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const other = 'ZZZZ-ZZZZ-ZZZZ' === registered.tracking.secret ? 'YYYY-YYYY-YYYY' : 'ZZZZ-ZZZZ-ZZZZ';
    const wrongSecret = await citizen()(registered.code, other).expect(404);
    const unknownCode = await citizen()('UBND-HN-2026-999999', registered.tracking.secret).expect(404);
    expect(withoutRequestId(wrongSecret.body)).toEqual(withoutRequestId(unknownCode.body));
    expect(JSON.stringify(withoutRequestId(wrongSecret.body))).toBe(JSON.stringify(withoutRequestId(unknownCode.body)));
    expect(wrongSecret.body).toMatchObject({ statusCode: 404, error: 'Not Found', errors: [{ field: 'code', reason: expect.any(String) }] });

    // Both paths compare one keyed tag (a dummy for an unknown code): their times stay within a factor of 2.
    const median = async (send: () => request.Test) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = process.hrtime.bigint();
        await send().expect(404);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    const warm = citizen();
    const known = citizen();
    const unknown = citizen();
    await median(() => warm(registered.code, other));
    const wrongMs = await median(() => known(registered.code, other));
    const unknownMs = await median(() => unknown('UBND-HN-2026-999998', other));
    expect(unknownMs / wrongMs).toBeGreaterThan(0.5);
    expect(unknownMs / wrongMs).toBeLessThan(2);
  });

  it('refuses a missing or malformed secret, a malformed code and a secret in the URL with 400, before any lookup', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const track = citizen();
    expect((await track(registered.code).expect(400)).body.errors).toEqual([{ field: 'X-Tracking-Secret', reason: expect.stringContaining('required') }]);
    expect((await track(registered.code, 'ABC').expect(400)).body.errors).toEqual([{ field: 'X-Tracking-Secret', reason: expect.stringContaining('12 characters') }]);
    expect((await track('not-a-code', registered.tracking.secret).expect(400)).body.errors).toEqual([{ field: 'code', reason: expect.any(String) }]);
    const inUrl = await http.get(`/api/v1/track/${registered.code}?secret=${registered.tracking.secret}`).set('X-Forwarded-For', '198.51.100.7').expect(400);
    expect(inUrl.body).toMatchObject({ statusCode: 400, errors: [{ field: 'secret', reason: expect.stringContaining('X-Tracking-Secret') }] });
  });

  it('limits tracking to 10 requests a minute per client address: the 11th gets 429 in the one error shape', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const track = citizen();
    for (let i = 0; i < 10; i++) {
      const res = await track(registered.code, i % 2 === 0 ? registered.tracking.secret : 'ZZZZ-ZZZZ-ZZZ0');
      expect([200, 404]).toContain(res.status);
    }
    const limited = await track(registered.code, registered.tracking.secret).expect(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many requests',
      errors: [{ field: 'request', reason: expect.stringContaining('10 requests per minute') }],
      requestId: expect.any(String),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is counted on its own.
    await citizen()(registered.code, registered.tracking.secret).expect(200);
  });

  it('sends security headers (helmet) on every answer, including errors and the docs', async () => {
    for (const res of [await citizen()('UBND-HN-2026-999997', 'ZZZZ-ZZZZ-ZZZZ').expect(404), await http.get('/docs/openapi.json').expect(200)]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // The OpenAPI document tells clients how to send the secret, and that tracking needs no login.
    const openapi = (await http.get('/docs/openapi.json').expect(200)).body;
    const operation = openapi.paths['/api/v1/track/{code}'].get;
    expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'X-Tracking-Secret', required: true })]));
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '429']));
    // The browser docs still load under the content security policy (their scripts are files, not inline).
    const page = await http.get('/docs').expect(200);
    expect(page.text).toContain('<script src=');
    expect(page.text).not.toContain('<script>');
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      http
        .options('/api/v1/track/UBND-HN-2026-000001')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'X-Tracking-Secret');
    const unknown = await preflight('https://evil.example.com');
    expect(unknown.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await http.get('/health').set('Origin', 'https://evil.example.com');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();

    const known = await preflight(KNOWN_ORIGIN).expect(204);
    expect(known.headers['access-control-allow-origin']).toBe(KNOWN_ORIGIN);
    expect(known.headers['access-control-allow-headers']).toContain('X-Tracking-Secret');
    expect(known.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses a body over BODY_LIMIT (1mb) with 413 in the one error shape, and writes nothing', async () => {
    const before = await stack.dataSource.getRepository(CaseEntity).count();
    const huge = complaint({ content: 'x'.repeat(1_100_000) });
    const res = await http.post('/api/v1/cases').set(officer).send(huge).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large', errors: [{ field: 'body', reason: 'Request body is too large' }] });
    expect(await stack.dataSource.getRepository(CaseEntity).count()).toBe(before);
  });
});
