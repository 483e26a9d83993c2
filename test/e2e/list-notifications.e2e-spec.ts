import type { Role } from '@donthu/domain';
import { apiAs } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

interface Item {
  id: string;
  kind: string;
  status: string;
  recipientRole: string;
  recipientAgency: string;
  recipientUserId: string | null;
  caseCode: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  attempts: number;
}

/**
 * GET /api/v1/notifications: delivery failures visible to those who must act on them, within
 * their jurisdiction — agency heads and inspectorates their agencies', other officers their own,
 * administrators all.
 */
describe('notifications and their delivery (GET /api/v1/notifications)', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let caseCode: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    const head = await apiAs(stack.api.getHttpServer(), 'agency_head', 'UBND-HN');
    caseCode = (await head.post('/api/v1/cases').send({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-26', subject: 's', content: 'c', petitioner: { fullName: 'Vũ Văn Thông' } }).expect(201)).body.code;
    const [{ id: caseId }] = await stack.dataSource.query(`SELECT id FROM cases WHERE code = $1`, [caseCode]);
    // Outbox rows as delivery leaves them (the dispatcher's own work is tested in notifications.e2e-spec.ts).
    const rows: Array<[name: string, kind: string, role: string, agency: string, user: string | null, status: string, error: string | null]> = [
      ['headFailed', 'clock.overdue', 'agency_head', 'UBND-HN', null, 'failed', 'no recipient: no enabled user with role agency_head in agency UBND-HN has an e-mail address'],
      ['officerPending', 'clock.overdue', 'handling_officer', 'UBND-HN', null, 'pending', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25'],
      ['officerSent', 'clock.due_soon', 'handling_officer', 'UBND-HN', null, 'sent', null],
      ['officerDigest', 'digest.daily', 'handling_officer', 'UBND-HN', 'demo.handling_officer.UBND-HN', 'sent', null],
      ['intakeDigest', 'digest.daily', 'intake_officer', 'UBND-HN', 'demo.intake_officer.UBND-HN', 'failed', 'no recipient: user demo.intake_officer.UBND-HN is disabled or has no e-mail address'],
      ['inspectorate', 'clock.escalated_inspectorate', 'inspector', 'TTR-HN', null, 'sent', null],
      ['commune', 'case.transferred', 'intake_officer', 'UBND-PHUONG-HK', null, 'failed', 'EENVELOPE: 550: mailbox unavailable'],
      ['otherProvince', 'clock.overdue', 'agency_head', 'UBND-DN', null, 'failed', 'ETIMEDOUT: Greeting never received'],
    ];
    let minute = 0;
    for (const [name, kind, role, agency, user, status, error] of rows) {
      const [{ id }] = await stack.dataSource.query(
        `INSERT INTO notifications (case_id, audit_sequence, kind, recipient_role, recipient_agency, recipient_user_id, digest_date, payload, status, attempts, last_error, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8, $9, $10, $11, now() - make_interval(mins => $12)) RETURNING id`,
        [
          user ? null : caseId,
          user ? null : 100 + minute,
          kind,
          role,
          agency,
          user,
          user ? '2026-12-07' : null,
          status,
          status === 'pending' ? 2 : 1,
          error,
          status === 'pending' ? new Date(Date.now() + 60_000) : null,
          minute, // the first row is the newest
        ],
      );
      ids[name] = id;
      minute += 1;
    }
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const list = async (role: Role, agency: string, query = '') => {
    const res = await (await apiAs(stack.api.getHttpServer(), role, agency)).get(`/api/v1/notifications${query}`).expect(200);
    return res.body as { items: Item[]; nextCursor: string | null };
  };
  const named = (items: Item[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? `other:${i.kind}`).filter((n) => !n.startsWith('other:'));

  it('shows an agency head its agency’s notifications, an inspectorate its jurisdiction’s, an administrator all', async () => {
    expect(named((await list('agency_head', 'UBND-HN')).items).sort()).toEqual(['headFailed', 'intakeDigest', 'officerDigest', 'officerPending', 'officerSent'].sort());
    expect(named((await list('inspector', 'TTR-HN')).items).sort()).toEqual(['commune', 'headFailed', 'inspectorate', 'intakeDigest', 'officerDigest', 'officerPending', 'officerSent'].sort());
    expect(named((await list('admin', 'CP')).items)).toHaveLength(Object.keys(ids).length);
  });

  it('shows other officers what was addressed to them: their role in their agency, their own digest', async () => {
    expect(named((await list('handling_officer', 'UBND-HN')).items).sort()).toEqual(['officerDigest', 'officerPending', 'officerSent'].sort());
    expect(named((await list('intake_officer', 'UBND-HN')).items)).toEqual(['intakeDigest']);
    expect(named((await list('intake_officer', 'UBND-PHUONG-HK')).items)).toEqual(['commune']);
  });

  it('filters by status, newest first, with the last error and the next retry visible', async () => {
    const failed = (await list('admin', 'CP', '?status=failed')).items;
    expect(named(failed)).toEqual(['headFailed', 'intakeDigest', 'commune', 'otherProvince']);
    expect(failed.every((i) => i.status === 'failed' && i.lastError)).toBe(true);
    expect(failed[0]).toMatchObject({ caseCode, kind: 'clock.overdue', recipientRole: 'agency_head', recipientAgency: 'UBND-HN' });
    const [pending] = (await list('handling_officer', 'UBND-HN', '?status=pending,sending')).items;
    expect(pending).toMatchObject({ id: ids.officerPending, attempts: 2, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(Date.parse(pending!.nextAttemptAt!)).toBeGreaterThan(Date.now());
    expect(named((await list('handling_officer', 'UBND-HN', `?status=sent&case=${caseCode}`)).items)).toEqual(['officerSent']);
  });

  it('pages with a cursor, without repeating or skipping a row', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list('admin', 'CP', `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => Object.values(ids).includes(id))).toEqual(Object.values(ids));
  });

  it('refuses a bad filter or cursor naming the field', async () => {
    const http = await apiAs(stack.api.getHttpServer(), 'admin', 'CP');
    for (const [query, field] of [
      ['?status=lost', 'status'],
      ['?limit=0', 'limit'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?case=not a code', 'case'],
      ['?recipient=me', 'recipient'],
    ]) {
      const res = await http.get(`/api/v1/notifications${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
