import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationOutbox } from '../../apps/worker/src/notifications/notification-outbox';
import { UserEmailDelivery1764240000000 } from '../../libs/persistence/src/migrations/1764240000000-user-email-delivery';
import { migratedDatabase } from '../support/migrated-database';

/**
 * The claim → begin attempt → send → mark protocol of the notification outbox, statement by
 * statement, on the real PostgreSQL (SKIP LOCKED, leases, conditional marks): what keeps a row
 * from being sent by two rounds at once or marked sent twice, whatever crashes where.
 */
describe('notification outbox protocol (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let outbox: NotificationOutbox;
  const FAR_FUTURE = Date.parse('2100-01-01T00:00:00Z');

  beforeAll(async () => {
    ({ dataSource, close } = await migratedDatabase());
    outbox = new NotificationOutbox(dataSource);
  });
  afterAll(() => close());
  beforeEach(() => dataSource.query('DELETE FROM notifications'));

  const insert = async (n: number, extra: Record<string, unknown> = {}): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const rows: Array<{ id: string }> = await dataSource.query(
        `INSERT INTO notifications (kind, recipient_role, recipient_agency, payload, status, attempts, next_attempt_at, created_at)
         VALUES ('clock.overdue', 'agency_head', 'UBND-HN', $1, 'pending', 0, $2, clock_timestamp()) RETURNING id`,
        [{ clock: 'acceptance', due: '2026-12-07', milestone: 'overdue' }, extra.nextAttemptAt ?? null],
      );
      ids.push(rows[0]!.id);
    }
    return ids;
  };
  const row = async (id: string) =>
    (
      await dataSource.query(
        `SELECT status, attempts, message_id, last_error, claim_token, sent_at, next_attempt_at, recipient_user_ids FROM notifications WHERE id = $1`,
        [id],
      )
    )[0];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('gives two rounds claiming at once disjoint rows (FOR UPDATE SKIP LOCKED), oldest first', async () => {
    const ids = await insert(10);
    const [a, b] = await Promise.all([outbox.claim(randomUUID(), 6, FAR_FUTURE, 60_000), outbox.claim(randomUUID(), 6, FAR_FUTURE, 60_000)]);
    const claimed = [...a, ...b].map((r) => r.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(a.length + b.length).toBe(10);
    expect(await outbox.claim(randomUUID(), 6, FAR_FUTURE, 60_000)).toEqual([]);
  });

  it('claims a failed row again only once its retry time has come (Temporal time)', async () => {
    const now = Date.now();
    const [id] = await insert(1, { nextAttemptAt: new Date(now + 60_000) });
    expect(await outbox.claim(randomUUID(), 5, now, 60_000)).toEqual([]);
    expect(await outbox.nextDueInMs(now)).toBeGreaterThan(59_000);
    expect((await outbox.claim(randomUUID(), 5, now + 61_000, 60_000)).map((r) => r.id)).toEqual([id]);
  });

  it('lets a lapsed claim be taken over, and then only the new claim may send and mark: a row is marked sent once', async () => {
    const [id] = await insert(1);
    const first = randomUUID();
    const [claimed] = await outbox.claim(first, 5, Date.now(), 1_000);
    expect(claimed).toMatchObject({ id, attempts: 0, messageId: null, interrupted: false });
    expect(await outbox.beginAttempt(id!, first, `<${id}@donthu.test>`, ['demo.agency_head.UBND-HN'], 1_000)).toEqual({ attempts: 1, messageId: `<${id}@donthu.test>` });
    // Held: nobody else takes it while the lease runs.
    expect(await outbox.claim(randomUUID(), 5, Date.now(), 1_000)).toEqual([]);
    expect(await outbox.nextDueInMs(Date.now())).toBeLessThanOrEqual(1_000);

    // The first round "crashes" after sending; its lease runs out; another round takes the row over.
    await sleep(1_100);
    const second = randomUUID();
    const [taken] = await outbox.claim(second, 5, Date.now(), 60_000);
    expect(taken).toMatchObject({ id, attempts: 1, messageId: `<${id}@donthu.test>`, interrupted: true });
    // The first round wakes up late: it can neither begin another attempt nor mark.
    expect(await outbox.beginAttempt(id!, first, '<other@donthu.test>', [], 60_000)).toBeNull();
    expect(await outbox.markSent(id!, first, null)).toBe(false);
    // The second re-sends with the same Message-ID (a new one offered is ignored) and marks.
    expect(await outbox.beginAttempt(id!, second, '<other@donthu.test>', ['demo.agency_head.UBND-HN'], 60_000)).toEqual({ attempts: 2, messageId: `<${id}@donthu.test>` });
    expect(await outbox.markSent(id!, second, null)).toBe(true);
    const sent = await row(id!);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, claim_token: null, message_id: `<${id}@donthu.test>`, recipient_user_ids: ['demo.agency_head.UBND-HN'] });
    // Never twice, by anyone.
    expect(await outbox.markSent(id!, second, null)).toBe(false);
    expect(await outbox.markAttemptFailed(id!, second, 'late', 3, Date.now())).toBeNull();
    expect((await row(id!)).sent_at).toEqual(sent.sent_at);
    expect(await outbox.claim(randomUUID(), 5, FAR_FUTURE, 60_000)).toEqual([]);
  });

  it('schedules a failed attempt for later, and fails the row for good after the last one', async () => {
    const [id] = await insert(1);
    const maxAttempts = 2;
    let now = Date.now();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const token = randomUUID();
      expect(await outbox.claim(token, 5, now, 60_000)).toHaveLength(1);
      expect(await outbox.beginAttempt(id!, token, `<${id}@donthu.test>`, [], 60_000)).toMatchObject({ attempts: attempt });
      const outcome = await outbox.markAttemptFailed(id!, token, `connect ECONNREFUSED 127.0.0.1:25 (${attempt})`, maxAttempts, now + 30_000);
      expect(outcome).toBe(attempt < maxAttempts ? 'pending' : 'failed');
      now += 31_000;
    }
    expect(await row(id!)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'connect ECONNREFUSED 127.0.0.1:25 (2)', next_attempt_at: null, claim_token: null });
    expect(await outbox.claim(randomUUID(), 5, FAR_FUTURE, 60_000)).toEqual([]);
    expect(await outbox.nextDueInMs(now)).toBeUndefined();
  });

  it('gives back claimed rows a round never began, unchanged', async () => {
    const ids = await insert(3);
    const token = randomUUID();
    await outbox.claim(token, 5, Date.now(), 60_000);
    await outbox.beginAttempt(ids[0]!, token, `<${ids[0]}@donthu.test>`, [], 60_000);
    await outbox.release(token, ids.slice(1));
    expect((await Promise.all(ids.map(row))).map((r) => [r.status, r.attempts])).toEqual([
      ['sending', 1],
      ['pending', 0],
      ['pending', 0],
    ]);
    expect(await outbox.nextDueInMs(Date.now())).toBe(0);
    expect(await outbox.hasDueWork()).toBe(true);
  });

  it('finds the recipients of a row: enabled users with that role in that agency, or its one user, who have an address', async () => {
    await dataSource.query(
      `INSERT INTO users (id, username, display_name, password_hash, role, agency_code, email, disabled) VALUES
        ('u1', 'u1', 'U1', 'x', 'agency_head', 'UBND-HN', 'u1@example.invalid', false),
        ('u2', 'u2', 'U2', 'x', 'agency_head', 'UBND-HN', NULL, false),
        ('u3', 'u3', 'U3', 'x', 'agency_head', 'UBND-HN', 'u3@example.invalid', true),
        ('u4', 'u4', 'U4', 'x', 'handling_officer', 'UBND-HN', 'u4@example.invalid', false),
        ('u5', 'u5', 'U5', 'x', 'agency_head', 'UBND-DN', 'u5@example.invalid', false)`,
    );
    expect(await outbox.recipients({ recipientRole: 'agency_head', recipientAgency: 'UBND-HN', recipientUserId: null })).toEqual([{ userId: 'u1', email: 'u1@example.invalid' }]);
    // A row for one user (a daily digest) reaches that user alone, if enabled and with an address.
    expect(await outbox.recipients({ recipientRole: 'agency_head', recipientAgency: 'UBND-HN', recipientUserId: 'u4' })).toEqual([{ userId: 'u4', email: 'u4@example.invalid' }]);
    expect(await outbox.recipients({ recipientRole: 'agency_head', recipientAgency: 'UBND-HN', recipientUserId: 'u3' })).toEqual([]);
    expect(await outbox.recipients({ recipientRole: 'agency_head', recipientAgency: 'UBND-HN', recipientUserId: 'u2' })).toEqual([]);
    await expect(dataSource.query(`UPDATE users SET email = 'not an address' WHERE id = 'u1'`)).rejects.toThrow(/users_email_check/);
  });

  it('migrates down (a row caught sending goes back to pending) and up again', async () => {
    const [id] = await insert(1);
    await outbox.claim(randomUUID(), 1, Date.now(), 60_000);
    const runner = dataSource.createQueryRunner();
    try {
      await new UserEmailDelivery1764240000000().down(runner);
      expect((await dataSource.query(`SELECT status FROM notifications WHERE id = $1`, [id]))[0]).toEqual({ status: 'pending' });
      await new UserEmailDelivery1764240000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await outbox.claim(randomUUID(), 1, Date.now(), 60_000)).toMatchObject([{ id, attempts: 0, messageId: null }]);
  });
});
