import { readFileSync } from 'node:fs';
import path from 'node:path';
import type request from 'supertest';
import type { Role } from '@donthu/domain';
import { auditEventHash, AuditEventEntity, CaseEntity, caseStream } from '@donthu/persistence';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';
import { eventually } from '../support/eventually';

interface ListedCase {
  code: string;
  kind: string;
  status: string;
  agencyCode: string;
  receivedOn: string;
  nextDueOn: string | null;
  overdue: boolean;
}

const PETITIONER = { fullName: 'Đặng Thị Xuân', phone: '0987654321', idNumber: '079188001234' };
const today = todayInVietnam();

const caseBody = (kind: string, agencyCode: string, receivedOn: string) => ({
  kind,
  agencyCode,
  channel: 'post',
  receivedOn,
  subject: `${kind} nhận ngày ${receivedOn}`,
  content: 'Nội dung đơn để thử danh sách vụ việc và kiểm tra nhật ký.',
  petitioner: PETITIONER,
});

// The cases the list is tested on. Received long ago: their clocks ran out, the workflow marks
// them overdue on its own. Received today: nothing is due yet. Two filed ones have no running clock.
const FIXTURES: Array<{ kind: string; agency: string; receivedOn: string; file?: true }> = [
  { kind: 'complaint', agency: 'UBND-HN', receivedOn: today },
  { kind: 'complaint', agency: 'UBND-HN', receivedOn: today }, // same due date as the one above: the code breaks the tie
  { kind: 'complaint', agency: 'UBND-HN', receivedOn: '2026-01-05' },
  { kind: 'denunciation', agency: 'UBND-HN', receivedOn: '2026-03-02' },
  { kind: 'reception', agency: 'UBND-HN', receivedOn: today },
  { kind: 'letter', agency: 'UBND-HN', receivedOn: '2026-08-03' },
  { kind: 'recommendation', agency: 'SO-TNMT-HN', receivedOn: '2026-06-01' },
  { kind: 'complaint', agency: 'SO-TNMT-HN', receivedOn: '2026-10-01' },
  { kind: 'recommendation', agency: 'SO-TNMT-HN', receivedOn: today, file: true },
  { kind: 'recommendation', agency: 'SO-TNMT-HN', receivedOn: today, file: true },
  { kind: 'letter', agency: 'SO-TNMT-HN', receivedOn: today },
];

/** Inbox order as the api promises it: nextDueOn ascending, no due date last, then code (byte order). */
function inboxOrder(a: ListedCase, b: ListedCase): number {
  if (a.nextDueOn !== b.nextDueOn) {
    if (a.nextDueOn === null) return 1;
    if (b.nextDueOn === null) return -1;
    return a.nextDueOn < b.nextDueOn ? -1 : 1;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

const codes = (items: ListedCase[]) => items.map((c) => c.code);


describe('case list (inbox order, filters, cursor pages) and audit chain verification', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  // The inspectorate of Hà Nội sees the whole province (lists, verification); each agency's head and intake officer register and act.
  let http: Api;
  const staff: Record<string, Api> = {};
  const as = async (role: Role, agency: string) => (staff[`${role}@${agency}`] ??= await apiAs(stack.api.getHttpServer(), role, agency));
  const registered: ListedCase[] = [];

  /** Every page of a list query, following nextCursor; fails if it does not end. */
  async function allPages(query: Record<string, string | number | boolean>, limit: number): Promise<ListedCase[][]> {
    const pages: ListedCase[][] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http.get('/api/v1/cases').query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 50);
    expect(cursor).toBeNull();
    return pages;
  }

  const list = async (query: Record<string, string | number | boolean>): Promise<ListedCase[]> => (await http.get('/api/v1/cases').query({ limit: 200, ...query }).expect(200)).body.items;
  const verify = (query: Record<string, string>) => http.get('/api/v1/audit/verify').query(query);

  /** Edits audit_events as someone with database access would: the append-only trigger off, the edit, the trigger on, in one transaction. */
  const tamper = (sql: string, params: unknown[]) =>
    stack.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await manager.query(sql, params);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    });

  const caseId = async (code: string) => (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code })).id;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer(), 'inspector', 'TTR-HN');

    for (const fixture of FIXTURES) {
      const { body } = await (await as('agency_head', fixture.agency)).post('/api/v1/cases').send(caseBody(fixture.kind, fixture.agency, fixture.receivedOn)).expect(201);
      let listed: ListedCase = body;
      if (fixture.file) {
        listed = (await (await as('intake_officer', fixture.agency)).post(`/api/v1/cases/${body.code}/file`).send({ reason: 'Đơn trùng nội dung đã giải quyết' }).expect(200)).body;
        expect(listed).toMatchObject({ status: 'filed', nextDueOn: null });
      }
      registered.push(listed);
    }
    // The workflows of the old cases record their milestones (due soon, overdue, escalations) on their own.
    const expectedOverdue = FIXTURES.filter((f) => f.receivedOn < today).length;
    const overdue = await eventually(
      () => stack.dataSource.getRepository(CaseEntity).countBy({ overdue: true }),
      (count) => count === expectedOverdue,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(overdue).toBe(expectedOverdue);
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('lists every case nearest deadline first, no deadline last, ties by code, without personal data', async () => {
    const res = await http.get('/api/v1/cases').expect(200);
    expect(res.body.nextCursor).toBeNull();
    const items: ListedCase[] = res.body.items;
    expect(items).toHaveLength(FIXTURES.length);
    expect(codes(items)).toEqual(codes([...items].sort(inboxOrder)));
    expect(new Set(codes(items))).toEqual(new Set(codes(registered)));
    const dbCodes: Array<{ code: string }> = await stack.dataSource.query('SELECT code FROM cases');
    expect(new Set(codes(items))).toEqual(new Set(dbCodes.map((r) => r.code)));

    // Both filed cases come last, in code order; the two complaints of today are adjacent, in code order.
    expect(items.slice(-2).map((c) => [c.status, c.nextDueOn])).toEqual([
      ['filed', null],
      ['filed', null],
    ]);
    expect(items.slice(0, -2).every((c) => c.nextDueOn !== null)).toBe(true);
    const [first, second] = registered;
    expect(first!.nextDueOn).toBe(second!.nextDueOn);
    const i = codes(items).indexOf(first!.code);
    expect(codes(items).slice(i, i + 2)).toEqual([first!.code, second!.code]);

    expect(items[0]).toMatchObject({ code: expect.any(String), kind: expect.any(String), statusLabel: expect.any(String), workflowStarted: true });
    expect(items[0]).not.toHaveProperty('petitioner');
    expect(JSON.stringify(res.body)).not.toMatch(/Đặng Thị Xuân|0987654321|079188001234/);
  });

  it('pages with a small limit: every case exactly once, in the same order as one big page', async () => {
    const whole = await list({});
    for (const limit of [1, 2, 3, 5]) {
      const pages = await allPages({}, limit);
      expect(pages).toHaveLength(Math.ceil(whole.length / limit));
      pages.slice(0, -1).forEach((page) => expect(page).toHaveLength(limit));
      expect(codes(pages.flat())).toEqual(codes(whole));
    }
    // A page that ends exactly at the last case says so (no empty extra page).
    const exact = await http.get('/api/v1/cases').query({ limit: whole.length }).expect(200);
    expect(exact.body).toMatchObject({ nextCursor: null });
    const short = await http.get('/api/v1/cases').query({ limit: whole.length - 1 }).expect(200);
    const rest = await http.get('/api/v1/cases').query({ limit: whole.length - 1, cursor: short.body.nextCursor }).expect(200);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ code: whole.at(-1)!.code })], nextCursor: null });
    // The cursor is opaque base64url.
    expect(short.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('filters by kind, status, agency, due date and overdue, alone, combined and across pages', async () => {
    const whole = await list({});
    const expectFilter = async (query: Record<string, string | boolean>, keep: (c: ListedCase) => boolean, size?: number) => {
      const expected = whole.filter(keep);
      if (size !== undefined) expect(expected).toHaveLength(size); // the fixture makes each filter meaningful
      const found = await list(query);
      expect(codes(found)).toEqual(codes(expected));
      return found;
    };
    const overdueCount = FIXTURES.filter((f) => f.receivedOn < today).length;

    await expectFilter({ kind: 'complaint' }, (c) => c.kind === 'complaint', 4);
    await expectFilter({ status: 'filed' }, (c) => c.status === 'filed', 2);
    await expectFilter({ status: 'received' }, (c) => c.status === 'received', FIXTURES.length - 2);
    await expectFilter({ agency: 'SO-TNMT-HN' }, (c) => c.agencyCode === 'SO-TNMT-HN', 5);
    await expectFilter({ overdue: true }, (c) => c.overdue, overdueCount);
    await expectFilter({ overdue: 'false' }, (c) => !c.overdue, FIXTURES.length - overdueCount);
    expect((await list({ overdue: true })).every((c) => c.receivedOn < today)).toBe(true);
    await expectFilter({ dueBefore: today }, (c) => c.nextDueOn !== null && c.nextDueOn <= today, overdueCount);
    // Inclusive: both complaints of today are due on exactly that day, and are in.
    const due = registered[0]!.nextDueOn!;
    const dueByThen = await expectFilter({ dueBefore: due }, (c) => c.nextDueOn !== null && c.nextDueOn <= due);
    expect(codes(dueByThen)).toEqual(expect.arrayContaining([registered[0]!.code, registered[1]!.code]));
    expect(dueByThen.length).toBeLessThan(whole.length);
    await expectFilter(
      { agency: 'UBND-HN', kind: 'complaint', overdue: true },
      (c) => c.agencyCode === 'UBND-HN' && c.kind === 'complaint' && c.overdue,
      1,
    );
    await expectFilter({ agency: 'UBND-HN', status: 'received', dueBefore: '2199-12-31' }, (c) => c.agencyCode === 'UBND-HN', 6);
    expect(await http.get('/api/v1/cases').query({ agency: 'UBND-DN' }).expect(200)).toHaveProperty('body', { items: [], nextCursor: null });

    const pages = await allPages({ agency: 'UBND-HN' }, 2);
    expect(pages).toHaveLength(3);
    expect(codes(pages.flat())).toEqual(codes(whole.filter((c) => c.agencyCode === 'UBND-HN')));
  });

  it('refuses every bad filter with 400 naming the field, and unknown parameters too', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad: Array<[Record<string, string>, string]> = [
      [{ kind: 'grievance' }, 'kind'],
      [{ status: 'open' }, 'status'],
      [{ agency: 'ubnd-hn' }, 'agency'],
      [{ dueBefore: '2026-02-30' }, 'dueBefore'],
      [{ dueBefore: '26/11/2026' }, 'dueBefore'],
      [{ overdue: 'yes' }, 'overdue'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '201' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ limit: '2.5' }, 'limit'],
      [{ limit: '' }, 'limit'],
      [{ cursor: 'not a cursor!' }, 'cursor'],
      [{ cursor: b64({ code: 'UBND-HN-2026-000001' }) }, 'cursor'],
      [{ cursor: b64(['2026-13-01', 'UBND-HN-2026-000001']) }, 'cursor'],
      [{ cursor: b64(['2026-12-01', "x' OR 1=1 --"]) }, 'cursor'],
      [{ page: '2' }, 'page'],
    ];
    for (const [query, field] of bad) {
      const res = await http.get('/api/v1/cases').query(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Request validation failed' });
      expect({ query, fields: [...new Set(res.body.errors.map((e: { field: string }) => e.field))] }).toEqual({ query, fields: [field] });
      for (const e of res.body.errors) expect(e.reason).toEqual(expect.any(String));
    }
    // A parameter given twice is not a list of values: refused, not half-read.
    for (const [raw, field] of [
      ['limit=1&limit=2', 'limit'],
      ['kind=complaint&kind=letter', 'kind'],
    ]) {
      expect((await http.get(`/api/v1/cases?${raw}`).expect(400)).body.errors).toEqual([{ field, reason: expect.any(String) }]);
    }
    const limitError = await http.get('/api/v1/cases').query({ limit: 0 }).expect(400);
    expect(limitError.body.errors).toEqual([{ field: 'limit', reason: 'must be an integer from 1 to 200' }]);
    const several = await http.get('/api/v1/cases').query({ kind: 'x', limit: 0 }).expect(400);
    expect(several.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit']);
  });

  it('verifies an untouched case’s chain, and one whose workflow wrote milestones', async () => {
    const untouched = registered[0]!;
    await verify({ case: untouched.code }).expect(200, { case: untouched.code, valid: true, length: 1 });

    const old = registered.find((c) => c.receivedOn < today)!;
    const events = await http.get(`/api/v1/cases/${old.code}/events`).expect(200);
    expect(events.body.length).toBeGreaterThan(1); // registration, then due soon, overdue…
    const res = await verify({ case: old.code }).expect(200);
    expect(res.body).toEqual({ case: old.code, valid: true, length: expect.any(Number) });
    expect(res.body.length).toBeGreaterThanOrEqual(events.body.length);
  });

  it('refuses a malformed case code, an unknown stream, neither or both with 400; an unknown case is 404', async () => {
    const bad: Array<[Record<string, string>, string]> = [
      [{ case: 'not-a-code' }, 'case'],
      [{}, 'case'],
      [{ stream: 'ledger' }, 'stream'],
      [{ case: registered[0]!.code, stream: 'calendar' }, 'stream'],
      [{ case: registered[0]!.code, sequence: '1' }, 'sequence'],
    ];
    for (const [query, field] of bad) {
      const res = await verify(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, errors: [{ field, reason: expect.any(String) }] });
    }
    const missing = await verify({ case: 'UBND-HN-2026-999999' }).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', errors: [{ field: 'case', reason: 'no case with this code' }] });
  });

  it('refuses UPDATE and DELETE of audit events, and reports an edited payload as broken at the first bad sequence', async () => {
    const { body: created } = await (await as('agency_head', 'UBND-PHUONG-BD')).post('/api/v1/cases').send(caseBody('complaint', 'UBND-PHUONG-BD', today)).expect(201);
    await (await as('agency_head', 'UBND-PHUONG-BD')).post(`/api/v1/cases/${created.code}/accept`).send({ note: 'Đủ điều kiện thụ lý' }).expect(200);
    await (await as('agency_head', 'UBND-PHUONG-BD')).post(`/api/v1/cases/${created.code}/assign`).send({ assignee: 'officer-7' }).expect(200);
    await verify({ case: created.code }).expect(200, { case: created.code, valid: true, length: 3 });

    const id = await caseId(created.code);
    const edit = `UPDATE audit_events SET payload = jsonb_set(payload, '{note}', '"Không đủ điều kiện"') WHERE stream_type = 'case' AND stream_id = $1 AND sequence = 2`;
    await expect(stack.dataSource.query(edit, [id])).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(stack.dataSource.query(`DELETE FROM audit_events WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only \(DELETE refused\)/);
    await verify({ case: created.code }).expect(200, { case: created.code, valid: true, length: 3 });

    await tamper(edit, [id]);
    const stored = await stack.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ ...caseStream(id), sequence: 2 });
    expect(stored.payload.note).toBe('Không đủ điều kiện');
    await verify({ case: created.code }).expect(200, { case: created.code, valid: false, brokenAtSequence: 2, reason: 'hash does not match the event content' });

    // The trigger is back on: the next edit is refused again.
    await expect(stack.dataSource.query(edit, [id])).rejects.toThrow(/append-only/);
    const trigger: Array<{ tgenabled: string }> = await stack.dataSource.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_events_append_only'`);
    expect(trigger).toEqual([{ tgenabled: 'O' }]);
  });

  it('reports an edit whose hash was recomputed (the next link breaks) and a deleted newest event (the case says there were more)', async () => {
    const threeEvents = async () => {
      const { body } = await (await as('agency_head', 'UBND-PHUONG-BD')).post('/api/v1/cases').send(caseBody('complaint', 'UBND-PHUONG-BD', today)).expect(201);
      await (await as('agency_head', 'UBND-PHUONG-BD')).post(`/api/v1/cases/${body.code}/accept`).send({}).expect(200);
      await (await as('agency_head', 'UBND-PHUONG-BD')).post(`/api/v1/cases/${body.code}/assign`).send({ assignee: 'officer-8' }).expect(200);
      return { code: body.code as string, id: await caseId(body.code) };
    };

    // Someone edits event 2 and recomputes its hash: event 2 is self-consistent, but event 3 still points at the old one.
    const rehashed = await threeEvents();
    const events = await stack.dataSource.getRepository(AuditEventEntity).find({ where: caseStream(rehashed.id), order: { sequence: 'ASC' } });
    const forged = { ...events[1]!, actor: 'someone-else' };
    await tamper(`UPDATE audit_events SET actor = $2, hash = $3 WHERE id = $1`, [forged.id, forged.actor, auditEventHash(forged)]);
    await verify({ case: rehashed.code }).expect(200, { case: rehashed.code, valid: false, brokenAtSequence: 3, reason: 'prev_hash does not match the previous event' });

    // Someone deletes the newest event: what is left still links up, but the case row is at event 3.
    const truncated = await threeEvents();
    await tamper(`DELETE FROM audit_events WHERE stream_type = 'case' AND stream_id = $1 AND sequence = 3`, [truncated.id]);
    const res = await verify({ case: truncated.code }).expect(200);
    expect(res.body).toEqual({ case: truncated.code, valid: false, brokenAtSequence: 3, reason: expect.stringContaining('sequence 3 is missing') });
  });

  it('verifies the official calendar’s stream (empty, then after a year is loaded)', async () => {
    await verify({ stream: 'calendar' }).expect(200, { stream: 'calendar', streamId: 'vn-official-days-off', valid: true, length: 0 });
    // The bundled 2026 schedule, loaded again as an administrator would load an announced one: no due date moves.
    const schedule = JSON.parse(readFileSync(path.join(__dirname, '../../libs/domain/data/calendar/vn-official-days-off.json'), 'utf8')).years['2026'];
    await (await as('admin', 'CP')).put('/api/v1/calendar/2026').send(schedule).expect(200);
    await verify({ stream: 'calendar' }).expect(200, { stream: 'calendar', streamId: 'vn-official-days-off', valid: true, length: 1 });

    const [event] = await stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'calendar' } });
    await tamper(`UPDATE audit_events SET payload = jsonb_set(payload, '{daysOff}', '0') WHERE id = $1`, [event!.id]);
    await verify({ stream: 'calendar' }).expect(200, { stream: 'calendar', streamId: 'vn-official-days-off', valid: false, brokenAtSequence: 1, reason: 'hash does not match the event content' });
  });

  it('documents both endpoints with their parameters in the OpenAPI document', async () => {
    const docs = await http.get('/docs/openapi.json').expect(200);
    const names = (operation: { parameters: Array<{ name: string }> }) => operation.parameters.map((p) => p.name);
    expect(names(docs.body.paths['/api/v1/cases'].get)).toEqual(['kind', 'status', 'agency', 'dueBefore', 'overdue', 'limit', 'cursor', 'q']);
    expect(docs.body.paths['/api/v1/cases'].get.summary).toMatch(/^Danh sách vụ việc \/ cases/);
    expect(names(docs.body.paths['/api/v1/audit/verify'].get)).toEqual(['case', 'trail', 'stream']);
    expect(Object.keys(docs.body.paths['/api/v1/audit/verify'].get.responses)).toEqual(['200', '400', '401', '403', '404']);
  });
});
