import type { Role } from '@donthu/domain';
import { AuditEventEntity, CaseEntity } from '@donthu/persistence';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * Duplicate and repeat detection at intake (issue #7 item 5), over HTTP on the real PostgreSQL
 * (pg_trgm, unaccent) and the real Temporal dev server: cases are driven to their resolution by
 * the ordinary command endpoints, then the same person comes back.
 */
describe('intake screening finds duplicates, repeats and bypassed levels before a case is accepted', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const as: Record<string, Api> = {};
  const who = (role: Role, agency: string) => as[`${role}@${agency}`]!;

  const LAND = {
    subject: 'Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND',
    content: 'Tôi không đồng ý với mức bồi thường khi Nhà nước thu hồi 200m2 đất ở tại tổ 5, đề nghị xem xét lại đơn giá bồi thường và hỗ trợ tái định cư cho gia đình.',
  };
  // The same letter typed without diacritics, as it often arrives by e-mail.
  const LAND_PLAIN = {
    subject: 'Khieu nai quyet dinh thu hoi dat so 123/QD-UBND',
    content: 'Toi khong dong y voi muc boi thuong khi Nha nuoc thu hoi 200m2 dat o tai to 5, de nghi xem xet lai don gia boi thuong va ho tro tai dinh cu cho gia dinh.',
  };
  const NOISE = { subject: 'Phản ánh tiếng ồn', content: 'Phản ánh việc hàng xóm xây dựng lấn chiếm lối đi chung, gây tiếng ồn vào ban đêm, đề nghị phường kiểm tra xử lý sớm.' };

  const body = (over: Record<string, unknown>) => ({ kind: 'complaint', channel: 'post', receivedOn: '2026-11-26', ...LAND, ...over });
  const register = async (api: Api, over: Record<string, unknown>) => (await api.post('/api/v1/cases').send(body(over)).expect(201)).body;
  const screen = async (api: Api, over: Record<string, unknown>) => (await api.post('/api/v1/intake/screening').send(body(over)).expect(200)).body.findings as Finding[];
  const act = (api: Api, code: string, command: string, payload: object = {}) => api.post(`/api/v1/cases/${code}/${command}`).send(payload).expect(200);

  interface Finding {
    type: string;
    reason: string;
    label: string;
    citation: string;
    links: Array<{ code: string; agencyCode: string; inJurisdiction: boolean; subject?: string; score?: number; note?: string }>;
    grounds: Array<{ code: string; citation: string }>;
    competentAgencyCode?: string;
  }
  const byReason = (findings: Finding[], reason: string) => findings.find((f) => f.reason === reason);

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const server = stack.api.getHttpServer();
    for (const agency of ['UBND-PHUONG-HK', 'UBND-PHUONG-BD', 'UBND-HN']) {
      for (const role of ['intake_officer', 'handling_officer', 'agency_head'] as const) as[`${role}@${agency}`] = await apiAs(server, role, agency);
    }
    as['inspector@TTR-HN'] = await apiAs(server, 'inspector', 'TTR-HN');
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('links the same person’s similar open case at another agency, typed with or without diacritics, and saves nothing', async () => {
    const person = { fullName: 'Đỗ Văn Trùng', idNumber: '001190700001', phone: '0912700001' };
    const earlier = await register(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', petitioner: person });
    const before = await stack.dataSource.getRepository(CaseEntity).count();

    for (const text of [LAND, LAND_PLAIN]) {
      const findings = await screen(who('intake_officer', 'UBND-PHUONG-HK'), { agencyCode: 'UBND-PHUONG-HK', ...text, petitioner: { fullName: 'Do Van Trung', idNumber: '001190700001' } });
      expect(findings.map((f) => [f.type, f.reason])).toEqual([['possible_duplicate', 'open_case']]);
      expect(findings[0]).toMatchObject({ label: 'Có thể trùng đơn', citation: expect.stringContaining('Thông tư 05/2021/TT-TTCP') });
      // Another commune's case: its code and agency, nothing of its content.
      expect(findings[0]!.links).toEqual([{ code: earlier.code, agencyCode: 'UBND-PHUONG-BD', inJurisdiction: false, note: 'Vụ việc tại cơ quan khác / a case at another agency' }]);
    }
    expect(await stack.dataSource.getRepository(CaseEntity).count()).toBe(before);

    // At the agency that holds it, the officer sees what the case list shows, and the score.
    const [own] = await screen(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', ...LAND_PLAIN, petitioner: { fullName: 'X', phone: '+84 912 700 001' } });
    expect(own!.links[0]).toMatchObject({ code: earlier.code, inJurisdiction: true, kind: 'complaint', status: 'received', subject: LAND.subject, score: expect.any(Number) });
    expect(own!.links[0]!.score).toBeGreaterThan(0.9);
  });

  it('finds nothing person-based for another person with the same content, nor for the same person’s other matter', async () => {
    const person = { fullName: 'Phan Thị Khác', idNumber: '001190700002', phone: '0912700002' };
    await register(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', petitioner: person });
    expect(await screen(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', petitioner: { fullName: 'Phan Thị Khác', idNumber: '001190799999', phone: '0912799999' } })).toEqual([]);
    expect(await screen(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', petitioner: { fullName: 'Phan Thị Khác' } })).toEqual([]);
    expect(await screen(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', kind: 'recommendation', ...NOISE, petitioner: person })).toEqual([]);
  });

  it('stores what registration found with the case: the receipt, the case page and the first audit event show it', async () => {
    const person = { fullName: 'Lý Văn Lưu', idNumber: '001190700003' };
    const earlier = await register(who('intake_officer', 'UBND-PHUONG-HK'), { agencyCode: 'UBND-PHUONG-HK', petitioner: person });
    expect(earlier.screening).toEqual([]);
    const res = await who('intake_officer', 'UBND-PHUONG-HK').post('/api/v1/cases').set('Idempotency-Key', 'screening-store-1').send(body({ agencyCode: 'UBND-PHUONG-HK', ...LAND_PLAIN, petitioner: person })).expect(201);
    expect(res.body.screening).toEqual([expect.objectContaining({ type: 'possible_duplicate', links: [expect.objectContaining({ code: earlier.code, inJurisdiction: true })] })]);
    const page = (await who('handling_officer', 'UBND-PHUONG-HK').get(`/api/v1/cases/${res.body.code}`).expect(200)).body;
    expect(page.screening).toEqual(res.body.screening);
    const replay = await who('intake_officer', 'UBND-PHUONG-HK').post('/api/v1/cases').set('Idempotency-Key', 'screening-store-1').send(body({ agencyCode: 'UBND-PHUONG-HK', ...LAND_PLAIN, petitioner: person })).expect(200);
    expect(replay.body.screening).toEqual(res.body.screening);
    const events = (await who('intake_officer', 'UBND-PHUONG-HK').get(`/api/v1/cases/${res.body.code}/events`).expect(200)).body;
    expect(events[0].payload.screening).toEqual([{ type: 'possible_duplicate', reason: 'open_case', links: [earlier.code] }]);
    // A case older than screening (no row) says so: null, not "nothing found".
    await stack.dataSource.query('DELETE FROM case_screenings WHERE case_id = (SELECT id FROM cases WHERE code = $1)', [earlier.code]);
    expect((await who('intake_officer', 'UBND-PHUONG-HK').get(`/api/v1/cases/${earlier.code}`).expect(200)).body.screening).toBeNull();
  });

  it('flags a resolved complaint repeated without new facts, with the refusal ground and its citation (Luật KN Art. 11)', async () => {
    const person = { fullName: 'Hà Văn Lặp', idNumber: '001190700004', phone: '0912700004' };
    const hkHead = who('agency_head', 'UBND-PHUONG-HK');
    const hkHandler = who('handling_officer', 'UBND-PHUONG-HK');
    // First level at the ward: accepted, decided, sent, closed.
    const first = await register(who('intake_officer', 'UBND-PHUONG-HK'), { agencyCode: 'UBND-PHUONG-HK', receivedOn: '2026-11-02', petitioner: person });
    await act(hkHead, first.code, 'accept', { effectiveDate: '2026-11-05' });
    await act(hkHead, first.code, 'decide', { documentNumber: '31/QĐ-UBND', effectiveDate: '2026-11-20' });
    await act(hkHandler, first.code, 'send-decision', { effectiveDate: '2026-11-20' });
    await act(hkHandler, first.code, 'close');

    // Back at the ward with the same letter: a first-level decision exists (KN-05, then Art. 11 khoản 6).
    const again = await screen(who('intake_officer', 'UBND-PHUONG-HK'), { agencyCode: 'UBND-PHUONG-HK', ...LAND_PLAIN, petitioner: { fullName: 'Ha Van Lap', phone: '0912 700 004' } });
    expect(again.map((f) => [f.type, f.reason])).toEqual([['repeat', 'first_level_decided']]);
    expect(again[0]).toMatchObject({ citation: 'Luật Khiếu nại 2011, Điều 33; Luật Khiếu nại 2011, Điều 11 khoản 6', links: [{ code: first.code, status: 'closed' }] });

    // Second level at the province (its screening does not flag the case it follows), to its final decision.
    const hnHead = who('agency_head', 'UBND-HN');
    const hnHandler = who('handling_officer', 'UBND-HN');
    const second = await register(who('intake_officer', 'UBND-HN'), { kind: 'complaint_second_level', agencyCode: 'UBND-HN', parentCaseCode: first.code, petitioner: person });
    expect(second.screening).toEqual([]);
    await act(hnHead, second.code, 'accept');
    await act(hnHandler, second.code, 'schedule-dialogue', { dialogueDate: '2026-12-15' });
    await act(hnHead, second.code, 'decide', { documentNumber: '45/QĐ-UBND' });
    await act(hnHandler, second.code, 'send-decision');
    await act(hnHandler, second.code, 'close');

    // The same person brings it to the province again, in person: refuse unless there are new facts.
    const repeat = await screen(who('intake_officer', 'UBND-HN'), { agencyCode: 'UBND-HN', channel: 'in_person', petitioner: { fullName: 'Hà Văn Lặp', idNumber: '001190700004' } });
    const resolved = byReason(repeat, 'resolved_matter')!;
    expect(resolved).toMatchObject({ type: 'repeat', label: 'Đơn lặp lại vụ việc đã giải quyết', links: [{ code: second.code, inJurisdiction: true, status: 'closed' }] });
    expect(resolved.grounds.map((g) => [g.code, g.citation])).toEqual([
      ['second_level_decided', 'Luật Khiếu nại 2011, Điều 11 khoản 7'],
      ['resolved_and_repeated', 'Luật Tiếp công dân 2013, Điều 9 khoản 3'],
    ]);
    expect(resolved.citation).toBe('Luật Khiếu nại 2011, Điều 11 khoản 7; Luật Tiếp công dân 2013, Điều 9 khoản 3');
    // The ward's first-level case is outside the province officer's jurisdiction: code and agency only.
    expect(byReason(repeat, 'first_level_decided')!.links).toEqual([{ code: first.code, agencyCode: 'UBND-PHUONG-HK', inJurisdiction: false, note: expect.any(String) }]);
  });

  it('flags vượt cấp: a complaint at the province while the ward has not decided, and one against a ward’s decision', async () => {
    const person = { fullName: 'Vương Văn Vượt', idNumber: '001190700005' };
    const pending = await register(who('intake_officer', 'UBND-PHUONG-HK'), { agencyCode: 'UBND-PHUONG-HK', petitioner: person });
    const findings = await screen(who('intake_officer', 'UBND-HN'), { agencyCode: 'UBND-HN', ...LAND_PLAIN, petitioner: person });
    expect(findings.map((f) => [f.type, f.reason, f.links.map((l) => l.code)])).toEqual([
      ['possible_duplicate', 'open_case', [pending.code]],
      ['bypassing_levels', 'first_level_pending', [pending.code]],
    ]);
    expect(byReason(findings, 'first_level_pending')).toMatchObject({ label: 'Có dấu hiệu khiếu nại vượt cấp', citation: 'Luật Khiếu nại 2011, Điều 7; Luật Khiếu nại 2011, Điều 33' });

    // Nobody known, but the decision complained about is the ward's: its chair decides first.
    const named = await screen(who('intake_officer', 'UBND-HN'), { agencyCode: 'UBND-HN', respondentBody: 'Chủ tịch UBND phường Ba Đình', petitioner: { fullName: 'Người Mới' } });
    expect(named).toEqual([expect.objectContaining({ type: 'bypassing_levels', reason: 'respondent_first_level', competentAgencyCode: 'UBND-PHUONG-BD', links: [] })]);
    // Lodged with the ward itself: the right level.
    expect(await screen(who('intake_officer', 'UBND-PHUONG-BD'), { agencyCode: 'UBND-PHUONG-BD', respondentBody: 'Chủ tịch UBND phường Ba Đình', petitioner: { fullName: 'Người Mới' } })).toEqual([]);
  });

  it('never shows a denouncer’s identity, and records on the denunciation’s identity trail who was shown the match', async () => {
    const denouncer = { fullName: 'Tôn Thất Ẩn Danh', address: 'Số 9 ngõ Kín, Hà Nội', phone: '0912700006', idNumber: '001190700006', email: 'an.danh@example.vn' };
    const needles = ['Tôn Thất', 'Ẩn Danh', 'ngõ Kín', '0912700006', '001190700006', 'an.danh'];
    const text = { subject: 'Tố cáo cán bộ địa chính phường nhận tiền', content: 'Cán bộ địa chính phường nhận tiền của các hộ dân để hợp thức hóa đất lấn chiếm tại tổ 7, đề nghị xác minh và xử lý nghiêm theo quy định.' };
    const bodies: unknown[] = [];
    const first = await register(who('intake_officer', 'UBND-PHUONG-HK'), { kind: 'denunciation', agencyCode: 'UBND-PHUONG-HK', channel: 'in_person', ...text, petitioner: denouncer });
    bodies.push(first);

    const atHome = await screen(who('intake_officer', 'UBND-PHUONG-HK'), { kind: 'denunciation', agencyCode: 'UBND-PHUONG-HK', ...text, petitioner: { fullName: denouncer.fullName, idNumber: denouncer.idNumber } });
    bodies.push(atHome);
    expect(atHome.map((f) => f.type)).toEqual(['possible_duplicate']);
    const elsewhere = await screen(who('intake_officer', 'UBND-PHUONG-BD'), { kind: 'denunciation', agencyCode: 'UBND-PHUONG-BD', ...text, petitioner: { fullName: denouncer.fullName, phone: denouncer.phone } });
    bodies.push(elsewhere);
    expect(elsewhere[0]!.links).toEqual([{ code: first.code, agencyCode: 'UBND-PHUONG-HK', inJurisdiction: false, note: expect.any(String) }]);

    const second = await register(who('intake_officer', 'UBND-PHUONG-HK'), { kind: 'denunciation', agencyCode: 'UBND-PHUONG-HK', ...text, petitioner: denouncer });
    bodies.push(second);
    expect(second.screening.map((f: Finding) => f.links.map((l) => l.code))).toEqual([[first.code]]);
    for (const reader of [who('handling_officer', 'UBND-PHUONG-HK'), who('agency_head', 'UBND-PHUONG-HK'), as['inspector@TTR-HN']!]) {
      bodies.push((await reader.get(`/api/v1/cases/${second.code}`).expect(200)).body, (await reader.get(`/api/v1/cases/${first.code}`).expect(200)).body);
    }
    const leaked = bodies.flatMap((b) => needles.filter((n) => JSON.stringify(b).includes(n)));
    expect(leaked).toEqual([]);
    // No pseudonym either: a link never says who in the linked case is the same person.
    expect(JSON.stringify(bodies)).not.toMatch(/NTC-/);

    const firstId = (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: first.code })).id;
    const trail = await stack.dataSource.getRepository(AuditEventEntity).find({ where: { streamType: 'identity', streamId: firstId }, order: { sequence: 'ASC' } });
    expect(trail.map((e) => [e.type, e.actor, e.payload.agencyCode, e.payload.registeredCaseCode ?? e.payload.context])).toEqual([
      ['identity.matched_at_intake', 'demo.intake_officer.UBND-PHUONG-HK', 'UBND-PHUONG-HK', 'screening'],
      ['identity.matched_at_intake', 'demo.intake_officer.UBND-PHUONG-BD', 'UBND-PHUONG-BD', 'screening'],
      ['identity.matched_at_intake', 'demo.intake_officer.UBND-PHUONG-HK', 'UBND-PHUONG-HK', second.code],
    ]);
    expect(JSON.stringify(trail.map((e) => e.payload))).not.toMatch(/Tôn Thất|0912700006|001190700006/);
    // The trail still verifies.
    const verified = await as['inspector@TTR-HN']!.get(`/api/v1/audit/verify?case=${first.code}&trail=identity`).expect(200);
    expect(verified.body).toMatchObject({ valid: true });
  });

  it('answers bad input with 400 naming the field, and another agency with 403', async () => {
    const api = who('intake_officer', 'UBND-PHUONG-HK');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ agencyCode: 'UBND-PHUONG-HK', subject: undefined }, 'subject'],
      [{ agencyCode: 'UBND-PHUONG-HK', petitioner: { fullName: 'A', idNumber: 'abc' } }, 'petitioner.idNumber'],
      [{ agencyCode: 'UBND-PHUONG-HK', petitioner: { fullName: 'A' }, receivedOn: '2026-02-30' }, 'receivedOn'],
      [{ agencyCode: 'UBND-PHUONG-HK', petitioner: { fullName: 'A' }, kind: 'gossip' }, 'kind'],
      [{ agencyCode: 'UBND-PHUONG-HK', petitioner: { fullName: 'A' }, surprise: true }, 'surprise'],
      [{ agencyCode: 'UBND-PHUONG-HK' }, 'petitioner'],
    ];
    for (const [over, field] of cases) {
      const res = await api.post('/api/v1/intake/screening').send(body(over)).expect(400);
      expect({ field, got: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ field, got: expect.arrayContaining([field]) });
    }
    const other = await api.post('/api/v1/intake/screening').send(body({ agencyCode: 'UBND-PHUONG-BD', petitioner: { fullName: 'A' } })).expect(403);
    expect(other.body.errors[0].field).toBe('agencyCode');
    await who('handling_officer', 'UBND-PHUONG-HK').post('/api/v1/intake/screening').send(body({ agencyCode: 'UBND-PHUONG-HK', petitioner: { fullName: 'A' } })).expect(403);
  });
});
