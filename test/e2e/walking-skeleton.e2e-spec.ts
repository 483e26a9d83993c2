import { NestFactory } from '@nestjs/core';
import { Worker } from '@temporalio/worker';
import { verifyAuditChain, AuditEventEntity, CaseEntity, caseStream } from '@donthu/persistence';
import { CASE_STATUS_ATTRIBUTE, caseSnapshotQuery } from '@donthu/workflows';
import { AppModule } from '../../apps/api/src/app.module';
import { CaseWorkflowStarter } from '../../apps/api/src/cases/workflow-starter/case-workflow-starter.service';
import { configureApp } from '../../apps/api/src/configure-app';
import { apiAs, type Api } from '../support/http';
import { decodedHistory, replayOptions } from '../support/replay';
import { startStack, type Stack } from '../support/stack';
import { partiesOf } from '../support/vault';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  agencyCode: 'UBND-HN',
  channel: 'post',
  receivedOn: '2026-11-20',
  subject: 'Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND của Ủy ban nhân dân phường',
  content: 'Tôi không đồng ý với mức bồi thường, hỗ trợ khi Nhà nước thu hồi đất — đề nghị xem xét lại. Ưu tiên: cao; ký tự: ễ ữ ỹ ợ đ Đ.',
  respondentBody: 'Ủy ban nhân dân phường Hoàn Kiếm',
  petitioner: { fullName: 'Nguyễn Thị Hoà', address: 'Số 12 phố Hàng Bạc, Hà Nội', phone: '0912345678', idNumber: '001190012345' },
  ...overrides,
});

describe('walking skeleton: a complaint travels through every layer', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: Api;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer());
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const register = (body: object, key?: string) => {
    const req = http.post('/api/v1/cases');
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('registers a complaint, stores Vietnamese text exactly, starts its workflow and records the first audit event', async () => {
    const body = complaint();
    const res = await register(body).expect(201);
    expect(res.body).toMatchObject({ kind: 'complaint', status: 'received', statusLabel: 'Đã tiếp nhận', subject: body.subject, content: body.content, workflowStarted: true });
    expect(res.body.code).toMatch(/^UBND-HN-\d{4}-\d{6}$/);
    expect(res.body).not.toHaveProperty('petitioner');
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn Thị Hoà');

    const read = await http.get(`/api/v1/cases/${res.body.code}`).expect(200);
    expect(read.body).toMatchObject({ code: res.body.code, status: 'received', content: body.content });

    const events = await http.get(`/api/v1/cases/${res.body.code}/events`).expect(200);
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ sequence: 1, type: 'case.registered', prevHash: null, payload: { kind: 'complaint', channel: 'post', receivedOn: '2026-11-20' } });
    expect(JSON.stringify(events.body)).not.toMatch(/Nguyễn|0912345678|001190012345/);

    const handle = stack.temporalClient.workflow.getHandle(res.body.workflowId);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get(CASE_STATUS_ATTRIBUTE)).toBe('received');
    await expect(handle.query(caseSnapshotQuery)).resolves.toMatchObject({ status: 'received', lastSequence: 1 });
    // The start carried the search attributes: the first workflow task (done: it answered the query) did not write them again.
    const history = await handle.fetchHistory();
    expect(history.events?.filter((event) => event.upsertWorkflowSearchAttributesEventAttributes)).toEqual([]);

    // The identity is stored sealed by the vault (test/e2e/identity-vault.e2e-spec.ts shows the raw row).
    const caseRow = await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: res.body.code });
    expect(await partiesOf(stack.dataSource, caseRow.id, 'complainant')).toEqual([expect.objectContaining({ fullName: 'Nguyễn Thị Hoà', idNumber: '001190012345', pseudonym: expect.stringMatching(/^NKN-/) })]);
  });

  it('returns the same case for a repeated Idempotency-Key (201 then 200), never a second case or workflow', async () => {
    const body = complaint({ subject: 'Khiếu nại lặp lại để thử khóa idempotency' });
    const first = await register(body, 'retry-key-0001').expect(201);
    const second = await register(body, 'retry-key-0001').expect(200);
    expect(second.body.code).toBe(first.body.code);
    expect(await stack.dataSource.getRepository(CaseEntity).countBy({ subject: body.subject })).toBe(1);

    const reused = await register({ ...body, subject: 'Nội dung khác' }, 'retry-key-0001').expect(422);
    expect(reused.body.errors).toEqual([{ field: 'Idempotency-Key', reason: 'already used with a different request body' }]);
    expect(await stack.dataSource.getRepository(CaseEntity).countBy({ subject: 'Nội dung khác' })).toBe(0);
  });

  it('accepts a received case through a Temporal Update, then refuses a second accept with 409 and writes nothing', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    const accepted = await http.post(`/api/v1/cases/${registered.code}/accept`).send({ note: 'Đủ điều kiện thụ lý', effectiveDate: '2026-11-20' }).expect(200);
    expect(accepted.body).toMatchObject({ code: registered.code, status: 'accepted', statusLabel: 'Đã thụ lý' });
    // KN-03: 30 days from acceptance on 20/11/2026 end on Sunday 20/12 → Monday 21/12/2026 (BLDS Art. 148).
    const resolution = accepted.body.clocks.find((c: { name: string }) => c.name === 'resolution');
    expect(resolution).toMatchObject({ rule: 'KN-03', status: 'running', startDate: '2026-11-20', due: '2026-12-21' });
    expect(resolution.explanation.join(' ')).toMatch(/Chủ nhật|chủ nhật/);
    expect(accepted.body.clocks.find((c: { name: string }) => c.name === 'acceptance')).toMatchObject({ rule: 'KN-02', status: 'stopped' });
    expect(accepted.body.allowedCommands).toEqual(expect.arrayContaining(['start_verification', 'decide', 'suspend']));

    const again = await http.post(`/api/v1/cases/${registered.code}/accept`).send({}).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('not allowed in status "accepted"') });

    const events = await http.get(`/api/v1/cases/${registered.code}/events`).expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['case.registered', 'case.accepted']);
    expect(events.body[1].payload).toMatchObject({ before: { status: 'received' }, after: { status: 'accepted' }, note: 'Đủ điều kiện thụ lý', citation: expect.stringContaining('Điều 27'), role: 'agency_head', actorAgency: 'UBND-HN' });

    const caseRow = await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: registered.code });
    const rows = await stack.dataSource.getRepository(AuditEventEntity).find({ where: caseStream(caseRow.id), order: { sequence: 'ASC' } });
    expect(verifyAuditChain(rows)).toEqual({ valid: true, length: 2 });
    await expect(stack.dataSource.query(`UPDATE audit_events SET actor = 'someone' WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(/append-only/);
    await expect(stack.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [rows[1]!.id])).rejects.toThrow(/append-only/);

    const handle = stack.temporalClient.workflow.getHandle(registered.workflowId);
    expect((await handle.describe()).typedSearchAttributes.get(CASE_STATUS_ATTRIBUTE)).toBe('accepted');

    // Replay the recorded history against the current workflow code: non-determinism fails here.
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory(replayOptions(), history, registered.workflowId)).resolves.toBeUndefined();
    if (process.env.RECORD_HISTORIES === '1') {
      const fs = await import('node:fs');
      const { historyToJSON } = await import('@temporalio/common/lib/proto-utils');
      fs.writeFileSync('test/fixtures/histories/complaint-registered-accepted.json', historyToJSON(await decodedHistory(history)));
    }
  });

  it('applies a retried accept with the same Idempotency-Key once', async () => {
    const { body: registered } = await register(complaint()).expect(201);
    await http.post(`/api/v1/cases/${registered.code}/accept`).set('Idempotency-Key', 'accept-once-0001').send({}).expect(200);
    await http.post(`/api/v1/cases/${registered.code}/accept`).set('Idempotency-Key', 'accept-once-0001').send({}).expect(200);
    const events = await http.get(`/api/v1/cases/${registered.code}/events`).expect(200);
    expect(events.body).toHaveLength(2);
  });

  it('gives every concurrent registration its own gap-free case code', async () => {
    const agencyCode = 'SO-TNMT-HN';
    const intake = await apiAs(stack.api.getHttpServer(), 'intake_officer', agencyCode);
    const results = await Promise.all(Array.from({ length: 12 }, () => intake.post('/api/v1/cases').send(complaint({ agencyCode }))));
    results.forEach((r) => expect(r.status).toBe(201));
    const sequences = results.map((r) => Number(r.body.code.split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('registers a case while Temporal is unreachable and starts its workflow later (reconciler)', async () => {
    const saved = process.env.TEMPORAL_ADDRESS;
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1'; // nothing listens there
    const isolated = configureApp(await NestFactory.create(AppModule, { bufferLogs: true }));
    await isolated.init();
    process.env.TEMPORAL_ADDRESS = saved;
    try {
      const res = await (await apiAs(isolated.getHttpServer())).post('/api/v1/cases').send(complaint()).expect(201);
      expect(res.body.workflowStarted).toBe(false);
      await http.post(`/api/v1/cases/${res.body.code}/accept`).send({}).expect(503);

      const started = await stack.api.get(CaseWorkflowStarter).reconcile(0);
      expect(started).toBeGreaterThanOrEqual(1);
      const read = await http.get(`/api/v1/cases/${res.body.code}`).expect(200);
      expect(read.body.workflowStarted).toBe(true);
      await expect(stack.temporalClient.workflow.getHandle(res.body.workflowId).query(caseSnapshotQuery)).resolves.toMatchObject({ status: 'received' });
      await http.post(`/api/v1/cases/${res.body.code}/accept`).send({}).expect(200);
    } finally {
      await isolated.close();
    }
  });

  it('answers bad input with 400 naming each field and why, and stores nothing', async () => {
    const before = await stack.dataSource.getRepository(CaseEntity).count();
    const res = await register({ ...complaint({ receivedOn: '2026-02-30', channel: 'pigeon', extra: 1 }), petitioner: { phone: '12' } }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Request validation failed' });
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['receivedOn', 'channel', 'extra', 'petitioner.fullName', 'petitioner.phone']));
    for (const e of res.body.errors) expect(e.reason).toEqual(expect.any(String));

    const future = await register(complaint({ receivedOn: '2999-01-01' })).expect(400);
    expect(future.body.errors).toEqual([{ field: 'receivedOn', reason: expect.stringContaining('today') }]);

    const malformed = await http.post('/api/v1/cases').set('Content-Type', 'application/json').send('{"kind": ').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, errors: [{ field: 'body', reason: expect.stringContaining('JSON') }] });

    await http.get('/api/v1/cases/not-a-code').expect(400);
    await http.get('/api/v1/cases/UBND-HN-2026-999999').expect(404);
    await register(complaint(), 'bad key!').expect(400);
    expect(await stack.dataSource.getRepository(CaseEntity).count()).toBe(before);
  });

  it('reports PostgreSQL and Temporal as up on /health and serves the OpenAPI document', async () => {
    const health = await http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
    const docs = await http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{code}', '/api/v1/cases/{code}/events', '/api/v1/cases/{code}/accept', '/api/v1/cases/{code}/schedule-dialogue', '/health']));
  });
});
