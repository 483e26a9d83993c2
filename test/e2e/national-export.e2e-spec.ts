import { NationalExportActivitiesService } from '../../apps/worker/src/national-export/national-export-activities.service';
import { NationalExportOutbox } from '../../apps/worker/src/national-export/national-export-outbox';
import { nationalExportStatusQuery, nationalExportWorkflowId } from '../../workflows/src/national-export/national-export-contract';
import { apiAs, type Api } from '../support/http';
import { startHttpReceiver, type HttpReceiver } from '../support/http-receiver';
import { nationalExportBatchErrors } from '../support/national-export-schema';
import { eventually } from '../support/smtp';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

// A denouncer the national database must never learn of (Luật Tố cáo Art. 47–48), in every field that could carry them.
const DENOUNCER = { fullName: 'Quách Thị Diệu Huyền', address: 'Số 19 ngõ Tạm Thương, Hà Nội', phone: '0913579246', idNumber: '001188024680', email: 'dieuhuyen@example.invalid' };
const SUBJECT = 'Tố cáo của bà Quách Thị Diệu Huyền về cán bộ địa chính';
const CONTENT = 'Bà Diệu Huyền (0913579246) tố cáo việc nhận tiền để hợp thức hóa đất lấn chiếm.';
const NOTE = 'Đã gặp bà Quách Thị Diệu Huyền để xác minh';
const SECRETS = [...Object.values(DENOUNCER), SUBJECT, CONTENT, NOTE, 'Diệu Huyền', 'Quách', '0913579246', '001188024680'];

const TOKEN = 'national-db-test-token-7c1e';
const SETTINGS = {
  NATIONAL_DB_TOKEN: TOKEN,
  // Fast everything: the watcher polls every 200 ms, retries after 300 ms… 1 s, 2-second leases, small batches.
  NATIONAL_EXPORT_POLL_INTERVAL_MS: '200',
  NATIONAL_EXPORT_RETRY_BASE_MS: '300',
  NATIONAL_EXPORT_RETRY_MAX_MS: '1000',
  NATIONAL_EXPORT_CLAIM_LEASE_MS: '2000',
  NATIONAL_EXPORT_BATCH_SIZE: '4',
  NATIONAL_EXPORT_HISTORY_LIMIT: '200',
};

interface OutboxRow {
  id: string;
  audit_sequence: number;
  status: 'pending' | 'sending' | 'exported';
  attempts: number;
  last_error: string | null;
  batch_id: string | null;
  exported_at: Date | null;
}

/**
 * The national complaints database export (docs/national-export.md) end to end: the real api and
 * worker on a real Temporal dev server and PostgreSQL, delivering to a real HTTP receiver started
 * here (a node http server that de-duplicates by record id, as the national database does).
 */
describe('national database export (real HTTP receiver, real Temporal, real PostgreSQL)', () => {
  let receiver: HttpReceiver;
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    for (const [name, value] of Object.entries({ ...SETTINGS, NATIONAL_DB_URL: receiver.url })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    await receiver?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const caseId = async (code: string): Promise<string> => (await stack.dataSource.query(`SELECT id FROM cases WHERE code = $1`, [code]))[0].id as string;
  const outbox = (id: string): Promise<OutboxRow[]> =>
    stack.dataSource.query(`SELECT id, audit_sequence, status, attempts, last_error, batch_id, exported_at FROM national_export_outbox WHERE case_id = $1 ORDER BY audit_sequence`, [id]);
  const auditTypes = async (id: string): Promise<Array<{ sequence: number; type: string }>> =>
    stack.dataSource.query(`SELECT sequence, type FROM audit_events WHERE stream_type = 'case' AND stream_id = $1 ORDER BY sequence`, [id]);
  const allExported = (id: string) =>
    eventually(async () => {
      const rows = await outbox(id);
      return rows.length > 0 && rows.every((r) => r.status === 'exported') && rows;
    }, 'every record of the case to be exported');
  const receivedFor = (code: string) => receiver.records().filter((r) => r.caseCode === code);
  const complaint = (http: Api, agencyCode = 'UBND-HN') =>
    http
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode, channel: 'post', receivedOn: '2026-11-26', subject: 'Khiếu nại quyết định thu hồi đất', content: 'Nội dung khiếu nại', petitioner: { fullName: 'Trịnh Văn Khiếu' } })
      .expect(201);

  it('exports a record for every state change of a denunciation once, in order, in the documented format, without the denouncer', async () => {
    const server = stack.api.getHttpServer();
    const intake = await apiAs(server, 'intake_officer', 'UBND-PHUONG-HK');
    const head = await apiAs(server, 'agency_head', 'UBND-PHUONG-HK');
    const handler = await apiAs(server, 'handling_officer', 'UBND-PHUONG-HK');
    const registered = await intake
      .post('/api/v1/cases')
      .send({ kind: 'denunciation', agencyCode: 'UBND-PHUONG-HK', channel: 'in_person', receivedOn: '2026-11-26', subject: SUBJECT, content: CONTENT, petitioner: DENOUNCER })
      .expect(201);
    const code = registered.body.code as string;
    const act = (who: Api, command: string, body: object = {}) => who.post(`/api/v1/cases/${code}/${command}`).send(body).expect(200);
    await act(head, 'accept', { note: NOTE });
    await act(head, 'assign', { assignee: 'demo.handling_officer.UBND-PHUONG-HK' });
    await act(handler, 'send-acceptance-notice');
    await act(handler, 'start-verification');
    await act(head, 'extend', { reason: NOTE, documentNumber: '12/QĐ-GH' });
    await act(head, 'conclude', { documentNumber: '15/KL-UBND' });
    await act(handler, 'send-conclusion');

    const id = await caseId(code);
    const rows = await allExported(id);
    const events = await auditTypes(id);
    // One outbox row per event, written with it (same transaction), exported once.
    expect(rows.map((r) => r.audit_sequence)).toEqual(events.map((e) => e.sequence));
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) expect(r).toMatchObject({ status: 'exported', last_error: null, attempts: 1 });

    // At the receiver: every event once, in the order of the case's sequence, each the case as that event left it.
    const received = receivedFor(code);
    expect(received.map((r) => (r.event as { sequence: number }).sequence)).toEqual(events.map((e) => e.sequence));
    expect(received.map((r) => (r.event as { type: string }).type)).toEqual(events.map((e) => e.type));
    expect(received.map((r) => r.recordId)).toEqual(rows.map((r) => r.id));
    expect(received[0]).toMatchObject({ caseKind: 'denunciation', status: 'received', agencyCode: 'UBND-PHUONG-HK', receivedOn: '2026-11-26', groupSize: 1 });
    expect(received.at(-1)).toMatchObject({ status: 'conclusion_sent' });
    const accepted = received.find((r) => (r.event as { type: string }).type === 'case.accepted')!;
    expect(accepted.event).toMatchObject({ command: 'accept', actorRole: 'agency_head' });
    expect((accepted.clocks as Array<{ ruleId: string }>).map((c) => c.ruleId)).toEqual(expect.arrayContaining(['TC-04']));

    // Each request: the documented body, the batch id as Idempotency-Key, the bearer token.
    const requests = receiver.requests().filter((q) => ((q.json as { records?: Array<{ caseCode: string }> }).records ?? []).some((r) => r.caseCode === code));
    expect(requests.length).toBeGreaterThanOrEqual(2); // batches of 4
    for (const q of requests) {
      expect(nationalExportBatchErrors(q.json)).toEqual([]);
      expect(q).toMatchObject({ method: 'POST', url: '/records' });
      expect(q.headers['idempotency-key']).toBe((q.json as { batchId: string }).batchId);
      expect(q.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(q.headers['content-type']).toBe('application/json; charset=utf-8');
    }

    // Not one byte of the denouncer, of the free text, or of an officer's identity left the system.
    const everything = receiver.requests().map((q) => `${q.raw.toString('utf8')}\n${JSON.stringify(q.headers)}`).join('\n');
    expect(SECRETS.filter((s) => everything.includes(s))).toEqual([]);
    expect(everything).not.toContain('demo.handling_officer');
  });

  it('keeps records while the receiver is down, retries them with their error visible, and delivers each once, in order, when it is back', async () => {
    const http = await apiAs(stack.api.getHttpServer());
    await receiver.stop();
    try {
      const code = (await complaint(http)).body.code as string;
      await http.post(`/api/v1/cases/${code}/accept`).send({}).expect(200);
      const id = await caseId(code);
      // Refused connections: attempts count up, the error is kept on the rows, nothing is marked.
      const waiting = await eventually(async () => {
        const rows = await outbox(id);
        return rows.length === 2 && rows.every((r) => r.status !== 'exported' && r.attempts >= 2) && rows;
      }, 'the records to have failed twice');
      for (const r of waiting) expect(r.last_error).toMatch(/ECONNREFUSED/);
      const status = await stack.temporalClient.workflow.getHandle(nationalExportWorkflowId(stack.taskQueue)).query(nationalExportStatusQuery);
      expect(status.lastRound).toMatchObject({ exported: 0 });

      // A receiver that answers 503 is an error too, kept as such.
      receiver.respondWith(503);
      await receiver.start();
      await eventually(async () => (await outbox(id)).every((r) => r.last_error?.startsWith('HTTP 503') === true), 'the 503 to be recorded');
      expect(receivedFor(code)).toEqual([]);

      receiver.respondWith(200);
      const rows = await allExported(id);
      for (const r of rows) expect(r.attempts).toBeGreaterThanOrEqual(3);
      expect(receivedFor(code).map((r) => (r.event as { sequence: number }).sequence)).toEqual([1, 2]);
    } finally {
      receiver.respondWith(200);
      await receiver.start();
    }
  });

  it('re-sends a batch after a crash between the receiver’s 2xx and the mark; the receiver de-duplicates it; the rows are marked once', async () => {
    const service = stack.worker!.get(NationalExportActivitiesService);
    let crashed: { batchId: string; ids: readonly string[] } | undefined;
    service.afterAccepted = (batchId, ids) => {
      if (crashed) return;
      crashed = { batchId, ids };
      throw new Error('simulated crash: the receiver has the batch, the rows are not marked yet');
    };
    try {
      const duplicatesBefore = receiver.duplicates();
      const http = await apiAs(stack.api.getHttpServer());
      const code = (await complaint(http)).body.code as string;
      const id = await caseId(code);
      const rows = await allExported(id);
      expect(crashed).toBeDefined();
      const crash = crashed!;
      // Sent twice (same batch, same Idempotency-Key), kept once by the receiver, marked once.
      const copies = receiver.requests().filter((q) => q.headers['idempotency-key'] === crash.batchId);
      expect(copies).toHaveLength(2);
      expect(copies[1]!.raw.equals(copies[0]!.raw)).toBe(true);
      expect(receiver.duplicates() - duplicatesBefore).toBe(crash.ids.length);
      expect(receivedFor(code)).toHaveLength(1);
      const victim = rows.find((r) => crash.ids.includes(r.id))!;
      expect(victim).toMatchObject({ status: 'exported', attempts: 2, batch_id: crash.batchId, last_error: null });
      // Nobody else can mark it again.
      expect(await new NationalExportOutbox(stack.dataSource).markExported([victim.id], '00000000-0000-4000-8000-000000000000')).toEqual([]);
      const [after] = await stack.dataSource.query(`SELECT exported_at FROM national_export_outbox WHERE id = $1`, [victim.id]);
      expect(after.exported_at).toEqual(victim.exported_at);
    } finally {
      service.afterAccepted = undefined;
    }
  });

  it('runs one exporter per task queue, idle without a timer once nothing waits', async () => {
    await eventually(async () => {
      const [{ waiting }] = await stack.dataSource.query(`SELECT count(*)::int AS waiting FROM national_export_outbox WHERE status <> 'exported'`);
      return waiting === 0;
    }, 'the outbox to have nothing waiting');
    const handle = stack.temporalClient.workflow.getHandle(nationalExportWorkflowId(stack.taskQueue));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // Nothing waiting: the last round set no timer (0); only the watcher's signal wakes the exporter for new records.
    const status = await eventually(async () => {
      const s = await handle.query(nationalExportStatusQuery);
      return s.lastRound?.more === false && s.lastRound.sleepMs === 0 && s;
    }, 'an idle exporter');
    expect(status.rounds).toBeGreaterThan(0);
  });
});
