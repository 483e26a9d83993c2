import { AuditEventEntity, CaseEntity, verifyAuditChain } from '@donthu/persistence';
import { identityVaultFromEnv } from '@donthu/vault';
import { caseSnapshotQuery } from '@donthu/workflows';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { apiAs, type Api } from '../support/http';
import { decodedHistory, readableText } from '../support/replay';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * The denouncer identity vault end to end (Luật Tố cáo 2018, Art. 47–48): what reaches
 * PostgreSQL, the api's reads and Temporal's histories, and who may reveal an identity.
 */
describe('the identity of a denouncer stays secret', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let as: Record<'intake' | 'head' | 'handler' | 'otherHead' | 'inspector', Api>;

  const DENOUNCER = { fullName: 'Quách Thị Bí Mật', address: 'Ngõ 99 phố Thuốc Bắc, Hà Nội', phone: '0987 111 222', email: 'bi.mat.qt@example.vn', idNumber: '034199012777' };
  /** Every fragment that would identify her, as typed and as stored without formatting. */
  const SECRETS = ['Quách Thị', 'Bí Mật', 'Thuốc Bắc', '0987 111 222', '0987111222', 'bi.mat.qt', '034199012777'];
  const NOTES = {
    accept: `Thụ lý; đã gọi bà ${DENOUNCER.fullName} để xác nhận`,
    assign: `Giao xác minh, liên hệ số ${DENOUNCER.phone}`,
    verify: `Đối chiếu CCCD ${DENOUNCER.idNumber} với hồ sơ`,
  };
  const HANDLER_ID = 'demo.handling_officer.UBND-HN';

  let code: string;
  let workflowId: string;
  let caseId: string;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const server = stack.api.getHttpServer();
    as = {
      intake: await apiAs(server, 'intake_officer', 'UBND-HN'),
      head: await apiAs(server, 'agency_head', 'UBND-HN'),
      handler: await apiAs(server, 'handling_officer', 'UBND-HN'),
      otherHead: await apiAs(server, 'agency_head', 'SO-TNMT-HN'),
      inspector: await apiAs(server, 'inspector', 'TTR-HN'),
    };
    const registered = await as.intake
      .post('/api/v1/cases')
      .send({
        kind: 'denunciation',
        agencyCode: 'UBND-HN',
        channel: 'post',
        receivedOn: todayInVietnam(),
        subject: 'Tố cáo hành vi nhận hối lộ trong cấp phép xây dựng',
        content: 'Người tố cáo đề nghị giữ bí mật danh tính; nội dung tố cáo gửi kèm tài liệu.',
        petitioner: DENOUNCER,
      })
      .expect(201);
    ({ code, workflowId } = registered.body as { code: string; workflowId: string });
    caseId = (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code })).id;
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const containsSecret = (text: string) => SECRETS.filter((s) => text.includes(s));
  const identityEvents = () => stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'identity', streamId: caseId }, order: { sequence: 'ASC' } });
  const reveal = (api: Api, reason = 'Cần liên hệ người tố cáo để bổ sung chứng cứ') => api.post(`/api/v1/cases/${code}/parties/reveal`).send({ reason });

  it('stores no identifying field in plain text anywhere in the database, only a pseudonym, sealed blobs and blind indexes', async () => {
    const [row] = await stack.dataSource.query('SELECT * FROM case_parties WHERE case_id = $1', [caseId]);
    expect(Object.keys(row).sort()).toEqual(['case_id', 'encrypted_identity', 'id', 'id_number_index', 'key_id', 'phone_index', 'pseudonym', 'role', 'wrapped_key']);
    const vault = identityVaultFromEnv();
    expect(row).toMatchObject({
      role: 'denouncer',
      pseudonym: expect.stringMatching(/^NTC-[0-9A-Z]{12}$/),
      key_id: 'test-1',
      id_number_index: vault.idNumberIndex('034 199 012 777'),
      phone_index: vault.phoneIndex('+84987111222'),
    });
    for (const blob of [row.encrypted_identity as Buffer, row.wrapped_key as Buffer]) {
      for (const secret of SECRETS) expect(blob.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    // Every table, every row, as PostgreSQL prints it (bytea as hex, so a byte-for-byte copy shows too).
    const tables: Array<{ table_name: string }> = await stack.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    for (const { table_name } of tables) {
      const rows = await stack.dataSource.query<Array<{ row: string }>>(`SELECT t::text AS row FROM "${table_name}" t`);
      const dump = rows.map((r) => r.row).join('\n');
      expect({ table: table_name, found: containsSecret(dump) }).toEqual({ table: table_name, found: [] });
      for (const secret of SECRETS) expect(dump).not.toContain(Buffer.from(secret, 'utf8').toString('hex'));
    }
  });

  it('never returns the identity from the case or its events', async () => {
    const detail = await as.head.get(`/api/v1/cases/${code}`).expect(200);
    const events = await as.head.get(`/api/v1/cases/${code}/events`).expect(200);
    expect(containsSecret(JSON.stringify(detail.body))).toEqual([]);
    expect(containsSecret(JSON.stringify(events.body))).toEqual([]);
  });

  it('keeps officers’ notes out of Temporal’s history: raw it is ciphertext, the codec client reads it', async () => {
    await as.head.post(`/api/v1/cases/${code}/accept`).send({ note: NOTES.accept }).expect(200);
    await as.head.post(`/api/v1/cases/${code}/assign`).send({ assignee: HANDLER_ID, note: NOTES.assign }).expect(200);
    await as.handler.post(`/api/v1/cases/${code}/start-verification`).send({ note: NOTES.verify }).expect(200);

    const raw = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
    const rawText = readableText(raw);
    for (const note of Object.values(NOTES)) expect(rawText).not.toContain(note);
    expect(containsSecret(rawText)).toEqual([]);
    expect(rawText).toContain('binary/encrypted');
    // The same search finds every note once the payloads are decoded with the codec's keys.
    const decoded = readableText(await decodedHistory(raw));
    for (const note of Object.values(NOTES)) expect(decoded).toContain(note);

    // A client without the codec cannot read the workflow's answers; the project's client can.
    await expect(temporal.client.workflow.getHandle(workflowId).query(caseSnapshotQuery)).rejects.toThrow();
    await expect(stack.temporalClient.workflow.getHandle(workflowId).query(caseSnapshotQuery)).resolves.toMatchObject({ status: 'verifying' });
  });

  it('reveals the identity to the head of the case’s agency, and records who, why and which pseudonym, never the data', async () => {
    const before = (await identityEvents()).length;
    const res = await reveal(as.head).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ code, parties: [{ pseudonym: expect.stringMatching(/^NTC-/), role: 'denouncer', ...DENOUNCER }], auditSequence: before + 1 });

    const events = await identityEvents();
    expect(events.at(-1)).toMatchObject({
      sequence: before + 1,
      type: 'identity.revealed',
      actor: 'demo.agency_head.UBND-HN',
      payload: { outcome: 'revealed', role: 'agency_head', agencyCode: 'UBND-HN', basis: 'agency_head', reason: 'Cần liên hệ người tố cáo để bổ sung chứng cứ', parties: [res.body.parties[0].pseudonym] },
    });
    expect(containsSecret(JSON.stringify(events))).toEqual([]);
    expect(verifyAuditChain(events)).toEqual({ valid: true, length: events.length });
    // The identity stream is not the case's: the case's events show no reveal.
    const caseEvents = await as.head.get(`/api/v1/cases/${code}/events`).expect(200);
    expect(caseEvents.body.map((e: { type: string }) => e.type)).not.toContain('identity.revealed');
  });

  it('reveals it to the officer handling the case, and to no other handling officer', async () => {
    const res = await reveal(as.handler, 'Xác minh: cần gặp trực tiếp người tố cáo').expect(200);
    expect(res.body.parties[0]).toMatchObject({ fullName: DENOUNCER.fullName });
    expect((await identityEvents()).at(-1)).toMatchObject({ type: 'identity.revealed', actor: HANDLER_ID, payload: { role: 'handling_officer', basis: 'handling_officer' } });

    // Another denunciation of the same agency, not assigned to this officer: refused, and recorded.
    const other = await as.intake
      .post('/api/v1/cases')
      .send({ kind: 'denunciation', agencyCode: 'UBND-HN', channel: 'post', receivedOn: todayInVietnam(), subject: 'Tố cáo khác', content: 'Nội dung khác', petitioner: { fullName: 'Người Khác' } })
      .expect(201);
    const refused = await as.handler.post(`/api/v1/cases/${other.body.code}/parties/reveal`).send({ reason: 'Tò mò muốn biết người tố cáo' }).expect(403);
    expect(JSON.stringify(refused.body)).not.toContain('Người Khác');
    const otherId = (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: other.body.code })).id;
    const recorded = await stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'identity', streamId: otherId } });
    expect(recorded).toEqual([
      expect.objectContaining({ type: 'identity.reveal_refused', actor: HANDLER_ID, payload: { outcome: 'refused', refusal: 'not_handler', role: 'handling_officer', agencyCode: 'UBND-HN', reason: 'Tò mò muốn biết người tố cáo' } }),
    ]);
  });

  it('refuses an intake officer, an inspector and another agency’s head, and records each attempt', async () => {
    const before = (await identityEvents()).length;
    const intake = await reveal(as.intake, 'Muốn xem thông tin người tố cáo').expect(403);
    const inspector = await reveal(as.inspector, 'Thanh tra muốn xem người tố cáo').expect(403);
    const otherHead = await reveal(as.otherHead, 'Lãnh đạo sở khác muốn xem').expect(404);
    for (const res of [intake, inspector, otherHead]) expect(containsSecret(JSON.stringify(res.body))).toEqual([]);
    expect(otherHead.body).toMatchObject({ statusCode: 404, errors: [{ field: 'code', reason: 'no case with this code' }] });

    const attempts = (await identityEvents()).slice(before);
    expect(attempts.map((e) => [e.type, e.payload.refusal, e.payload.reason])).toEqual([
      ['identity.reveal_refused', 'permission', 'Muốn xem thông tin người tố cáo'],
      ['identity.reveal_refused', 'permission', 'Thanh tra muốn xem người tố cáo'],
      ['identity.reveal_refused', 'out_of_scope', 'Lãnh đạo sở khác muốn xem'],
    ]);
    expect(attempts[2]).toMatchObject({ actor: 'demo.agency_head.SO-TNMT-HN', payload: { role: 'agency_head', agencyCode: 'SO-TNMT-HN' } });
    expect(containsSecret(JSON.stringify(attempts))).toEqual([]);
    const all = await identityEvents();
    expect(verifyAuditChain(all)).toEqual({ valid: true, length: all.length });
  });

  it('requires a reason of 10 to 500 characters and a case that exists', async () => {
    const before = (await identityEvents()).length;
    const short = await reveal(as.head, '  ngắn  ').expect(400);
    expect(short.body.errors).toEqual([{ field: 'reason', reason: expect.stringContaining('10') }]);
    await reveal(as.head, 'x'.repeat(501)).expect(400);
    await as.head.post(`/api/v1/cases/${code}/parties/reveal`).send({}).expect(400);
    await as.head.post(`/api/v1/cases/${code}/parties/reveal`).send({ reason: 'Lý do đủ dài ở đây', extra: 1 }).expect(400);
    await as.head.post('/api/v1/cases/UBND-HN-2026-999999/parties/reveal').send({ reason: 'Lý do đủ dài ở đây' }).expect(404);
    expect((await identityEvents()).length).toBe(before);
  });

  it('reveals nothing for an anonymous denunciation, and still records the reveal', async () => {
    const anonymous = await as.intake
      .post('/api/v1/cases')
      .send({ kind: 'denunciation', agencyCode: 'UBND-HN', channel: 'post', receivedOn: todayInVietnam(), subject: 'Đơn nặc danh', content: 'Nội dung cụ thể', anonymous: true })
      .expect(201);
    const res = await as.head.post(`/api/v1/cases/${anonymous.body.code}/parties/reveal`).send({ reason: 'Kiểm tra đơn nặc danh' }).expect(200);
    expect(res.body).toEqual({ code: anonymous.body.code, parties: [], auditSequence: 1 });
  });
});
