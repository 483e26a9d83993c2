import { spawnSync } from 'node:child_process';
import type { Role } from '@donthu/domain';
import { CaseEntity, CasePartyEntity } from '@donthu/persistence';
import { caseSnapshotQuery } from '@donthu/workflows';
import { replayAndRecord } from '../support/replay';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { partiesOf } from '../support/vault';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { temporalCliPath } = require('../../infra/tools/temporal-binaries.js') as { temporalCliPath(): string | undefined };

/** Every kind's happy path and its main refusals, over HTTP, on the real dev server and PostgreSQL. */
describe('each kind of case runs its lifecycle end to end', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: Api;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer());
    for (const role of ['intake_officer', 'handling_officer', 'agency_head'] as const) as[role] = await apiAs(stack.api.getHttpServer(), role);
  });

  // Each kind's history, replayed against the current code (and recorded with RECORD_HISTORIES=1).
  const driven: Array<{ workflowId: string; name: string }> = [];

  afterAll(async () => {
    if (driven.length > 0) await replayAndRecord(stack.temporalClient, driven);
    await stack?.close();
    await temporal?.teardown();
  });

  const register = async (body: Record<string, unknown>) =>
    (
      await http
        .post('/api/v1/cases')
        .send({ agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'Vụ việc', content: 'Nội dung cụ thể', petitioner: { fullName: 'Vũ Văn E' }, ...body })
        .expect(201)
    ).body as { code: string; workflowId: string };
  const as: Partial<Record<Role, Api>> = {};
  const act = (code: string, path: string, body: object = {}, role: Role = 'agency_head') => as[role]!.post(`/api/v1/cases/${code}/${path}`).send(body);
  const detail = async (code: string) => (await http.get(`/api/v1/cases/${code}`).expect(200)).body;
  const eventTypes = async (code: string) => (await http.get(`/api/v1/cases/${code}/events`).expect(200)).body.map((e: { type: string }) => e.type);

  it('splits a letter mixing complaint and denunciation into two cases with their own clocks and workflows', async () => {
    const letter = await register({ kind: 'letter' });
    driven.push({ workflowId: letter.workflowId, name: 'letter-classified' });
    expect((await detail(letter.code)).clocks[0]).toMatchObject({ name: 'processing', rule: 'XLD-01' });
    const classified = await act(letter.code, 'classify', { contents: ['complaint', 'denunciation'] }, 'intake_officer').expect(200);
    expect(classified.body.status).toBe('classified');
    const events = (await http.get(`/api/v1/cases/${letter.code}/events`).expect(200)).body;
    const childCodes: string[] = events.at(-1).payload.children;
    expect(childCodes).toHaveLength(2);

    const [complaint, denunciation] = await Promise.all(childCodes.map((c) => detail(c)));
    expect(complaint).toMatchObject({ kind: 'complaint', status: 'received', receivedOn: '2026-11-26', workflowStarted: true });
    expect(complaint.clocks.map((c: { rule: string }) => c.rule)).toEqual(['KN-02']);
    expect(denunciation.clocks.map((c: { rule: string }) => c.rule)).toEqual(['TC-01']);
    const parent = await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: letter.code });
    const child = await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code: denunciation.code });
    expect(child.parentCaseId).toBe(parent.id);
    // The letter's petitioner, opened from the letter's row and sealed again in the child's own row.
    expect(await partiesOf(stack.dataSource, child.id)).toEqual([expect.objectContaining({ role: 'denouncer', fullName: 'Vũ Văn E', pseudonym: expect.stringMatching(/^NTC-/) })]);
    await expect(stack.temporalClient.workflow.getHandle(child.workflowId).query(caseSnapshotQuery)).resolves.toMatchObject({ kind: 'denunciation', status: 'received' });
    // Classified is final for the letter; its processing clock stopped.
    await act(letter.code, 'classify', { contents: ['complaint'] }, 'intake_officer').expect(409);
    expect((await detail(letter.code)).clocks[0]).toMatchObject({ status: 'stopped' });
  });

  it('takes a denunciation from acceptance to a published conclusion, refusing what the law does not allow', async () => {
    const { code, workflowId } = await register({ kind: 'denunciation' });
    driven.push({ workflowId, name: 'denunciation-published-closed' });
    await act(code, 'decide', { documentNumber: '1/QĐ' }).expect(409); // no "decide" for a denunciation
    await act(code, 'accept', {}, 'intake_officer').expect(403); // acceptance is the head's decision
    await act(code, 'accept').expect(200);
    const accepted = await detail(code);
    expect(accepted.clocks.map((c: { name: string; status: string }) => `${c.name}:${c.status}`).sort()).toEqual(['acceptance_notice:running', 'initial_processing:stopped', 'resolution:running']);
    await act(code, 'send-acceptance-notice', {}, 'handling_officer').expect(200);
    await act(code, 'send-acceptance-notice', {}, 'handling_officer').expect(409);
    await act(code, 'start-verification', {}, 'handling_officer').expect(200);
    const missing = await act(code, 'extend', { reason: 'Phức tạp' }).expect(400);
    expect(missing.body.errors[0].field).toBe('documentNumber');
    await act(code, 'extend', { reason: 'Phức tạp', documentNumber: '02/QĐ-GH' }).expect(200);
    await act(code, 'conclude', { documentNumber: '03/KL-UBND' }).expect(200);
    await act(code, 'close', {}, 'handling_officer').expect(409); // not sent, not published
    await act(code, 'send-conclusion', {}, 'handling_officer').expect(200);
    await act(code, 'close', {}, 'handling_officer').expect(409); // not yet published
    await act(code, 'publish', {}, 'handling_officer').expect(200);
    await act(code, 'publish', {}, 'handling_officer').expect(409);
    const closed = await act(code, 'close', {}, 'handling_officer').expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', allowedCommands: [] });
    expect(closed.body.clocks.every((c: { status: string }) => c.status === 'stopped')).toBe(true);
    expect(await eventTypes(code)).toEqual([
      'case.registered',
      'case.accepted',
      'case.acceptance_notice_sent',
      'case.verification_started',
      'case.extended',
      'case.concluded',
      'case.conclusion_sent',
      'case.conclusion_published',
      'case.closed',
    ]);
  });

  it('keeps a case overdue while another of its clocks is still overdue', async () => {
    const { code } = await register({ kind: 'denunciation', receivedOn: '2026-08-20' });
    // Accepted on 01/09: the resolution (TC-04, due 01/10) and the acceptance notice (TC-03) are both long overdue.
    await act(code, 'accept', { effectiveDate: '2026-09-01' }).expect(200);
    let clocks: Array<{ name: string; reached: string[] }> = [];
    for (let i = 0; i < 100 && !['resolution', 'acceptance_notice'].every((n) => clocks.find((c) => c.name === n)?.reached.includes('overdue')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      clocks = (await detail(code)).clocks;
    }
    expect((await detail(code)).overdue).toBe(true);
    // Sending the notice stops one overdue clock; the resolution is still overdue, and so is the case.
    await act(code, 'send-acceptance-notice', {}, 'handling_officer').expect(200);
    expect((await detail(code)).overdue).toBe(true);
  });

  it('checks an anonymous denunciation instead of resolving it', async () => {
    const { code } = await register({ kind: 'denunciation', anonymous: true, petitioner: undefined });
    const refused = await act(code, 'accept').expect(409);
    expect(refused.body.message).toContain('Điều 25');
    await act(code, 'record-check', { note: 'Đã kiểm tra, nội dung không có căn cứ' }, 'handling_officer').expect(200);
    expect((await detail(code)).status).toBe('checked');
    await http
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', anonymous: true })
      .expect(400);
  });

  it('resolves a first-level complaint through verification and dialogue, and opens the citizen’s appeal window', async () => {
    const { code, workflowId } = await register({ kind: 'complaint' });
    driven.push({ workflowId, name: 'complaint-dialogue-suspension-decision' });
    const badGround = await act(code, 'refuse', { legalGround: 'no_reason' }).expect(422);
    expect(badGround.body.errors[0]).toMatchObject({ field: 'legalGround', reason: expect.stringContaining('limitation_expired') });
    await act(code, 'accept', { effectiveDate: '2026-11-20' }).expect(200);
    await act(code, 'start-verification', {}, 'handling_officer').expect(200);
    // KN-10: notice at least 5 working days before the dialogue.
    const tooSoon = await act(code, 'schedule-dialogue', { dialogueDate: '2026-11-30' }, 'handling_officer').expect(422);
    expect(tooSoon.body.errors[0].field).toBe('dialogueDate');
    await act(code, 'schedule-dialogue', { dialogueDate: '2026-12-10' }, 'handling_officer').expect(200);
    await act(code, 'suspend', { reason: 'Chờ trưng cầu giám định', documentNumber: '07/QĐ', effectiveDate: '2026-11-24' }).expect(200);
    await act(code, 'resume', { documentNumber: '08/QĐ', effectiveDate: '2026-11-26' }).expect(200);
    const resumed = await detail(code);
    expect(resumed.status).toBe('dialogue');
    // KN-11 (from 01/07/2026, check): the resolution period is counted afresh from the resume decision: 26/11 + 30 days → Monday 28/12/2026.
    expect(resumed.clocks.find((c: { name: string }) => c.name === 'resolution')).toMatchObject({ due: '2026-12-28', status: 'running' });
    await act(code, 'decide', { documentNumber: '15/QĐ-UBND' }).expect(200);
    const sent = await act(code, 'send-decision', {}, 'handling_officer').expect(200);
    const appeal = sent.body.clocks.find((c: { name: string }) => c.name === 'appeal_window');
    expect(appeal).toMatchObject({ rule: 'KN-05', owner: 'citizen', status: 'running' });
    await act(code, 'close', {}, 'handling_officer').expect(200);
    expect((await detail(code)).clocks.find((c: { name: string }) => c.name === 'appeal_window').status).toBe('running');
  });

  it('links a second-level complaint to a decided first-level one within KN-05, and requires a dialogue before deciding', async () => {
    const first = await register({ kind: 'complaint', petitioner: { fullName: 'Vũ Văn E', idNumber: '001190000222' } });
    const early = await http.post('/api/v1/cases').send({ kind: 'complaint_second_level', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'A' }, parentCaseCode: first.code }).expect(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'parentCaseCode', reason: expect.stringContaining('Điều 33') });
    await act(first.code, 'accept', { effectiveDate: '2026-11-02' }).expect(200);
    await act(first.code, 'decide', { documentNumber: '19/QĐ', effectiveDate: '2026-11-20' }).expect(200);
    await act(first.code, 'send-decision', { effectiveDate: '2026-11-20' }, 'handling_officer').expect(200);

    // The same complainant (compared by keyed blind index of the ID number, never in plain).
    const stranger = await http.post('/api/v1/cases').send({ kind: 'complaint_second_level', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'Người khác', idNumber: '001099000111' }, parentCaseCode: first.code }).expect(422);
    expect(stranger.body.errors[0]).toMatchObject({ field: 'petitioner', reason: expect.stringContaining('Điều 33') });
    const { code, workflowId } = await register({ kind: 'complaint_second_level', parentCaseCode: first.code, petitioner: { fullName: 'Vũ Văn E', idNumber: '001190000222' } });
    driven.push({ workflowId, name: 'complaint-second-level-final' });
    expect((await detail(code)).clocks[0]).toMatchObject({ name: 'acceptance', rule: 'KN-06' });
    await act(code, 'accept').expect(200);
    await act(code, 'decide', { documentNumber: '20/QĐ' }).expect(409);
    await act(code, 'schedule-dialogue', { dialogueDate: '2026-12-15' }, 'handling_officer').expect(200);
    await act(code, 'decide', { documentNumber: '20/QĐ' }).expect(200);
    const sent = await act(code, 'send-decision', {}, 'handling_officer').expect(200);
    expect(sent.body.clocks.find((c: { name: string }) => c.name === 'finality')).toMatchObject({ rule: 'KN-09', owner: 'citizen' });

    // A first-level decision sent on 01/09 opened a window that closed on 01/10 (30 days).
    const old = await register({ kind: 'complaint', receivedOn: '2026-08-01' });
    await act(old.code, 'accept', { effectiveDate: '2026-08-03' }).expect(200);
    await act(old.code, 'decide', { documentNumber: '11/QĐ', effectiveDate: '2026-09-01' }).expect(200);
    await act(old.code, 'send-decision', { effectiveDate: '2026-09-01' }, 'handling_officer').expect(200);
    const late = await http.post('/api/v1/cases').send({ kind: 'complaint_second_level', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'A' }, parentCaseCode: old.code }).expect(422);
    expect(late.body.errors[0]).toMatchObject({ field: 'receivedOn', reason: expect.stringContaining('2026-10-01') });
    await http.post('/api/v1/cases').send({ kind: 'complaint_second_level', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'A' }, parentCaseCode: 'UBND-HN-2026-999999' }).expect(400);
  });

  it('has the superior review a resolved denunciation (TC-08, 20 days)', async () => {
    const denunciation = await register({ kind: 'denunciation' });
    const wrongParent = await http.post('/api/v1/cases').send({ kind: 'denunciation_review', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'A' } }).expect(400);
    expect(wrongParent.body.errors[0].field).toBe('parentCaseCode');
    const { code } = await register({ kind: 'denunciation_review', parentCaseCode: denunciation.code });
    // TC-08: 20 days from receipt on 26/11/2026 → Wednesday 16/12/2026.
    expect((await detail(code)).clocks[0]).toMatchObject({ name: 'resolution', rule: 'TC-08', due: '2026-12-16' });
    await act(code, 'accept').expect(200);
    await act(code, 'conclude', { documentNumber: '40/KL' }).expect(200);
    await act(code, 'send-conclusion', {}, 'handling_officer').expect(200);
    await act(code, 'publish', {}, 'handling_officer').expect(200);
    await act(code, 'close', {}, 'handling_officer').expect(200);
  });

  it('refuses a citizen reception with a ground, then records the written reply', async () => {
    const badGroup = await http
      .post('/api/v1/cases')
      .send({ kind: 'reception', agencyCode: 'UBND-HN', channel: 'in_person', receivedOn: '2026-11-26', subject: 'x', content: 'y', petitioner: { fullName: 'A' }, groupSize: 8, representatives: [{ fullName: 'B' }, { fullName: 'C' }, { fullName: 'D' }] })
      .expect(400);
    expect(badGroup.body.errors[0]).toMatchObject({ field: 'representatives', reason: expect.stringContaining('1 to 2') });
    const { code, workflowId } = await register({ kind: 'reception', channel: 'in_person', groupSize: 12, representatives: [{ fullName: 'Lê Thị F' }, { fullName: 'Hồ Văn G' }, { fullName: 'Mai Văn H' }] });
    driven.push({ workflowId, name: 'reception-refused-replied' });
    const group = await stack.dataSource.getRepository(CasePartyEntity).find({ where: { caseId: (await stack.dataSource.getRepository(CaseEntity).findOneByOrFail({ code })).id, role: 'representative' } });
    expect(group).toHaveLength(3);
    await act(code, 'refuse', { legalGround: 'threatening_or_disorderly' }, 'intake_officer').expect(200);
    const refused = await detail(code);
    expect(refused.clocks.find((c: { name: string }) => c.name === 'refusal_notice')).toMatchObject({ rule: 'TCD-03', status: 'running' });
    await act(code, 'reply', { documentNumber: '09/TB' }, 'intake_officer').expect(200);
    await act(code, 'close', {}, 'intake_officer').expect(200);
    expect(await eventTypes(code)).toEqual(['case.registered', 'case.reception_refused', 'case.replied', 'case.closed']);
  });

  it('gives a recommendation the agency’s own period, shown as policy', async () => {
    const { code } = await register({ kind: 'recommendation' });
    const accepted = (await act(code, 'accept', {}, 'handling_officer').expect(200)).body;
    const resolution = accepted.clocks.find((c: { name: string }) => c.name === 'resolution');
    expect(resolution.rule).toBe('PA-02');
    expect(resolution.explanation.join(' ')).toMatch(/chính sách|policy/i);
    await act(code, 'reply', { documentNumber: '10/CV' }, 'handling_officer').expect(200);
    await act(code, 'close', {}, 'handling_officer').expect(200);
  });

  it('resolves a disciplinary complaint and lets it be withdrawn before the decision', async () => {
    const { code } = await register({ kind: 'disciplinary_complaint' });
    expect((await detail(code)).clocks[0].rule).toBe('KD-02A');
    await act(code, 'accept').expect(200);
    expect((await detail(code)).clocks.find((c: { name: string }) => c.name === 'resolution').rule).toBe('KD-02B');
    await act(code, 'decide', { documentNumber: '30/QĐ-KL' }).expect(200);
    await act(code, 'send-decision', {}, 'handling_officer').expect(200);
    const other = await register({ kind: 'disciplinary_complaint' });
    await act(other.code, 'accept').expect(200);
    await act(other.code, 'withdraw', { documentNumber: '31/ĐRĐ' }, 'intake_officer').expect(200);
    expect((await detail(other.code)).status).toBe('terminated');
  });

  it('flags a long-overdue case in Temporal: `temporal workflow list --query "Overdue = true"` finds it', async () => {
    // Received in June and never accepted: every milestone of its acceptance clock is in the past.
    const { code, workflowId } = await register({ kind: 'complaint', receivedOn: '2026-06-01' });
    driven.push({ workflowId, name: 'complaint-overdue-escalated' });
    let types: string[] = [];
    for (let i = 0; i < 100 && !types.includes('clock.very_overdue'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      types = await eventTypes(code);
    }
    // KN-02 before 01/07/2026: 10 working days → 15/06; the ladder's steps at +5 and +10 working
    // days, then very overdue once late by more than the period again (legal-rules.md §6).
    expect(types).toEqual(['case.registered', 'clock.due_soon', 'clock.due_today', 'clock.overdue', 'clock.escalated_inspectorate', 'clock.escalated_superior', 'clock.very_overdue']);
    expect((await detail(code)).overdue).toBe(true);

    const cli = temporalCliPath();
    let listed = '';
    for (let i = 0; i < 50 && !listed.includes(workflowId); i++) {
      await new Promise((r) => setTimeout(r, 200));
      const run = spawnSync(cli ?? 'temporal', ['workflow', 'list', '--address', temporal.address, '--query', 'Overdue = true'], { encoding: 'utf8' });
      listed = run.stdout;
    }
    expect(listed).toContain(workflowId);
    const onTrack = await register({ kind: 'complaint' });
    expect(listed).not.toContain(onTrack.workflowId);
  });
});
