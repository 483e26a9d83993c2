import type request from 'supertest';
import { addDays, formatLocalDate, parseLocalDate, type Role } from '@donthu/domain';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';
import { eventually } from '../support/eventually';

/**
 * Issue #7: search of subject and content in Vietnamese with and without diacritics
 * (GET /api/v1/cases?q=), and priority flags (đông người, phức tạp, kéo dài, đất đai) set at
 * intake, derived, set by officers with an audit event, listed by GET /api/v1/monitoring/priority.
 * Real Temporal dev server, real PostgreSQL.
 */

interface CaseItem {
  code: string;
  kind: string;
  status: string;
  agencyCode: string;
  subject: string;
  priorityFlags: string[];
  priorityLabels: string[];
}

const TODAY = todayInVietnam();
const daysAgo = (days: number) => formatLocalDate(addDays(parseLocalDate(TODAY), -days));
const PETITIONER = { fullName: 'Trần Văn Bình', phone: '0912000111' };
// The denouncer's name appears nowhere in any subject or content below.
const DENOUNCER = { fullName: 'Phạm Thị Quỳnh Hoa', address: 'Số 9 ngõ Thổ Quan, Hà Nội', phone: '0988777666', idNumber: '001190055555' };


describe('case search (Vietnamese, with or without diacritics) and priority flags', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const staff: Record<string, Api> = {};
  const as = async (role: Role, agency: string) => (staff[`${role}@${agency}`] ??= await apiAs(stack.api.getHttpServer(), role, agency));

  const register = async (agency: string, body: Record<string, unknown>): Promise<CaseItem> =>
    (
      await (await as('agency_head', agency))
        .post('/api/v1/cases')
        .send({ kind: 'complaint', agencyCode: agency, channel: 'post', receivedOn: TODAY, petitioner: PETITIONER, ...body })
        .expect(201)
    ).body;

  const codes = (items: CaseItem[]) => items.map((c) => c.code);
  const search = async (who: Api, q: string, extra: Record<string, string | number> = {}): Promise<CaseItem[]> =>
    (await who.get('/api/v1/cases').query({ q, limit: 200, ...extra }).expect(200)).body.items;
  const priority = async (who: Api, query: Record<string, string | number | boolean> = {}): Promise<CaseItem[]> =>
    (await who.get('/api/v1/monitoring/priority').query({ limit: 200, ...query }).expect(200)).body.items;
  const detail = async (code: string, agency = 'UBND-HN'): Promise<CaseItem> => (await (await as('agency_head', agency)).get(`/api/v1/cases/${code}`).expect(200)).body;
  const events = async (code: string): Promise<Array<{ type: string; actor: string; payload: Record<string, unknown> }>> =>
    (await (await as('agency_head', 'UBND-HN')).get(`/api/v1/cases/${code}/events`).expect(200)).body;

  /** Every page of a list, following nextCursor; fails if it does not end. */
  async function allPages(who: Api, url: string, query: Record<string, string | number | boolean>, limit: number): Promise<CaseItem[][]> {
    const pages: CaseItem[][] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await who.get(url).query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 50);
    expect(cursor).toBeNull();
    return pages;
  }

  // Search fixtures: Hà Nội (UBND-HN) and Đà Nẵng (UBND-DN).
  let landDispute: CaseItem; // "Tranh chấp đất đai" with diacritics
  let plainText: CaseItem; // "dat dai" typed without diacritics
  let acquisition: CaseItem; // "thu hồi đất": "đất" but not "đai"
  let unrelated: CaseItem;
  let denunciation: CaseItem;
  let elsewhere: CaseItem; // "đất đai" in Đà Nẵng, outside a Hà Nội officer's jurisdiction

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    landDispute = await register('UBND-HN', { subject: 'Tranh chấp đất đai giữa hai hộ gia đình', content: 'Đề nghị giải quyết ranh giới thửa đất số 45.' });
    plainText = await register('UBND-HN', { kind: 'recommendation', subject: 'Don khong dau', content: 'Phan anh tranh chap DAT DAI o thon 3, xa Soc Son.' });
    acquisition = await register('UBND-HN', { subject: 'Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND', content: 'Không đồng ý với mức bồi thường, hỗ trợ.' });
    unrelated = await register('UBND-HN', { kind: 'recommendation', subject: 'Kiến nghị về tiếng ồn', content: 'Quán karaoke hoạt động quá 22 giờ.' });
    denunciation = await register('UBND-HN', {
      kind: 'denunciation',
      subject: 'Tố cáo cán bộ địa chính nhận tiền',
      content: 'Cán bộ phụ trách hồ sơ cấp giấy chứng nhận yêu cầu nộp thêm tiền ngoài quy định.',
      petitioner: DENOUNCER,
    });
    elsewhere = await register('UBND-DN', { subject: 'Tranh chấp đất đai tại phường Hải Châu', content: 'Hai gia đình tranh chấp lối đi chung.' });
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  describe('search: GET /api/v1/cases?q=', () => {
    it('finds "Tranh chấp đất đai" and the text typed without diacritics with "dat dai", in any letter case', async () => {
      const head = await as('agency_head', 'UBND-HN');
      for (const q of ['dat dai', 'DAT DAI', 'Dat Dai', 'đất đai', 'ĐẤT ĐAI', 'đất dai', 'đất đai'.normalize('NFD')]) {
        expect({ q, found: codes(await search(head, q)).sort() }).toEqual({ q, found: [landDispute.code, plainText.code].sort() });
      }
    });

    it('requires every word, ranks by relevance, and combines with the other filters', async () => {
      const head = await as('agency_head', 'UBND-HN');
      // "đất" alone is also in the land acquisition case (and in "thửa đất").
      expect(codes(await search(head, 'dat')).sort()).toEqual([landDispute.code, plainText.code, acquisition.code].sort());
      expect(codes(await search(head, 'thu hoi dat'))).toEqual([acquisition.code]);
      expect(codes(await search(head, '123/QĐ-UBND'))).toEqual([acquisition.code]);
      expect(codes(await search(head, 'dat dai', { kind: 'complaint' }))).toEqual([landDispute.code]);
      expect(codes(await search(head, 'dat dai', { kind: 'denunciation' }))).toEqual([]);
      // A whole word of the subject ranks first: "thu" (hồi đất) in the acquisition's subject, before
      // "thửa" in the land dispute's content, although both are due the same day and the land
      // dispute's code sorts first (the order of a tie).
      expect(landDispute.code < acquisition.code).toBe(true);
      expect(codes(await search(head, 'thu'))).toEqual([acquisition.code, landDispute.code]);
      // Equally relevant: the inbox order, nearest deadline first (the older case, registered after, has the higher code).
      const recent = await register('UBND-HN', { subject: 'Giải phóng mặt bằng dự án đường', content: 'Nội dung' });
      const older = await register('UBND-HN', { subject: 'Giải phóng mặt bằng khu dân cư', content: 'Nội dung', receivedOn: daysAgo(5) });
      expect(older.code > recent.code).toBe(true);
      expect(codes(await search(head, 'giai phong mat bang'))).toEqual([older.code, recent.code]);
    });

    it('finds nothing for an unrelated query', async () => {
      const head = await as('agency_head', 'UBND-HN');
      for (const q of ['bảo hiểm xã hội', 'thuế thu nhập cá nhân', 'zzzz']) expect({ q, found: await search(head, q) }).toEqual({ q, found: [] });
    });

    it('never returns a case outside the caller’s jurisdiction', async () => {
      const hanoi = await search(await as('agency_head', 'UBND-HN'), 'dat dai');
      expect(codes(hanoi)).not.toContain(elsewhere.code);
      const inspectorHN = await search(await as('inspector', 'TTR-HN'), 'dat dai');
      expect(codes(inspectorHN).sort()).toEqual([landDispute.code, plainText.code].sort());
      expect(codes(await search(await as('agency_head', 'UBND-DN'), 'dat dai'))).toEqual([elsewhere.code]);
      expect(codes(await search(await as('inspector', 'TTR-DN'), 'Hải Châu'))).toEqual([elsewhere.code]);
      expect(await search(await as('inspector', 'TTR-HN'), 'Hải Châu')).toEqual([]);
    });

    it('never matches a denouncer’s name, address or phone: parties are not searched', async () => {
      const head = await as('agency_head', 'UBND-HN');
      for (const q of ['Phạm Thị Quỳnh Hoa', 'Quynh Hoa', 'Thổ Quan', '0988777666', '001190055555', 'Trần Văn Bình']) {
        expect({ q, found: await search(head, q) }).toEqual({ q, found: [] });
      }
      // The case itself is found by what it is about.
      expect(codes(await search(head, 'can bo dia chinh'))).toEqual([denunciation.code]);
      const rows: Array<{ search_document: string }> = await stack.dataSource.query(`SELECT search_document FROM cases WHERE code = $1`, [denunciation.code]);
      expect(rows[0]!.search_document).not.toMatch(/quynh|hoa|tho quan|0988777666/);
    });

    it('pages search results with the cursor: every match exactly once, in the order of one big page', async () => {
      const head = await as('agency_head', 'UBND-HN');
      const whole = await search(head, 'dat');
      expect(whole).toHaveLength(3);
      for (const limit of [1, 2]) {
        const pages = await allPages(head, '/api/v1/cases', { q: 'dat' }, limit);
        expect(codes(pages.flat())).toEqual(codes(whole));
      }
      // Pages cut between different relevances too.
      const ranked = await allPages(head, '/api/v1/cases', { q: 'thu' }, 1);
      expect(codes(ranked.flat())).toEqual([acquisition.code, landDispute.code]);
    });

    it('refuses a bad q with 400 naming the field, and a cursor of the other list', async () => {
      const head = await as('agency_head', 'UBND-HN');
      for (const q of ['a', 'x'.repeat(201), '  ', '!!', '%_']) {
        const res = await head.get('/api/v1/cases').query({ q });
        expect({ q, status: res.status }).toEqual({ q, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400, message: 'Request validation failed' });
        expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['q']);
      }
      expect((await head.get('/api/v1/cases?q=dat&q=dai').expect(400)).body.errors).toEqual([{ field: 'q', reason: 'must be 2 to 200 characters with at least one letter or digit' }]);
      const inbox = await head.get('/api/v1/cases').query({ limit: 1 }).expect(200);
      const searched = await head.get('/api/v1/cases').query({ q: 'dat', limit: 1 }).expect(200);
      expect((await head.get('/api/v1/cases').query({ q: 'dat', cursor: inbox.body.nextCursor }).expect(400)).body.errors).toEqual([{ field: 'cursor', reason: expect.stringContaining('another list') }]);
      expect((await head.get('/api/v1/cases').query({ cursor: searched.body.nextCursor }).expect(400)).body.errors).toEqual([{ field: 'cursor', reason: expect.stringContaining('another list') }]);
    });
  });

  describe('priority flags', () => {
    it('sets the flags intake chose and đông người from a group of 5 or more (Luật TCD Art. 29), shown in the case views and the registration event', async () => {
      const group = await register('UBND-HN', {
        kind: 'reception',
        channel: 'in_person',
        subject: 'Đoàn đông người về bồi thường',
        content: 'Mười hai hộ dân cùng đến phản ánh.',
        groupSize: 12,
        representatives: [{ fullName: 'Lê Thị F' }, { fullName: 'Hồ Văn G' }],
        priorityFlags: ['land'],
      });
      expect(group).toMatchObject({ priorityFlags: ['large_group', 'land'], priorityLabels: ['Đông người', 'Đất đai, thu hồi đất'] });
      expect((await detail(group.code)).priorityFlags).toEqual(['large_group', 'land']);
      const listed = (await (await as('agency_head', 'UBND-HN')).get('/api/v1/cases').query({ limit: 200 }).expect(200)).body.items as CaseItem[];
      expect(listed.find((c) => c.code === group.code)?.priorityFlags).toEqual(['large_group', 'land']);
      expect(listed.find((c) => c.code === unrelated.code)?.priorityFlags).toEqual([]);
      const [registered] = await events(group.code);
      expect(registered).toMatchObject({ type: 'case.registered', payload: { groupSize: 12, priorityFlags: ['large_group', 'land'] } });

      // Four people are not a large group; a flag of intake's own choosing is kept.
      const four = await register('UBND-HN', { subject: 'Bốn người cùng ký', content: 'Nội dung', groupSize: 4, priorityFlags: ['prolonged', 'complex'] });
      expect(four.priorityFlags).toEqual(['complex', 'prolonged']);
    });

    it('gives the cases split from a letter the letter’s flags', async () => {
      const letter = await register('UBND-HN', {
        kind: 'letter',
        subject: 'Đơn của các hộ dân thôn Đông',
        content: 'Khiếu nại việc thu hồi đất và tố cáo cán bộ xã.',
        groupSize: 7,
        representatives: [{ fullName: 'Đinh Văn M' }],
        priorityFlags: ['land'],
      });
      expect(letter.priorityFlags).toEqual(['large_group', 'land']);
      await (await as('intake_officer', 'UBND-HN')).post(`/api/v1/cases/${letter.code}/classify`).send({ contents: ['complaint', 'denunciation'] }).expect(200);
      const children = (await events(letter.code)).at(-1)!.payload.children as string[];
      expect(children).toHaveLength(2);
      for (const child of children) expect((await detail(child)).priorityFlags).toEqual(['large_group', 'land']);
    });

    it('refuses at intake a flag that is not one intake sets, or twice the same', async () => {
      const head = await as('agency_head', 'UBND-HN');
      const body = { kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: TODAY, subject: 's', content: 'c', petitioner: PETITIONER };
      for (const priorityFlags of [['large_group'], ['urgent'], ['land', 'land'], 'land']) {
        const res = await head.post('/api/v1/cases').send({ ...body, priorityFlags }).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['priorityFlags']));
      }
    });

    it('lets an officer flag a case with a reason and the head clear it, each an audit event in a chain that verifies', async () => {
      const { code } = landDispute;
      const intake = await as('intake_officer', 'UBND-HN');
      const head = await as('agency_head', 'UBND-HN');
      const flagged = await intake.post(`/api/v1/cases/${code}/flag-priority`).send({ priorityFlag: 'land', reason: 'Tranh chấp đất đai giữa nhiều hộ' }).expect(200);
      expect(flagged.body).toMatchObject({ code, status: 'received', priorityFlags: ['land'] });
      await intake.post(`/api/v1/cases/${code}/flag-priority`).send({ priorityFlag: 'complex', reason: 'Nhiều tình tiết' }).expect(200);
      expect((await detail(code)).priorityFlags).toEqual(['complex', 'land']);

      // Only the head clears a flag; large_group follows the group size only; a reason is required.
      await intake.post(`/api/v1/cases/${code}/unflag-priority`).send({ priorityFlag: 'complex', reason: 'Không phức tạp' }).expect(403);
      expect((await intake.post(`/api/v1/cases/${code}/flag-priority`).send({ priorityFlag: 'large_group', reason: 'x' }).expect(400)).body.errors).toEqual([
        { field: 'priorityFlag', reason: expect.any(String) },
      ]);
      const noReason = await intake.post(`/api/v1/cases/${code}/flag-priority`).send({ priorityFlag: 'land' }).expect(400);
      expect([...new Set(noReason.body.errors.map((e: { field: string }) => e.field))]).toEqual(['reason']);
      const cleared = await head.post(`/api/v1/cases/${code}/unflag-priority`).send({ priorityFlag: 'complex', reason: 'Đã xác định không phức tạp' }).expect(200);
      expect(cleared.body.priorityFlags).toEqual(['land']);

      const trail = await events(code);
      expect(trail.map((e) => e.type)).toEqual(['case.registered', 'case.priority_flagged', 'case.priority_flagged', 'case.priority_unflagged']);
      expect(trail[1]).toMatchObject({ actor: 'demo.intake_officer.UBND-HN', payload: { command: 'flag_priority', priorityFlag: 'land', reason: 'Tranh chấp đất đai giữa nhiều hộ', priorityFlags: { before: [], after: ['land'] } } });
      expect(trail[3]).toMatchObject({ payload: { command: 'unflag_priority', priorityFlag: 'complex', priorityFlags: { before: ['complex', 'land'], after: ['land'] } } });
      await (await as('inspector', 'TTR-HN')).get('/api/v1/audit/verify').query({ case: code }).expect(200, { case: code, valid: true, length: 4 });
      // Another agency cannot flag it.
      await (await as('agency_head', 'UBND-DN')).post(`/api/v1/cases/${code}/flag-priority`).send({ priorityFlag: 'land', reason: 'x' }).expect(404);
    });

    it('flags a case complex when its resolution period is extended as complex (Luật KN Art. 28)', async () => {
      const head = await as('agency_head', 'UBND-HN');
      const { code } = await register('UBND-HN', { subject: 'Khiếu nại quyết định xử phạt', content: 'Nội dung' });
      await head.post(`/api/v1/cases/${code}/accept`).send({}).expect(200);
      const extended = await head.post(`/api/v1/cases/${code}/extend`).send({ reason: 'Vụ việc phức tạp', documentNumber: '5/QĐ-UBND' }).expect(200);
      expect(extended.body.priorityFlags).toEqual(['complex']);
      expect((await events(code)).at(-1)).toMatchObject({ type: 'case.found_complex', payload: { priorityFlags: { before: [], after: ['complex'] } } });
      await (await as('inspector', 'TTR-HN')).get('/api/v1/audit/verify').query({ case: code }).expect(200, { case: code, valid: true, length: 3 });
    });

    it('flags a case prolonged when its resolution clock becomes very overdue (twice its period unresolved)', async () => {
      const head = await as('agency_head', 'UBND-HN');
      const { code } = await register('UBND-HN', { subject: 'Khiếu nại chưa được giải quyết', content: 'Nội dung', receivedOn: daysAgo(160) });
      // Accepted 150 days ago: KN-03 (30 days) is more than twice over by now; the workflow records it on its own.
      await head.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: daysAgo(150) }).expect(200);
      const prolonged = await eventually(
        () => detail(code),
        (c) => c.priorityFlags.includes('prolonged'),
      );
      expect(prolonged.priorityFlags).toEqual(['prolonged']);
      const trail = await events(code);
      const veryOverdue = trail.find((e) => e.type === 'clock.very_overdue' && e.payload.clock === 'resolution');
      expect(veryOverdue).toMatchObject({ payload: { priorityFlags: { before: [], after: ['prolonged'] } } });
      const verified = await (await as('inspector', 'TTR-HN')).get('/api/v1/audit/verify').query({ case: code }).expect(200);
      expect(verified.body).toMatchObject({ case: code, valid: true });
    });

    it('lists flagged open cases of the caller’s jurisdiction, by flag, nearest deadline first, with cursor pages', async () => {
      const intake = await as('intake_officer', 'UBND-HN');
      const filed = await register('UBND-HN', { kind: 'recommendation', subject: 'Phản ánh lấn chiếm đất', content: 'Nội dung', priorityFlags: ['land'] });
      const dn = await register('UBND-DN', { subject: 'Khiếu nại đông người', content: 'Nội dung', groupSize: 6, representatives: [{ fullName: 'Đỗ Văn K' }], priorityFlags: ['land'] });
      const inspector = await as('inspector', 'TTR-HN');
      const before = await priority(inspector);
      expect(codes(before)).toContain(filed.code);
      // Filed (a final status): left out unless asked for.
      await intake.post(`/api/v1/cases/${filed.code}/file`).send({ reason: 'Đã có đơn cùng nội dung' }).expect(200);

      const all = await priority(inspector);
      expect(all.length).toBeGreaterThanOrEqual(4);
      expect(all.every((c) => c.priorityFlags.length > 0 && c.agencyCode !== 'UBND-DN' && c.status !== 'filed')).toBe(true);
      expect(codes(all)).toEqual(expect.arrayContaining([landDispute.code]));
      expect(codes(all)).not.toContain(unrelated.code);
      expect(codes(all)).not.toContain(filed.code);
      expect(codes(await priority(inspector, { includeClosed: true }))).toContain(filed.code);

      const land = await priority(inspector, { flag: 'land' });
      expect(land.length).toBeGreaterThan(0);
      expect(land.every((c) => c.priorityFlags.includes('land'))).toBe(true);
      expect(codes(land)).toEqual(codes(all.filter((c) => c.priorityFlags.includes('land'))));
      const large = await priority(inspector, { flag: 'large_group' });
      expect(large.length).toBeGreaterThan(0);
      expect(large.every((c) => c.priorityFlags.includes('large_group'))).toBe(true);
      expect(codes(await priority(inspector, { flag: 'land', kind: 'reception' })).length).toBe(land.filter((c) => c.kind === 'reception').length);

      // Jurisdiction: Đà Nẵng sees its own flagged case only; Hà Nội never sees it.
      expect(codes(await priority(await as('inspector', 'TTR-DN')))).toEqual([dn.code]);
      expect(codes(await priority(await as('agency_head', 'UBND-HN'), { agency: 'UBND-DN' }))).toEqual([]);

      for (const limit of [1, 3]) {
        const pages = await allPages(inspector, '/api/v1/monitoring/priority', {}, limit);
        expect(codes(pages.flat())).toEqual(codes(all));
      }
    });

    it('refuses bad parameters of the priority list with 400 naming the field', async () => {
      const inspector = await as('inspector', 'TTR-HN');
      const searched = await inspector.get('/api/v1/cases').query({ q: 'dat', limit: 1 }).expect(200);
      const bad: Array<[Record<string, string>, string]> = [
        [{ flag: 'urgent' }, 'flag'],
        [{ includeClosed: 'yes' }, 'includeClosed'],
        [{ kind: 'grievance' }, 'kind'],
        [{ agency: 'ubnd-hn' }, 'agency'],
        [{ limit: '0' }, 'limit'],
        [{ cursor: 'not a cursor!' }, 'cursor'],
        [{ cursor: searched.body.nextCursor }, 'cursor'],
        [{ q: 'dat' }, 'q'],
      ];
      for (const [query, field] of bad) {
        const res = await inspector.get('/api/v1/monitoring/priority').query(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect({ query, fields: [...new Set(res.body.errors.map((e: { field: string }) => e.field))] }).toEqual({ query, fields: [field] });
      }
    });
  });
});
