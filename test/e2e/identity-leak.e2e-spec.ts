import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { apiAs, type Api } from '../support/http';
import { readableText } from '../support/replay';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * The leak test (Luật Tố cáo 2018, Art. 47–48): a denunciation goes through its whole lifecycle,
 * and then every log line, every api response to a role not entitled to the identity, every
 * table except the vault's, and the raw Temporal history are searched for the denouncer's name,
 * ID number and phone. Zero hits.
 */
describe('a denouncer’s identity leaks nowhere', () => {
  const DENOUNCER = { fullName: 'Lương Thị Kín Đáo', address: 'Số 7 ngõ Tạm Thương, Hà Nội', phone: '0912 345 678', idNumber: '001188009999', email: 'kin.dao@example.vn' };
  const NEEDLES = ['Lương Thị', 'Kín Đáo', 'Tạm Thương', '0912 345 678', '0912345678', '001188009999', 'kin.dao'];
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'donthu-leak-')), 'logs.jsonl');

  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const seen: Array<{ who: string; what: string; text: string }> = [];
  const record = (who: string, what: string, body: unknown) => seen.push({ who, what, text: JSON.stringify(body) });
  const hits = (text: string) => NEEDLES.filter((n) => text.includes(n));

  beforeAll(async () => {
    process.env.LOG_FILE = logFile;
    process.env.LOG_LEVEL = 'debug';
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    delete process.env.LOG_FILE;
    process.env.LOG_LEVEL = 'silent';
  });

  it('runs a denunciation through its lifecycle, then finds the identity nowhere it must not be', async () => {
    const server = stack.api.getHttpServer();
    const intake = await apiAs(server, 'intake_officer', 'UBND-PHUONG-HK');
    const head = await apiAs(server, 'agency_head', 'UBND-PHUONG-HK');
    const handler = await apiAs(server, 'handling_officer', 'UBND-PHUONG-HK');

    const registered = await intake
      .post('/api/v1/cases')
      .send({ kind: 'denunciation', agencyCode: 'UBND-PHUONG-HK', channel: 'in_person', receivedOn: '2026-11-26', subject: 'Tố cáo cán bộ địa chính', content: 'Cán bộ địa chính nhận tiền để hợp thức hóa đất lấn chiếm.', petitioner: DENOUNCER })
      .expect(201);
    const { code, workflowId } = registered.body as { code: string; workflowId: string };
    const secret = (registered.body as { tracking: { secret: string } }).tracking.secret;
    const act = (who: Api, command: string, body: object = {}) => who.post(`/api/v1/cases/${code}/${command}`).send(body).expect(200);

    await act(head, 'accept', { note: 'Đủ điều kiện thụ lý' });
    await act(head, 'assign', { assignee: 'demo.handling_officer.UBND-PHUONG-HK' });
    await act(handler, 'send-acceptance-notice');
    await act(handler, 'start-verification');
    await act(head, 'extend', { reason: 'Cần xác minh tại nhiều nơi', documentNumber: '12/QĐ-GH' });
    await act(head, 'suspend', { reason: 'Chờ kết quả đo đạc', documentNumber: '13/QĐ-TĐC', effectiveDate: '2026-11-26' });
    await act(handler, 'send-suspension-notice');
    await act(head, 'resume', { documentNumber: '14/QĐ-TTGQ' });
    await head.post(`/api/v1/cases/${code}/attachments`).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'bien-ban-xac-minh.pdf').expect(201);
    await act(head, 'conclude', { documentNumber: '15/KL-UBND' });
    await act(handler, 'send-conclusion');
    await act(handler, 'publish');
    await act(handler, 'close');

    // The entitled reveal works (and is the one place the identity may appear).
    const revealed = await head.post(`/api/v1/cases/${code}/parties/reveal`).send({ reason: 'Xác minh để bảo vệ người tố cáo' }).expect(200);
    expect(JSON.stringify(revealed.body)).toContain(DENOUNCER.fullName);

    // Everyone else who may read the case, and the public tracking page.
    const readers: Array<[string, Api]> = [
      ['inspector TTR-HN', await apiAs(server, 'inspector', 'TTR-HN')],
      ['superior inspector TTCP', await apiAs(server, 'superior_inspector', 'TTCP')],
      ['auditor CP', await apiAs(server, 'auditor', 'CP')],
      ['intake officer', intake],
      ['handling officer', handler],
      ['agency head (reads, without revealing)', head],
      ['another agency head', await apiAs(server, 'agency_head', 'UBND-PHUONG-HC')],
    ];
    for (const [who, api] of readers) {
      for (const url of [`/api/v1/cases/${code}`, `/api/v1/cases/${code}/events`, '/api/v1/cases?limit=200', `/api/v1/cases/${code}/attachments`, `/api/v1/audit/verify?case=${code}`]) {
        const res = await api.get(url);
        record(who, url, res.body);
      }
    }
    // The identity reveals and the attachments have hash chains of their own.
    const inspector = readers[0]![1];
    for (const trail of ['case', 'identity', 'attachment']) {
      const verified = await inspector.get(`/api/v1/audit/verify?case=${code}&trail=${trail}`).expect(200);
      expect(verified.body).toMatchObject({ case: code, valid: true, length: expect.any(Number) });
      expect(verified.body.length).toBeGreaterThanOrEqual(1);
    }
    await inspector.get('/api/v1/audit/verify?trail=identity').expect(400);
    const tracked = await request(server).get(`/api/v1/track/${code}`).set('X-Tracking-Secret', secret).expect(200);
    record('citizen (tracking)', 'track', tracked.body);
    expect(seen.length).toBeGreaterThanOrEqual(36);
    expect(seen.filter((s) => hits(s.text).length > 0).map((s) => `${s.who} ${s.what}: ${hits(s.text).join(', ')}`)).toEqual([]);

    // The raw Temporal history (payloads as stored by the server, without the codec).
    const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events!.length).toBeGreaterThan(20);
    expect(hits(readableText(history))).toEqual([]);

    // Every table but the vault's party rows.
    const tables: Array<{ table_name: string }> = await stack.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'case_parties'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['cases', 'audit_events', 'case_clocks', 'notifications', 'case_tracking', 'case_attachments']));
    for (const { table_name } of tables) {
      const rows: Array<{ row: unknown }> = await stack.dataSource.query(`SELECT row_to_json(t) AS row FROM "${table_name}" t`);
      expect({ table: table_name, hits: hits(JSON.stringify(rows)) }).toEqual({ table: table_name, hits: [] });
    }
    const parties: Array<{ row: unknown }> = await stack.dataSource.query(`SELECT row_to_json(t) AS row FROM case_parties t`);
    expect(hits(JSON.stringify(parties))).toEqual([]);

    // Every log line of the api and the worker, at debug level.
    const logs = readFileSync(logFile, 'utf8');
    expect(logs.split('\n').length).toBeGreaterThan(50);
    expect(hits(logs)).toEqual([]);
  });
});
