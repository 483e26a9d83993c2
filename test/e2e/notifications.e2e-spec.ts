import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { NotificationActivitiesService } from '../../apps/worker/src/notifications/notification-activities.service';
import { NotificationOutbox } from '../../apps/worker/src/notifications/notification-outbox';
import { notificationDispatcherStatusQuery, notificationDispatcherWorkflowId } from '../../workflows/src/notifications/notification-contract';
import { apiAs, type Api } from '../support/http';
import { decodedHistory, replayAndRecord, replayOptions } from '../support/replay';
import { eventually, startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

interface OutboxRow {
  id: string;
  kind: string;
  recipient_role: string;
  recipient_agency: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  sent_at: Date | null;
}

// Everything that identifies the citizen, or that an officer wrote: none of it may reach an e-mail.
const PETITIONER = { fullName: 'Trần Thị Bích Ngọc', address: 'Số 7 ngõ 15 phố Lò Đúc, Hà Nội', phone: '0987654321', idNumber: '001185067890', email: 'bichngoc@example.invalid' };
const SUBJECT = 'Khiếu nại việc cấp giấy chứng nhận cho bà Ngọc tại thửa đất số 88';
const CONTENT = 'Nội dung chi tiết có tên người khiếu nại và hàng xóm Phạm Văn Khải';
const TRANSFER_REASON = 'Chuyển theo yêu cầu của ông Phạm Văn Khải';
const SECRETS = [...Object.values(PETITIONER), SUBJECT, CONTENT, TRANSFER_REASON, 'Ngọc', 'Phạm Văn Khải', '0987654321', '001185067890'];

const MAIL_FROM = 'Hệ thống donthu thử nghiệm <thongbao@donthu.test>';
const SETTINGS = {
  MAIL_FROM,
  // Fast everything: the watcher polls every 300 ms, retries after 300 ms… 1 s, eight attempts, 2-second leases.
  NOTIFICATION_POLL_INTERVAL_MS: '300',
  NOTIFICATION_RETRY_BASE_MS: '300',
  NOTIFICATION_RETRY_MAX_MS: '1000',
  NOTIFICATION_MAX_ATTEMPTS: '8',
  NOTIFICATION_CLAIM_LEASE_MS: '2000',
  NOTIFICATION_DISPATCHER_HISTORY_LIMIT: '150',
};

/**
 * Notifications leave by e-mail through a real SMTP server (aiosmtpd), delivered by the dispatcher
 * workflow on a real Temporal dev server from the outbox in the real PostgreSQL: an overdue case's
 * reminders and escalations arrive once per recipient, in Vietnamese, without personal data; an
 * SMTP outage delays them and loses none; a crash between "accepted" and "marked sent" re-sends the
 * same message (same Message-ID) and marks it once.
 */
describe('notifications by e-mail (real SMTP server, real Temporal, real PostgreSQL)', () => {
  let smtp: SmtpSink;
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let http: Api;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    for (const [name, value] of Object.entries({ ...SETTINGS, SMTP_URL: smtp.url })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    http = await apiAs(stack.api.getHttpServer());
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

  /** A complaint received long ago and never accepted: every milestone of its acceptance clock is in the past. */
  const registerOverdue = async (): Promise<{ code: string; id: string }> => {
    const res = await http
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-09-01', subject: SUBJECT, content: CONTENT, petitioner: PETITIONER })
      .expect(201);
    const [row] = await stack.dataSource.query(`SELECT id FROM cases WHERE code = $1`, [res.body.code]);
    return { code: res.body.code as string, id: row.id as string };
  };
  const outbox = (caseId: string): Promise<OutboxRow[]> =>
    stack.dataSource.query(
      `SELECT id, kind, recipient_role, recipient_agency, status, attempts, message_id, last_error, sent_at FROM notifications WHERE case_id = $1 ORDER BY audit_sequence, recipient_role`,
      [caseId],
    );
  /** Rows that have someone to reach: every one, since the ladder's bodies (TTR-HN, TTCP, CP) have demo users too. */
  const deliverable = (rows: OutboxRow[]) => rows.filter((r) => ['handling_officer', 'agency_head', 'intake_officer', 'inspector', 'superior_inspector'].includes(r.recipient_role));
  const ladderDone = async (code: string) => {
    const events = (await http.get(`/api/v1/cases/${code}/events`).expect(200)).body as Array<{ type: string }>;
    return events.some((e) => e.type === 'clock.escalated_superior');
  };
  const mailOf = (rows: OutboxRow[]) => {
    const ids = new Set(rows.map((r) => r.message_id));
    return smtp.messages().filter((m) => ids.has(m.messageId));
  };
  const expectNoPersonalData = (mails: ReceivedMail[]) => {
    for (const mail of mails) {
      const everything = `${mail.subject}\n${mail.text}\n${JSON.stringify(mail.headers)}\n${mail.raw.toString('utf8')}`;
      expect({ file: mail.file, leaks: SECRETS.filter((s) => everything.includes(s)) }).toEqual({ file: mail.file, leaks: [] });
    }
  };

  it('e-mails an overdue case’s reminders and escalations once per recipient, in Vietnamese, without personal data', async () => {
    const { code, id } = await registerOverdue();
    await eventually(() => ladderDone(code), 'the escalation ladder to run');
    // Every row settles, sent: someone has that role in that agency.
    const rows = await eventually(async () => {
      const all = await outbox(id);
      return all.length > 0 && all.every((r) => r.status === 'sent' || r.status === 'failed') && all;
    }, 'every notification of the case to be sent or failed');

    expect([...new Set(rows.map((r) => r.kind))].sort()).toEqual(
      ['clock.due_soon', 'clock.due_today', 'clock.escalated_inspectorate', 'clock.escalated_superior', 'clock.overdue', 'clock.very_overdue'].sort(),
    );
    // The ladder reaches up the agency hierarchy (legal-rules.md §6): step 2 the city's inspectorate,
    // step 3 the superior body (the Government) and its inspectorate; the other milestones the city itself.
    const whom = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => `${r.recipient_role}@${r.recipient_agency}`).sort();
    expect(whom('clock.escalated_inspectorate')).toEqual(['inspector@TTR-HN']);
    expect(whom('clock.escalated_superior')).toEqual(['agency_head@CP', 'superior_inspector@TTCP']);
    expect(whom('clock.overdue')).toEqual(['agency_head@UBND-HN', 'handling_officer@UBND-HN']);
    const sent = deliverable(rows);
    expect(sent).toHaveLength(rows.length);
    for (const r of sent) expect(r).toMatchObject({ status: 'sent', attempts: 1, last_error: null, message_id: `<${r.id}@donthu.test>` });

    // At the SMTP server: each sent row exactly once, to exactly the users of that role and agency.
    const mails = mailOf(sent);
    expect(mails).toHaveLength(sent.length);
    for (const r of sent) {
      const copies = mails.filter((m) => m.messageId === r.message_id);
      expect(copies).toHaveLength(1);
      expect(copies[0]!.rcptTos).toEqual([`demo.${r.recipient_role}.${r.recipient_agency}@example.invalid`]);
      expect(copies[0]!.mailFrom).toBe('thongbao@donthu.test');
      expect(copies[0]!.headers['Auto-Submitted']).toBe('auto-generated');
    }
    const perRecipient = new Map<string, number>();
    for (const m of mails) for (const to of m.rcptTos) perRecipient.set(`${to} ${m.messageId}`, (perRecipient.get(`${to} ${m.messageId}`) ?? 0) + 1);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);

    // Vietnamese first, with the case code, the clock and the due date.
    const overdue = mails.find((m) => m.messageId === sent.find((r) => r.kind === 'clock.overdue' && r.recipient_role === 'agency_head')!.message_id)!;
    expect(overdue.subject).toMatch(new RegExp(`^\\[donthu\\] Quá hạn thụ lý: hồ sơ ${code} \\(hạn \\d\\d/\\d\\d/2026\\)$`));
    expect(overdue.from).toBe(MAIL_FROM);
    expect(overdue.to).toBe('demo.agency_head.UBND-HN@example.invalid');
    expect(overdue.text).toMatch(/^Kính gửi: Thủ trưởng cơ quan, Ủy ban nhân dân thành phố Hà Nội \(UBND-HN\)/);
    expect(overdue.text).toContain(`- Mã hồ sơ: ${code}`);
    expect(overdue.text).toContain('- Loại vụ việc: Khiếu nại lần đầu');
    expect(overdue.text).toContain('- Thời hạn: thụ lý');
    expect(overdue.text).toMatch(/- Quy định áp dụng: KN-02 \(Luật Khiếu nại[^)]*Điều 27/);
    expect(overdue.text.indexOf('Kính gửi')).toBeLessThan(overdue.text.indexOf('To: Agency head'));
    expectNoPersonalData(mails);
  });

  it('tells the receiving agency of a transfer, without the officer’s reason', async () => {
    const res = await http
      .post('/api/v1/cases')
      .send({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-25', subject: SUBJECT, content: CONTENT, petitioner: PETITIONER })
      .expect(201);
    await http.post(`/api/v1/cases/${res.body.code}/transfer`).send({ targetAgency: 'UBND-PHUONG-HK', reason: TRANSFER_REASON }).expect(200);
    const [{ id }] = await stack.dataSource.query(`SELECT id FROM cases WHERE code = $1`, [res.body.code]);
    const [row] = await eventually(async () => {
      const rows = (await outbox(id)).filter((r) => r.kind === 'case.transferred');
      return rows.length === 1 && rows[0]!.status === 'sent' && rows;
    }, 'the transfer notification to be sent');
    const [mail] = mailOf([row!]);
    expect(mail).toMatchObject({ subject: `[donthu] Hồ sơ chuyển đến: ${res.body.code}`, rcptTos: ['demo.intake_officer.UBND-PHUONG-HK@example.invalid'] });
    expect(mail!.text).toContain(`Hồ sơ ${res.body.code} được Ủy ban nhân dân thành phố Hà Nội (UBND-HN) chuyển đến cơ quan của đồng chí`);
    expect(mail!.text).toContain('- Thời hạn: xử lý đơn được chuyển đến');
    expectNoPersonalData([mail!]);
  });

  it('keeps notifications pending while the SMTP server is down, retries them, and delivers each once when it is back', async () => {
    await smtp.stop();
    const { code, id } = await registerOverdue();
    await eventually(() => ladderDone(code), 'the escalation ladder to run');
    // Refused connections: attempts count up, the error is kept, the rows wait for their retry.
    const waiting = await eventually(async () => {
      const rows = deliverable(await outbox(id));
      return rows.length >= 6 && rows.every((r) => r.status !== 'sent' && r.attempts >= 2) && rows;
    }, 'every deliverable row to have failed twice');
    for (const r of waiting) {
      expect(r.status === 'pending' || r.status === 'sending').toBe(true);
      expect(r.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    }
    expect(mailOf(waiting)).toEqual([]);

    await smtp.start();
    const sent = await eventually(async () => {
      const rows = deliverable(await outbox(id));
      return rows.every((r) => r.status === 'sent') && rows;
    }, 'every deliverable row to be sent once the server is back');
    const mails = mailOf(sent);
    expect(mails).toHaveLength(sent.length);
    for (const r of sent) {
      expect(r.attempts).toBeGreaterThanOrEqual(3);
      expect(mails.filter((m) => m.messageId === r.message_id)).toHaveLength(1);
    }
    expectNoPersonalData(mails);
  });

  it('re-sends with the same Message-ID after a crash between "accepted" and "marked sent", and marks the row once', async () => {
    const service = stack.worker!.get(NotificationActivitiesService);
    let crashed: string | undefined;
    service.afterAccepted = (notificationId) => {
      if (crashed) return;
      crashed = notificationId;
      throw new Error('simulated crash: the SMTP server accepted the message, the row is not marked yet');
    };
    try {
      const { code, id } = await registerOverdue();
      await eventually(() => ladderDone(code), 'the escalation ladder to run');
      const rows = await eventually(async () => {
        const all = deliverable(await outbox(id));
        return all.length >= 6 && all.every((r) => r.status === 'sent') && all;
      }, 'every deliverable row to be sent');
      expect(crashed).toBeDefined();
      const victim = rows.find((r) => r.id === crashed)!;
      expect(victim).toBeDefined();
      // Sent twice (the first copy reached the server before the crash), marked once, by the round that took the row over.
      expect(victim).toMatchObject({ status: 'sent', attempts: 2, last_error: null, message_id: `<${victim.id}@donthu.test>` });
      const copies = smtp.messages().filter((m) => m.messageId === victim.message_id);
      expect(copies).toHaveLength(2);
      // The same message, byte for byte: a client that de-duplicates by Message-ID shows it once.
      expect(copies[1]!.raw.equals(copies[0]!.raw)).toBe(true);
      expect(copies[0]!.rcptTos).toEqual(copies[1]!.rcptTos);
      // Every other row: once.
      for (const r of rows.filter((x) => x.id !== crashed)) {
        expect(r.attempts).toBe(1);
        expect(smtp.messages().filter((m) => m.messageId === r.message_id)).toHaveLength(1);
      }
      // Nobody can mark it again.
      const outboxOf = new NotificationOutbox(stack.dataSource);
      expect(await outboxOf.markSent(victim.id, '00000000-0000-4000-8000-000000000000', null)).toBe(false);
      const [after] = await stack.dataSource.query(`SELECT sent_at FROM notifications WHERE id = $1`, [victim.id]);
      expect(after.sent_at).toEqual(victim.sent_at);
    } finally {
      service.afterAccepted = undefined;
    }
  });

  it('runs one dispatcher per task queue, kept across worker restarts, continuing as new; its history replays', async () => {
    const workflowId = notificationDispatcherWorkflowId(stack.taskQueue);
    const handle = stack.temporalClient.workflow.getHandle(workflowId);
    // Every row of the tests above settles; then nothing is waiting.
    await eventually(async () => {
      const [{ waiting }] = await stack.dataSource.query(`SELECT count(*)::int AS waiting FROM notifications WHERE status IN ('pending', 'sending')`);
      return waiting === 0;
    }, 'the outbox to have nothing waiting');
    const before = await handle.describe();
    expect(before.status.name).toBe('RUNNING');
    // The history limit (150 events) was passed during the tests above: this run continued from an earlier one.
    const started = (await handle.fetchHistory()).events![0]!.workflowExecutionStartedEventAttributes!;
    expect(started.continuedExecutionRunId).toBeTruthy();

    await stack.stopWorker();
    await stack.startWorker(); // starts the dispatcher again with USE_EXISTING: the same workflow goes on
    const after = await handle.describe();
    expect(after.status.name).toBe('RUNNING');
    expect(after.runId).toBe(before.runId);
    const status = await eventually(async () => {
      const s = await handle.query(notificationDispatcherStatusQuery);
      return s.rounds > 0 && s;
    }, 'the dispatcher to answer its status query');
    // Nothing waiting: the last round set no timer (0); only the watcher's signal wakes the dispatcher for new rows.
    expect(status.lastRound).toMatchObject({ more: false, sleepMs: 0 });

    // Both runs replay on the current code: the open one, and the one that ended by continuing as new.
    await replayAndRecord(stack.temporalClient, [{ workflowId, name: 'notification-dispatcher' }]);
    const previous = await stack.temporalClient.workflow.getHandle(workflowId, started.continuedExecutionRunId!).fetchHistory();
    expect(previous.events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await Worker.runReplayHistory(replayOptions(), previous, workflowId);
    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync(path.join(__dirname, '../fixtures/histories/notification-dispatcher-continued-as-new.json'), historyToJSON(await decodedHistory(previous)));
    }
  });
});
