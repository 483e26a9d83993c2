import { NotificationEntity } from '@donthu/persistence';
import { caseSnapshotQuery } from '@donthu/workflows';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTimeSkippingServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const DAY = 86_400_000;

/**
 * Statutory clocks on the time-skipping test server: months of legal time pass in seconds while
 * the real api, worker and PostgreSQL do their work.
 */
describe('statutory clocks run as durable timers (time-skipping server)', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: Api;

  // Skipped time is the server's and only moves forward: each test gets its own server.
  beforeEach(async () => {
    temporal = await startTimeSkippingServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer());
  });

  afterEach(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const register = async (body: Record<string, unknown>) =>
    (
      await http
        .post('/api/v1/cases')
        .send({ agencyCode: 'UBND-HN', channel: 'post', subject: 'Vụ việc thử', content: 'Nội dung', petitioner: { fullName: 'Đỗ Thị D' }, ...body })
        .expect(201)
    ).body as { code: string; workflowId: string };
  const events = async (code: string) => (await http.get(`/api/v1/cases/${code}/events`).expect(200)).body as Array<{ type: string; payload: Record<string, unknown> }>;
  const clock = async (code: string, name: string) => (await http.get(`/api/v1/cases/${code}`).expect(200)).body.clocks.find((c: { name: string }) => c.name === name);

  it('walks an unanswered complaint through due soon, the due date, overdue and every step of the escalation ladder', async () => {
    const { code, workflowId } = await register({ kind: 'complaint', receivedOn: '2026-11-26' });
    // KN-02 (from 01/07/2026): 7 working days from 26/11/2026 → Monday 07/12/2026.
    expect(await clock(code, 'acceptance')).toMatchObject({ rule: 'KN-02', due: '2026-12-07', status: 'running' });

    await temporal.sleep(40 * DAY);
    const types = (await events(code)).map((e) => e.type);
    expect(types).toEqual([
      'case.registered',
      'clock.due_soon',
      'clock.due_today',
      'clock.overdue',
      // Ladder: +5 working days to the inspectorate, +5 more to the superior; very overdue when
      // overdue by more than the 7-working-day period again (legal-rules.md §6).
      'clock.escalated_inspectorate',
      'clock.very_overdue',
      'clock.escalated_superior',
    ]);
    const ladder = (await events(code)).filter((e) => e.type.startsWith('clock.escalated') || e.type === 'clock.due_today');
    expect(ladder.map((e) => e.payload.escalationStep)).toEqual([1, 2, 3]);
    expect(await clock(code, 'acceptance')).toMatchObject({ monitoringState: 'overdue', reached: expect.arrayContaining(['overdue', 'escalated_superior']) });
    const caseRow = (await http.get(`/api/v1/cases/${code}`).expect(200)).body;
    expect(caseRow.overdue).toBe(true);

    const notified = await stack.dataSource.getRepository(NotificationEntity).find({ where: { kind: 'clock.escalated_superior' } });
    // Step 3 reaches the superior agency (the Government, above the city) and its inspectorate (legal-rules.md §6).
    expect(notified.map((n) => `${n.recipientRole}@${n.recipientAgency}`).sort()).toEqual(['agency_head@CP', 'superior_inspector@TTCP']);
    const step2 = await stack.dataSource.getRepository(NotificationEntity).find({ where: { kind: 'clock.escalated_inspectorate' } });
    expect(step2.map((n) => `${n.recipientRole}@${n.recipientAgency}`)).toEqual(['inspector@TTR-HN']);
    const snapshot = await stack.temporalClient.workflow.getHandle(workflowId).query(caseSnapshotQuery);
    expect(snapshot.reached.acceptance).toContain('escalated_superior');
  });

  it('stops the acceptance clock at acceptance and runs the resolution clock instead', async () => {
    const { code } = await register({ kind: 'complaint', receivedOn: '2026-11-26' });
    await http.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: '2026-11-26' }).expect(200);
    // KN-03: 30 days from 26/11/2026 → Saturday 26/12 → Monday 28/12/2026.
    expect(await clock(code, 'resolution')).toMatchObject({ rule: 'KN-03', due: '2026-12-28', status: 'running' });
    // Three working days before 28/12 (23/12 at 00:00 local) the officer is reminded; 27 days on, not yet due.
    await temporal.sleep(27 * DAY);
    const types = (await events(code)).map((e) => e.type);
    expect(types).toEqual(['case.registered', 'case.accepted', 'clock.due_soon']);
    expect(await clock(code, 'acceptance')).toMatchObject({ status: 'stopped', reached: [] });
  });

  it('moves the due date by each extension of a denunciation (TC-04), at most twice', async () => {
    const { code } = await register({ kind: 'denunciation', receivedOn: '2026-11-26' });
    await http.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: '2026-11-26' }).expect(200);
    expect(await clock(code, 'resolution')).toMatchObject({ rule: 'TC-04', due: '2026-12-28' });
    await http.post(`/api/v1/cases/${code}/extend`).send({ reason: 'Vụ việc phức tạp', documentNumber: '01/QĐ-GH' }).expect(200);
    // 60 days from 26/11/2026 → Monday 25/01/2027.
    expect(await clock(code, 'resolution')).toMatchObject({ due: '2027-01-25' });
    await http.post(`/api/v1/cases/${code}/extend`).send({ reason: 'Đặc biệt phức tạp', documentNumber: '02/QĐ-GH' }).expect(200);
    // 90 days → Wednesday 24/02/2027.
    expect(await clock(code, 'resolution')).toMatchObject({ due: '2027-02-24' });
    const third = await http.post(`/api/v1/cases/${code}/extend`).send({ reason: 'Lần ba', documentNumber: '03/QĐ-GH' }).expect(409);
    expect(third.body.message).toContain('at most 2 extensions');

    await temporal.sleep(60 * DAY);
    // Sixty days on, the first due date (28/12) has long passed, but the extended clock is not overdue…
    const resolution = (await events(code)).filter((e) => e.payload.clock === 'resolution').map((e) => e.type);
    expect(resolution).toEqual([]);
    // …while the acceptance notice (TC-03: 5 working days, never sent here) is overdue and escalated.
    const notice = (await events(code)).filter((e) => e.payload.clock === 'acceptance_notice').map((e) => e.type);
    expect(notice).toEqual(expect.arrayContaining(['clock.overdue', 'clock.escalated_superior']));
  });

  it('pauses a suspended denunciation: no reminder fires while suspended, and the suspended days are not counted', async () => {
    const { code } = await register({ kind: 'denunciation', receivedOn: '2026-10-01' });
    await http.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: '2026-10-01' }).expect(200);
    await http.post(`/api/v1/cases/${code}/suspend`).send({ effectiveDate: '2026-10-10', reason: 'Chờ kết quả giám định', documentNumber: '05/QĐ-TĐC' }).expect(200);
    expect(await clock(code, 'resolution')).toMatchObject({ status: 'paused' });
    expect(await clock(code, 'suspension_notice')).toMatchObject({ rule: 'TC-05', status: 'running' });

    await temporal.sleep(3 * DAY);
    // While suspended, the resolution clock raises nothing (its old due date 02/11 is long past).
    expect((await events(code)).some((e) => e.type === 'clock.overdue' && e.payload.clock === 'resolution')).toBe(false);

    await http.post(`/api/v1/cases/${code}/resume`).send({ effectiveDate: '2026-10-20', documentNumber: '06/QĐ-TTGQ' }).expect(200);
    // TC-04 from 01/10: 30 days → Saturday 31/10, + 10 suspended days (TC-05: excluded) → Tuesday 10/11/2026.
    expect(await clock(code, 'resolution')).toMatchObject({ status: 'running', due: '2026-11-10' });
    await temporal.sleep(DAY);
    expect((await events(code)).some((e) => e.type === 'clock.overdue' && e.payload.clock === 'resolution')).toBe(true);
  });

  it('lets a transfer time out on the receiving agency, then moves the case to it when accepted', async () => {
    const { code } = await register({ kind: 'complaint', receivedOn: '2026-11-26' });
    await http.post(`/api/v1/cases/${code}/transfer`).send({ targetAgency: 'UBND-PHUONG-HK', reason: 'Không thuộc thẩm quyền' }).expect(200);
    // XLD-01: 10 working days from 26/11/2026 → Thursday 10/12/2026.
    expect(await clock(code, 'transfer_response')).toMatchObject({ rule: 'XLD-01', due: '2026-12-10', status: 'running' });
    expect(await clock(code, 'acceptance')).toMatchObject({ status: 'stopped' });

    await temporal.sleep(20 * DAY);
    expect((await events(code)).some((e) => e.type === 'clock.overdue' && e.payload.clock === 'transfer_response')).toBe(true);

    // The receiving agency answers; the sender can no longer see the case once it moved.
    const receiver = await apiAs(stack.api.getHttpServer(), 'intake_officer', 'UBND-PHUONG-HK');
    const accepted = await receiver.post(`/api/v1/cases/${code}/accept-transfer`).send({ effectiveDate: '2026-11-26' }).expect(200);
    expect(accepted.body).toMatchObject({ code, status: 'received', agencyCode: 'UBND-PHUONG-HK' });
    // The competent agency's acceptance clock starts afresh on the day it takes the case.
    const clocks = accepted.body.clocks as Array<{ name: string }>;
    expect(clocks.find((c) => c.name === 'acceptance')).toMatchObject({ status: 'running', startDate: '2026-11-26', due: '2026-12-07' });
    expect(clocks.find((c) => c.name === 'transfer_response')).toMatchObject({ status: 'stopped' });
    await http.get(`/api/v1/cases/${code}`).expect(404);
  });

  it('continues as new before the history grows large, with its state and clocks intact', async () => {
    await stack.close();
    process.env.WORKFLOW_HISTORY_LIMIT = '40';
    try {
      stack = await startStack(temporal);
      http = await apiAs(stack.api.getHttpServer());
      const { code, workflowId } = await register({ kind: 'complaint', receivedOn: '2026-11-26' });
      const handle = stack.temporalClient.workflow.getHandle(workflowId);
      const firstRun = (await handle.describe()).runId;
      await http.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: '2026-11-26' }).expect(200);
      for (let i = 0; i < 8; i++) {
        await http.post(`/api/v1/cases/${code}/assign`).send({ assignee: `officer-${i}` }).expect(200);
      }
      await temporal.sleep(DAY); // lets the workflow reach its loop and continue as new
      const latest = await handle.describe();
      expect(latest.runId).not.toBe(firstRun);
      const snapshot = await handle.query(caseSnapshotQuery);
      expect(snapshot).toMatchObject({ status: 'accepted', lastSequence: 10, clocks: { resolution: { rule: 'KN-03', status: 'running' } } });
      expect(snapshot.deadlines.resolution?.due).toBe('2026-12-28');

      // The clock still fires in the new run, and commands still work.
      await temporal.sleep(27 * DAY);
      expect((await events(code)).map((e) => e.type).slice(-1)).toEqual(['clock.due_soon']);
      await http.post(`/api/v1/cases/${code}/start-verification`).send({}).expect(200);
      expect((await http.get(`/api/v1/cases/${code}`).expect(200)).body.status).toBe('verifying');
    } finally {
      delete process.env.WORKFLOW_HISTORY_LIMIT;
    }
  });
});
