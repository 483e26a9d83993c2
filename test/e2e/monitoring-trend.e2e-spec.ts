import request from 'supertest';
import { addDays, defaultCalendar, due, formatLocalDate, parseLocalDate, type CaseKind, type Role } from '@donthu/domain';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * GET /api/v1/monitoring/trend on the real stack: cases registered with past receipt dates in
 * 2026 and kiến nghị (PA-02: 15 working days from acceptance) replied on time or late, so that
 * each month's counts can be written down by hand below.
 *
 * By hand (PA-02, 15 working days counted from the day after acceptance; no holiday falls in
 * March or early April 2026):
 * - accepted Mon 02/03 → due Mon 23/03 (3–6, 9–13, 16–20 are 14 days; 23/03 the 15th);
 * - accepted Mon 16/03 → due Mon 06/04 (17–20, 23–27, 30/03–03/04 are 14 days; 06/04 the 15th).
 */
const HK = 'UBND-PHUONG-HK';
const SO = 'SO-TNMT-HN';
const HC = 'UBND-PHUONG-HC';

const DUE_A = '2026-03-23';
const DUE_B = '2026-04-06';

interface Fixture {
  name: string;
  agency: string;
  kind: CaseKind;
  receivedOn: string;
  /** Accepted on the day received and replied on this day (kiến nghị only). */
  replyOn?: string;
}

const FIXTURES: Fixture[] = [
  { name: 'A: received March, replied on its due date (on time, March)', agency: HK, kind: 'recommendation', receivedOn: '2026-03-02', replyOn: DUE_A },
  { name: 'B: received March, replied the day after its due date (late, April)', agency: HK, kind: 'recommendation', receivedOn: '2026-03-16', replyOn: '2026-04-07' },
  { name: 'C: received April, replied early (on time, April)', agency: HK, kind: 'recommendation', receivedOn: '2026-04-01', replyOn: '2026-04-10' },
  { name: 'D: complaint received April, open', agency: HK, kind: 'complaint', receivedOn: '2026-04-20' },
  { name: 'E: letter received the last day of June', agency: HK, kind: 'letter', receivedOn: '2026-06-30' },
  { name: 'F: letter received the first day of July (after the months asked)', agency: HK, kind: 'letter', receivedOn: '2026-07-01' },
  { name: 'G: letter received in January (before the months asked)', agency: HK, kind: 'letter', receivedOn: '2026-01-30' },
  { name: 'H: SO-TNMT kiến nghị received May, replied two days later', agency: SO, kind: 'recommendation', receivedOn: '2026-05-04', replyOn: '2026-05-06' },
  { name: 'I: Đà Nẵng letter received March', agency: HC, kind: 'letter', receivedOn: '2026-03-10' },
];

const month = (m: string, received: number, onTime = 0, late = 0) => ({
  month: m,
  received,
  resolved: onTime + late,
  onTime,
  late,
  onTimeRate: onTime + late === 0 ? null : Math.round((onTime / (onTime + late)) * 10_000) / 10_000,
});

const MONTHS = { from: '2026-02', to: '2026-06' };

describe('monitoring trend: cases received and resolved (on time, late) per local month, within a jurisdiction', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const staff: Record<string, Api> = {};
  const as = async (role: Role, agency: string) => (staff[`${role}@${agency}`] ??= await apiAs(stack.api.getHttpServer(), role, agency));
  let inspector: Api;

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    inspector = await as('inspector', 'TTR-HN');
    for (const f of FIXTURES) {
      const head = await as('agency_head', f.agency);
      const code: string = (
        await head
          .post('/api/v1/cases')
          .send({
            kind: f.kind,
            agencyCode: f.agency,
            channel: 'post',
            receivedOn: f.receivedOn,
            subject: `${f.kind} nhận ngày ${f.receivedOn}`,
            content: 'Nội dung đơn để thử xu hướng theo tháng.',
            petitioner: { fullName: 'Trần Thị Xu', phone: '0987654321' },
          })
          .expect(201)
      ).body.code;
      if (f.replyOn) {
        await head.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: f.receivedOn }).expect(200);
        await head.post(`/api/v1/cases/${code}/reply`).send({ effectiveDate: f.replyOn, documentNumber: '21/UBND-TL' }).expect(200);
      }
    }
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('has the due dates counted by hand, by the domain’s own calendar', () => {
    const dueOf = (acceptedOn: string) => formatLocalDate(due('PA-02', parseLocalDate(acceptedOn), {}, defaultCalendar()).dueIgnoringProvisional);
    expect(dueOf('2026-03-02')).toBe(DUE_A);
    expect(dueOf('2026-03-16')).toBe(DUE_B);
    expect(formatLocalDate(addDays(parseLocalDate(DUE_B), 1))).toBe('2026-04-07');
  });

  it('counts a province’s months: every month present, received by receipt date, resolved by the reply’s date, on time up to the due date', async () => {
    const res = await inspector.get('/api/v1/monitoring/trend').query(MONTHS).expect(200);
    expect(res.body).toEqual({
      ...MONTHS,
      months: [
        month('2026-02', 0),
        // A and B received; A replied on its due date: on time.
        month('2026-03', 2, 1, 0),
        // C and D received; C replied early (on time), B the day after its due date (late).
        month('2026-04', 2, 1, 1),
        // H (SO-TNMT, in Hà Nội) received and replied.
        month('2026-05', 1, 1, 0),
        // E received on the month's last day; F (1 July) is after the months asked.
        month('2026-06', 1),
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Trần Thị Xu|0987654321/);
  });

  it('filters by agency and kind, never beyond the caller’s jurisdiction', async () => {
    const so = await inspector.get('/api/v1/monitoring/trend').query({ ...MONTHS, agency: SO }).expect(200);
    expect(so.body.months).toEqual([month('2026-02', 0), month('2026-03', 0), month('2026-04', 0), month('2026-05', 1, 1, 0), month('2026-06', 0)]);
    const recommendations = await inspector.get('/api/v1/monitoring/trend').query({ ...MONTHS, kind: 'recommendation' }).expect(200);
    expect(recommendations.body.months).toEqual([month('2026-02', 0), month('2026-03', 2, 1, 0), month('2026-04', 1, 1, 1), month('2026-05', 1, 1, 0), month('2026-06', 0)]);

    // The HK head sees HK only: not SO-TNMT's May case, and naming SO-TNMT does not widen the scope.
    const head = await as('agency_head', HK);
    expect((await head.get('/api/v1/monitoring/trend').query(MONTHS).expect(200)).body.months).toEqual([
      month('2026-02', 0),
      month('2026-03', 2, 1, 0),
      month('2026-04', 2, 1, 1),
      month('2026-05', 0),
      month('2026-06', 1),
    ]);
    expect((await head.get('/api/v1/monitoring/trend').query({ ...MONTHS, agency: SO }).expect(200)).body.months.every((m: { received: number; resolved: number }) => m.received === 0 && m.resolved === 0)).toBe(true);

    // Đà Nẵng's inspectorate sees its letter and none of Hà Nội's cases.
    const danang = await (await as('inspector', 'TTR-DN')).get('/api/v1/monitoring/trend').query(MONTHS).expect(200);
    expect(danang.body.months).toEqual([month('2026-02', 0), month('2026-03', 1), month('2026-04', 0), month('2026-05', 0), month('2026-06', 0)]);

    // One month, and the months around the edges: January's and July's letters count there.
    expect((await head.get('/api/v1/monitoring/trend').query({ from: '2026-01', to: '2026-01' }).expect(200)).body.months).toEqual([month('2026-01', 1)]);
    expect((await head.get('/api/v1/monitoring/trend').query({ from: '2026-07', to: '2026-07' }).expect(200)).body.months).toEqual([month('2026-07', 1)]);
  });

  it('takes up to 24 months across a year end', async () => {
    const res = await inspector.get('/api/v1/monitoring/trend').query({ from: '2024-12', to: '2026-11' }).expect(200);
    expect(res.body.months).toHaveLength(24);
    expect(res.body.months[0].month).toBe('2024-12');
    expect(res.body.months[13].month).toBe('2026-01');
    expect(res.body.months.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(FIXTURES.filter((f) => f.agency !== HC).length);
  });

  it('refuses bad months with 400 naming the field, and unknown parameters too', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ to: '2026-06' }, 'from'],
      [{ from: '2026-02' }, 'to'],
      [{ from: '2026-13', to: '2026-12' }, 'from'],
      [{ from: '2026-1', to: '2026-12' }, 'from'],
      [{ from: '2026-01-01', to: '2026-12' }, 'from'],
      [{ from: '2026-06', to: '2026-05' }, 'to'],
      [{ from: '2024-11', to: '2026-11' }, 'to'],
      [{ from: '2026-01', to: '2026-00' }, 'to'],
      [{ ...MONTHS, kind: 'grievance' }, 'kind'],
      [{ ...MONTHS, agency: 'ubnd-hn' }, 'agency'],
      [{ ...MONTHS, rule: 'KN-03' }, 'rule'],
      [{ ...MONTHS, groupBy: 'agency' }, 'groupBy'],
    ];
    for (const [query, field] of cases) {
      const res = await inspector.get('/api/v1/monitoring/trend').query(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, message: 'Request validation failed' });
      expect({ query, fields: [...new Set(res.body.errors.map((e: { field: string }) => e.field))] }).toEqual({ query, fields: [field] });
    }
  });

  it('is refused to roles without list_cases and to anonymous callers', async () => {
    await (await as('admin', 'CP')).get('/api/v1/monitoring/trend').query(MONTHS).expect(403);
    await (await as('auditor', 'CP')).get('/api/v1/monitoring/trend').query(MONTHS).expect(403);
    await request(stack.api.getHttpServer()).get('/api/v1/monitoring/trend').query(MONTHS).expect(401);
  });
});
