import { DailyDigestService } from '../../apps/worker/src/notifications/daily-digest/daily-digest.service';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { dailyDigestScheduleId, type DailyDigestResult } from '../../workflows/src/notifications/daily-digest-contract';
import { apiAs, type Api } from '../support/http';
import { eventually, startSmtpSink, type SmtpSink } from '../support/smtp';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

const PETITIONER = { fullName: 'Đinh Thị Tổng Hợp', phone: '0977001122', idNumber: '001199112233' };
const SUBJECT = 'Khiếu nại của bà Đinh Thị Tổng Hợp về quyết định thu hồi đất';
const SECRETS = [PETITIONER.fullName, PETITIONER.phone, PETITIONER.idNumber, SUBJECT, 'Tổng Hợp'];
/** 07:00 in Vietnam (UTC+7) of a local date: when the schedule fires. */
const sevenAm = (date: string) => Date.parse(`${date}T07:00:00+07:00`);

interface DigestRow {
  id: string;
  recipient_user_id: string;
  recipient_role: string;
  recipient_agency: string;
  digest_date: string;
  status: string;
  message_id: string | null;
  payload: { date: string; counts: { overdue: number; dueToday: number; dueSoon: number }; items: Array<{ caseCode: string; clock: string; rule: string; due: string; state: string }>; omitted: number };
}

/**
 * The daily digest per officer: the activity run directly against the real PostgreSQL for chosen
 * mornings, its rows delivered by the real dispatcher to a real SMTP server (aiosmtpd); and the
 * Temporal Schedule the worker creates, described on a real dev server.
 */
describe('daily digest per officer (real PostgreSQL, real SMTP server, real Temporal)', () => {
  let smtp: SmtpSink;
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let digests: DailyDigestService;
  const codes: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    for (const [name, value] of Object.entries({ SMTP_URL: smtp.url, NOTIFICATION_POLL_INTERVAL_MS: '300', MAIL_FROM: 'donthu <thongbao@donthu.test>' })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    digests = stack.worker!.get(DailyDigestService);

    // KN-02 from 26/11/2026: acceptance due Monday 07/12/2026; KN-03 from acceptance on 26/11: resolution due Monday 28/12/2026.
    const head = await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-HN');
    const register = async (http: Api, agencyCode: string) =>
      (await http.post('/api/v1/cases').send({ kind: 'complaint', agencyCode, channel: 'post', receivedOn: '2026-11-26', subject: SUBJECT, content: 'Nội dung', petitioner: PETITIONER }).expect(201)).body.code as string;
    codes.a = await register(head, 'UBND-HN'); // left unaccepted: the agency head's
    codes.b = await register(head, 'UBND-HN'); // accepted and assigned: the handling officer's (and the head's)
    await head.post(`/api/v1/cases/${codes.b}/accept`).send({ effectiveDate: '2026-11-26' }).expect(200);
    await head.post(`/api/v1/cases/${codes.b}/assign`).send({ assignee: 'demo.handling_officer.UBND-HN' }).expect(200);
    codes.c = await register(await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-PHUONG-HK'), 'UBND-PHUONG-HK'); // another agency
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
    await smtp?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const rowsOf = (date: string): Promise<DigestRow[]> =>
    stack.dataSource.query(
      `SELECT id, recipient_user_id, recipient_role, recipient_agency, to_char(digest_date, 'YYYY-MM-DD') AS digest_date, status, message_id, payload
         FROM notifications WHERE kind = 'digest.daily' AND digest_date = $1 ORDER BY recipient_user_id`,
      [date],
    );
  const mine = (row: DigestRow) => row.payload.items.filter((i) => Object.values(codes).includes(i.caseCode)).map((i) => `${i.caseCode === codes.a ? 'A' : i.caseCode === codes.b ? 'B' : 'C'} ${i.clock} ${i.state}`);

  it('writes one digest per officer with something due: the head’s agency, the officer’s assigned cases, each once a day', async () => {
    // Monday 07/12: A and C are due today; B (due 28/12) is on track, so the handling officer gets nothing.
    const first = await digests.produceDailyDigests({ atMs: sevenAm('2026-12-07') });
    expect(first).toMatchObject({ date: '2026-12-07' });
    expect(first.created).toBe(first.recipients);
    const monday = await rowsOf('2026-12-07');
    const byUser = new Map(monday.map((r) => [r.recipient_user_id, r]));
    expect(mine(byUser.get('demo.agency_head.UBND-HN')!)).toEqual(['A acceptance due_today']);
    expect(mine(byUser.get('demo.agency_head.UBND-PHUONG-HK')!)).toEqual(['C acceptance due_today']);
    expect(byUser.has('demo.handling_officer.UBND-HN')).toBe(false);
    // Only officers: nobody else gets one (the inspectorates have the monitoring views).
    expect(monday.every((r) => ['intake_officer', 'handling_officer', 'agency_head'].includes(r.recipient_role))).toBe(true);

    // The schedule firing twice, a retried activity: nothing new (unique per user and date).
    expect(await digests.produceDailyDigests({ atMs: sevenAm('2026-12-07') + 60_000 })).toMatchObject({ date: '2026-12-07', created: 0, recipients: first.recipients });
    expect(await rowsOf('2026-12-07')).toHaveLength(monday.length);

    // Thursday 24/12: A is very overdue (7 working days past 07/12), B due soon (3 working days before 28/12).
    await digests.produceDailyDigests({ atMs: sevenAm('2026-12-24') });
    const thursday = new Map((await rowsOf('2026-12-24')).map((r) => [r.recipient_user_id, r]));
    expect(mine(thursday.get('demo.agency_head.UBND-HN')!)).toEqual(['A acceptance very_overdue', 'B resolution due_soon']);
    expect(mine(thursday.get('demo.handling_officer.UBND-HN')!)).toEqual(['B resolution due_soon']);
    expect(thursday.get('demo.handling_officer.UBND-HN')!.payload.counts).toEqual({ overdue: 0, dueToday: 0, dueSoon: 1 });
    expect(mine(thursday.get('demo.agency_head.UBND-PHUONG-HK')!)).toEqual(['C acceptance very_overdue']);
  });

  it('e-mails each digest once to its officer alone, in Vietnamese first, without personal data', async () => {
    const rows = await eventually(async () => {
      const all = [...(await rowsOf('2026-12-07')), ...(await rowsOf('2026-12-24'))];
      return all.length > 0 && all.every((r) => r.status === 'sent') && all;
    }, 'every digest to be sent');
    const mails = smtp.messages();
    for (const row of rows) {
      const copies = mails.filter((m) => m.messageId === row.message_id);
      expect(copies).toHaveLength(1);
      expect(copies[0]!.rcptTos).toEqual([`${row.recipient_user_id}@example.invalid`]);
    }
    const officer = rows.find((r) => r.recipient_user_id === 'demo.handling_officer.UBND-HN' && r.digest_date === '2026-12-24')!;
    const mail = mails.find((m) => m.messageId === officer.message_id)!;
    expect(mail.subject).toBe('[donthu] Tổng hợp thời hạn ngày 24/12/2026: 0 quá hạn, 0 đến hạn hôm nay, 1 sắp đến hạn');
    expect(mail.text).toMatch(/^Kính gửi: Cán bộ thụ lý, xác minh, Ủy ban nhân dân thành phố Hà Nội \(UBND-HN\)/);
    expect(mail.text).toContain(`- ${codes.b} — Khiếu nại lần đầu — giải quyết (KN-03) — hạn 28/12/2026`);
    expect(mail.text.indexOf('Sắp đến hạn')).toBeLessThan(mail.text.indexOf('Due soon'));
    for (const m of mails.filter((x) => rows.some((r) => r.message_id === x.messageId))) {
      const everything = `${m.subject}\n${m.text}\n${m.raw.toString('utf8')}`;
      expect(SECRETS.filter((s) => everything.includes(s))).toEqual([]);
    }
  });

  it('is scheduled every day at 07:00 Asia/Ho_Chi_Minh, once, whatever the worker restarts; the schedule runs the digest of its day', async () => {
    const handle = stack.temporalClient.schedule.getHandle(dailyDigestScheduleId(stack.taskQueue));
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    const next = described.info.nextActionTimes;
    expect(next.length).toBeGreaterThanOrEqual(3);
    // 07:00 in Vietnam is 00:00 UTC, one day apart.
    for (const t of next) expect(t.toISOString()).toMatch(/T00:00:00\.000Z$/);
    for (let i = 1; i < next.length; i++) expect(next[i]!.getTime() - next[i - 1]!.getTime()).toBe(86_400_000);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', taskQueue: stack.taskQueue });

    // A restarted worker finds the schedule and leaves one.
    await stack.stopWorker();
    await stack.startWorker();
    const ids: string[] = [];
    for await (const s of stack.temporalClient.schedule.list()) if (s.scheduleId === dailyDigestScheduleId(stack.taskQueue)) ids.push(s.scheduleId);
    expect(ids).toHaveLength(1);

    // Fired now, it writes the digest of today in Vietnam.
    await handle.trigger();
    const action = await eventually(async () => (await handle.describe()).info.recentActions[0], 'the schedule to start its workflow');
    const result = (await stack.temporalClient.workflow.getHandle(action.action.workflow.workflowId).result()) as DailyDigestResult;
    expect(result.date).toBe(todayInVietnam());
  });
});
