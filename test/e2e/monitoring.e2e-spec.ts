import request from 'supertest';
import {
  addDays,
  classifyClock,
  defaultCalendar,
  due,
  formatLocalDate,
  parseLocalDate,
  type CaseKind,
  type ClockState,
  type Role,
  type RuleId,
} from '@donthu/domain';
import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv, MIGRATIONS } from '@donthu/persistence';
import { MonitoringIndexes1764230000000 } from '../../libs/persistence/src/migrations/1764230000000-monitoring-indexes';
import { todayInVietnam } from '../../apps/api/src/common/local-date';
import { receivedOnFor } from '../support/clock-dates';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { apiAs, type Api } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';
import { eventually } from '../support/eventually';

/**
 * Monitoring (legal-rules.md §6) on the real stack: cases registered with past receipt dates, so
 * that their clocks are due soon, overdue or very overdue now; the workflows record the
 * milestones on their own. Expectations are computed by hand from the fixtures below (each says
 * which state its clock is in) and checked against the domain's own classifier.
 */

const TODAY = todayInVietnam();
const CALENDAR = defaultCalendar();

/** The latest start date (today or before) that puts a clock of `rule` in `state` today. */
const startFor = (rule: RuleId, state: Exclude<ClockState, 'paused'>): string => receivedOnFor(rule, state, TODAY);

const plusDays = (date: string, days: number) => formatLocalDate(addDays(parseLocalDate(date), days));
const daysBetween = (from: string, to: string) => parseLocalDate(to) - parseLocalDate(from);

const PETITIONER = { fullName: 'Lê Văn Theo', phone: '0912345678' };
const caseBody = (kind: CaseKind, agencyCode: string, receivedOn: string) => ({
  kind,
  agencyCode,
  channel: 'post',
  receivedOn,
  subject: `${kind} nhận ngày ${receivedOn}`,
  content: 'Nội dung đơn để thử theo dõi thời hạn và quá hạn.',
  petitioner: PETITIONER,
});

type Monitored = Exclude<ClockState, 'paused'>;

/** One case of the fixture, and the state its running agency clock is in today (by hand). */
interface Fixture {
  name: string;
  agency: string;
  kind: CaseKind;
  clock: string;
  rule: RuleId;
  state: Monitored;
  /** Registration (and commands) that put the clock there. */
  setup: (as: (role: Role, agency: string) => Promise<Api>) => Promise<string>;
  assignee?: string;
}

const register = async (as: (role: Role, agency: string) => Promise<Api>, agency: string, kind: CaseKind, receivedOn: string): Promise<string> =>
  (await (await as('agency_head', agency)).post('/api/v1/cases').send(caseBody(kind, agency, receivedOn)).expect(201)).body.code;

/** A case whose first clock (started at receipt) is in `state` today. */
function received(name: string, agency: string, kind: CaseKind, clock: string, rule: RuleId, state: Monitored): Fixture {
  return { name, agency, kind, clock, rule, state, setup: (as) => register(as, agency, kind, startFor(rule, state)) };
}

// Kiến nghị accepted on ACCEPTED_ON: its resolution clock (PA-02) runs from that day; replies stop it.
const ACCEPTED_ON = '2026-03-02';
const RESOLUTION_DUE = formatLocalDate(due('PA-02', parseLocalDate(ACCEPTED_ON), {}, CALENDAR).dueIgnoringProvisional);
const EARLY_REPLY = plusDays(ACCEPTED_ON, 3);
// The on-time period starts the day after the early reply: that one is outside it.
const PERIOD = { from: plusDays(EARLY_REPLY, 1), to: TODAY };

async function recommendation(as: (role: Role, agency: string) => Promise<Api>, agency: string, replyOn?: string): Promise<string> {
  const head = await as('agency_head', agency);
  const code = await register(as, agency, 'recommendation', ACCEPTED_ON);
  await head.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: ACCEPTED_ON }).expect(200);
  if (replyOn) await head.post(`/api/v1/cases/${code}/reply`).send({ effectiveDate: replyOn, documentNumber: '15/UBND-TL' }).expect(200);
  return code;
}

const COMPLAINT_ACCEPTED_ON = startFor('KN-03', 'overdue');
const TRANSFER_TAKEN_ON = startFor('XLD-01', 'overdue');

const FIXTURES: Fixture[] = [
  // Long past: very overdue, and the whole escalation ladder climbed.
  {
    name: 'HK complaint, very overdue',
    agency: 'UBND-PHUONG-HK',
    kind: 'complaint',
    clock: 'acceptance',
    rule: 'KN-02',
    state: 'very_overdue',
    setup: (as) => register(as, 'UBND-PHUONG-HK', 'complaint', '2026-01-05'),
  },
  received('HK letter, overdue', 'UBND-PHUONG-HK', 'letter', 'processing', 'XLD-01', 'overdue'),
  received('HK reception, due soon', 'UBND-PHUONG-HK', 'reception', 'reply', 'TCD-01', 'due_soon'),
  received('HK denunciation, on track', 'UBND-PHUONG-HK', 'denunciation', 'initial_processing', 'TC-01', 'on_track'),
  received('SO-TNMT denunciation, very overdue', 'SO-TNMT-HN', 'denunciation', 'initial_processing', 'TC-01', 'very_overdue'),
  received('SO-TNMT recommendation, overdue', 'SO-TNMT-HN', 'recommendation', 'processing', 'XLD-01', 'overdue'),
  received('UBND-HN letter, due soon', 'UBND-HN', 'letter', 'processing', 'XLD-01', 'due_soon'),
  {
    name: 'UBND-HN complaint accepted and assigned, resolution overdue',
    agency: 'UBND-HN',
    kind: 'complaint',
    clock: 'resolution',
    rule: 'KN-03',
    state: 'overdue',
    assignee: 'officer-monitoring-7',
    setup: async (as) => {
      const head = await as('agency_head', 'UBND-HN');
      const code = await register(as, 'UBND-HN', 'complaint', COMPLAINT_ACCEPTED_ON);
      await head.post(`/api/v1/cases/${code}/accept`).send({ effectiveDate: COMPLAINT_ACCEPTED_ON }).expect(200);
      await head.post(`/api/v1/cases/${code}/assign`).send({ assignee: 'officer-monitoring-7', effectiveDate: COMPLAINT_ACCEPTED_ON }).expect(200);
      return code;
    },
  },
  {
    name: 'HK recommendation, resolution still running, very overdue',
    agency: 'UBND-PHUONG-HK',
    kind: 'recommendation',
    clock: 'resolution',
    rule: 'PA-02',
    state: 'very_overdue',
    setup: (as) => recommendation(as, 'UBND-PHUONG-HK'),
  },
  {
    name: 'letter transferred from HK and taken over by BD, overdue there',
    agency: 'UBND-PHUONG-BD',
    kind: 'letter',
    clock: 'processing',
    rule: 'XLD-01',
    state: 'overdue',
    setup: async (as) => {
      const code = await register(as, 'UBND-PHUONG-HK', 'letter', TRANSFER_TAKEN_ON);
      await (await as('agency_head', 'UBND-PHUONG-HK'))
        .post(`/api/v1/cases/${code}/transfer`)
        .send({ targetAgency: 'UBND-PHUONG-BD', reason: 'Thuộc thẩm quyền phường Ba Đình', effectiveDate: TRANSFER_TAKEN_ON })
        .expect(200);
      await (await as('intake_officer', 'UBND-PHUONG-BD')).post(`/api/v1/cases/${code}/accept-transfer`).send({ effectiveDate: TRANSFER_TAKEN_ON }).expect(200);
      return code;
    },
  },
  received('HC complaint (Đà Nẵng), overdue', 'UBND-PHUONG-HC', 'complaint', 'acceptance', 'KN-02', 'overdue'),
];

const HA_NOI = ['UBND-PHUONG-HK', 'SO-TNMT-HN', 'UBND-HN', 'UBND-PHUONG-BD'];

interface ListedClock {
  caseCode: string;
  caseStatus: string;
  agencyCode: string;
  kind: string;
  clock: string;
  rule: string;
  due: string;
  dueIgnoringProvisional: string;
  provisional: boolean;
  state: string;
  ageDays: number;
  escalationStep: number;
  reached: string[];
  assignee: string | null;
}

interface StoredClock {
  code: string;
  case_id: string;
  name: string;
  due_date: string;
  due_ignoring_provisional: string;
  provisional: boolean;
  milestones: Array<{ kind: string; atMs: number }>;
  reached: string[];
  status: string;
}


describe('monitoring: due soon, overdue and very overdue clocks, counted and listed within a jurisdiction; on-time rate', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  const staff: Record<string, Api> = {};
  const as = async (role: Role, agency: string) => (staff[`${role}@${agency}`] ??= await apiAs(stack.api.getHttpServer(), role, agency));
  /** Every fixture's case code, by fixture name. */
  const codes = new Map<string, string>();
  const onTime: Record<'early' | 'onDue' | 'dayLate', string> = { early: '', onDue: '', dayLate: '' };
  /** Every fixture's escalation step, from the milestones its workflow recorded (read once all are recorded). */
  const escalationSteps = new Map<string, number>();
  let inspector: Api;

  /** The monitored clocks of the fixtures as the api should list them, in age order. */
  async function expectedClocks(agencies: readonly string[], states: readonly string[]): Promise<ListedClock[]> {
    const stored: StoredClock[] = await stack.dataSource.query(
      `SELECT c.code, cc.case_id, cc.name, to_char(cc.due_date, 'YYYY-MM-DD') AS due_date, to_char(cc.due_ignoring_provisional, 'YYYY-MM-DD') AS due_ignoring_provisional,
              cc.provisional, cc.milestones, cc.reached, cc.status
       FROM case_clocks cc JOIN cases c ON c.id = cc.case_id WHERE cc.status = 'running' AND cc.owner = 'agency' AND c.code = ANY($1)`,
      [[...codes.values()]],
    );
    const nowMs = Date.now();
    const items = FIXTURES.filter((f) => agencies.includes(f.agency) && states.includes(f.state)).map((f) => {
      const code = codes.get(f.name)!;
      const row = stored.find((r) => r.code === code && r.name === f.clock);
      if (!row) throw new Error(`${f.name}: no running ${f.clock} clock`);
      const passed = (kind: string) => row.milestones.some((m) => m.kind === kind && m.atMs <= nowMs);
      const item: ListedClock = {
          caseCode: code,
          caseStatus: expect.any(String),
          agencyCode: f.agency,
          kind: f.kind,
          clock: f.clock,
          rule: f.rule,
          due: row.due_date,
          dueIgnoringProvisional: row.due_ignoring_provisional,
          provisional: row.provisional,
          state: f.state,
          ageDays: daysBetween(row.due_ignoring_provisional, TODAY),
          escalationStep: passed('escalated_superior') ? 3 : passed('escalated_inspectorate') ? 2 : passed('due_today') ? 1 : 0,
          reached: expect.arrayContaining(row.milestones.filter((m) => m.atMs <= nowMs).map((m) => m.kind)),
          assignee: f.assignee ?? null,
      };
      return { caseId: row.case_id, item };
    });
    items.sort((a, b) =>
      a.item.dueIgnoringProvisional !== b.item.dueIgnoringProvisional
        ? a.item.dueIgnoringProvisional < b.item.dueIgnoringProvisional
          ? -1
          : 1
        : a.caseId !== b.caseId
          ? a.caseId < b.caseId
            ? -1
            : 1
          : a.item.clock < b.item.clock
            ? -1
            : 1,
    );
    return items.map((i) => i.item);
  }

  /** Counts by agency from the fixtures: what the summary must say. */
  function expectedSummary(agencies: readonly string[], keep: (f: Fixture) => boolean = () => true) {
    const byAgency = new Map<string, { dueSoon: number; overdue: number; veryOverdue: number; total: number; escalation: { reminder: number; inspectorate: number; superior: number } }>();
    for (const f of FIXTURES.filter((x) => agencies.includes(x.agency) && x.state !== 'on_track' && keep(x))) {
      const counts = byAgency.get(f.agency) ?? { dueSoon: 0, overdue: 0, veryOverdue: 0, total: 0, escalation: { reminder: 0, inspectorate: 0, superior: 0 } };
      if (f.state === 'due_soon') counts.dueSoon += 1;
      if (f.state === 'overdue') counts.overdue += 1;
      if (f.state === 'very_overdue') counts.veryOverdue += 1;
      counts.total += 1;
      // Escalation: overdue clocks only, at the highest step the workflow recorded.
      const step = f.state === 'due_soon' ? 0 : escalationSteps.get(f.name);
      if (step === undefined) throw new Error(`${f.name}: no escalation step read`);
      if (step === 1) counts.escalation.reminder += 1;
      if (step === 2) counts.escalation.inspectorate += 1;
      if (step === 3) counts.escalation.superior += 1;
      byAgency.set(f.agency, counts);
    }
    return [...byAgency.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agencyCode, counts]) => ({ agencyCode, agencyName: expect.any(String), ...counts }));
  }

  /** Every page of the overdue list, following nextCursor. */
  async function allPages(api: Api, query: Record<string, string | number>, limit: number): Promise<ListedClock[][]> {
    const pages: ListedClock[][] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await api.get('/api/v1/monitoring/overdue').query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 50);
    expect(cursor).toBeNull();
    return pages;
  }

  beforeAll(async () => {
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    inspector = await as('inspector', 'TTR-HN');
    for (const fixture of FIXTURES) codes.set(fixture.name, await fixture.setup(as));
    onTime.early = await recommendation(as, 'UBND-PHUONG-HK', EARLY_REPLY);
    onTime.onDue = await recommendation(as, 'UBND-PHUONG-HK', RESOLUTION_DUE);
    onTime.dayLate = await recommendation(as, 'UBND-PHUONG-HK', plusDays(RESOLUTION_DUE, 1));

    // The workflows record every milestone already passed (due soon, the due date, overdue, the
    // ladder, very overdue) on their own, within seconds.
    const behind = await eventually(
      async () =>
        (
          await stack.dataSource.query<Array<{ n: number }>>(
            `SELECT count(*)::int AS n FROM case_clocks
             WHERE status = 'running' AND owner = 'agency'
               AND EXISTS (SELECT 1 FROM jsonb_array_elements(milestones) m WHERE (m->>'atMs')::bigint <= $1 AND NOT reached ? (m->>'kind'))`,
            [Date.now()],
          )
        )[0]!.n,
      (n) => n === 0,
    );
    expect(behind).toBe(0);
    const reached = await stack.dataSource.query<Array<{ code: string; name: string; reached: string[] }>>(
      `SELECT c.code, cc.name, cc.reached FROM case_clocks cc JOIN cases c ON c.id = cc.case_id WHERE cc.status = 'running' AND cc.owner = 'agency'`,
    );
    for (const f of FIXTURES) {
      const row = reached.find((r) => r.code === codes.get(f.name) && r.name === f.clock);
      if (row) escalationSteps.set(f.name, row.reached.includes('escalated_superior') ? 3 : row.reached.includes('escalated_inspectorate') ? 2 : row.reached.includes('due_today') ? 1 : 0);
    }
  });

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  it('has every fixture’s clock in the state it claims, by the domain’s classifier on the stored dates', async () => {
    const stored: Array<{ code: string; name: string; rule_id: RuleId; start_date: string; due_date: string; due_ignoring_provisional: string }> = await stack.dataSource.query(
      `SELECT c.code, cc.name, cc.rule_id, to_char(cc.start_date, 'YYYY-MM-DD') AS start_date, to_char(cc.due_date, 'YYYY-MM-DD') AS due_date,
              to_char(cc.due_ignoring_provisional, 'YYYY-MM-DD') AS due_ignoring_provisional
       FROM case_clocks cc JOIN cases c ON c.id = cc.case_id WHERE cc.status = 'running' AND cc.owner = 'agency'`,
    );
    for (const f of FIXTURES) {
      const row = stored.find((r) => r.code === codes.get(f.name) && r.name === f.clock)!;
      expect({ fixture: f.name, rule: row.rule_id }).toEqual({ fixture: f.name, rule: f.rule });
      const period = due(f.rule, parseLocalDate(row.start_date), {}, CALENDAR).period;
      const state = classifyClock(
        { due: parseLocalDate(row.due_date), dueIgnoringProvisional: parseLocalDate(row.due_ignoring_provisional), period: { days: period.days, unit: period.unit } },
        { date: parseLocalDate(TODAY) },
        CALENDAR,
      );
      expect({ fixture: f.name, state }).toEqual({ fixture: f.name, state: f.state });
    }
    expect(new Set(FIXTURES.map((f) => f.state))).toEqual(new Set(['on_track', 'due_soon', 'overdue', 'very_overdue']));
  });

  it('counts a province’s clocks by agency at request time; an agency head sees only their own, another province none of them', async () => {
    const res = await inspector.get('/api/v1/monitoring/summary').expect(200);
    const expected = expectedSummary(HA_NOI);
    expect(res.body).toEqual({
      asOf: expect.any(String),
      today: TODAY,
      groupBy: ['agency'],
      groups: expected,
      totals: {
        dueSoon: FIXTURES.filter((f) => HA_NOI.includes(f.agency) && f.state === 'due_soon').length,
        overdue: FIXTURES.filter((f) => HA_NOI.includes(f.agency) && f.state === 'overdue').length,
        veryOverdue: FIXTURES.filter((f) => HA_NOI.includes(f.agency) && f.state === 'very_overdue').length,
        total: FIXTURES.filter((f) => HA_NOI.includes(f.agency) && f.state !== 'on_track').length,
      },
    });
    // By hand: HK has a very overdue complaint, an overdue letter, a due-soon reception and a very overdue resolution; the denunciation is on track.
    expect(res.body.groups.find((g: { agencyCode: string }) => g.agencyCode === 'UBND-PHUONG-HK')).toEqual({
      agencyCode: 'UBND-PHUONG-HK',
      agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm',
      dueSoon: 1,
      overdue: 1,
      veryOverdue: 2,
      total: 4,
      // The very overdue complaint and recommendation have climbed the whole ladder; the letter overdue by a few days has had its reminder only.
      escalation: { reminder: 1, inspectorate: 0, superior: 2 },
    });
    // The transferred letter counts where it went, not where it came from.
    expect(res.body.groups.find((g: { agencyCode: string }) => g.agencyCode === 'UBND-PHUONG-BD')).toMatchObject({ overdue: 1, total: 1 });
    expect(res.body.groups.map((g: { agencyCode: string }) => g.agencyCode)).not.toContain('UBND-PHUONG-HC');

    const head = await (await as('agency_head', 'UBND-PHUONG-HK')).get('/api/v1/monitoring/summary').expect(200);
    expect(head.body.groups).toEqual(expectedSummary(['UBND-PHUONG-HK']));
    const danang = await (await as('inspector', 'TTR-DN')).get('/api/v1/monitoring/summary').expect(200);
    expect(danang.body.groups).toEqual(expectedSummary(['UBND-PHUONG-HC']));
    expect(danang.body.groups.map((g: { agencyCode: string }) => g.agencyCode).filter((a: string) => HA_NOI.includes(a))).toEqual([]);
    // Naming an agency outside one's jurisdiction shows nothing, it does not widen the scope.
    expect((await (await as('agency_head', 'UBND-PHUONG-HK')).get('/api/v1/monitoring/summary').query({ agency: 'SO-TNMT-HN' }).expect(200)).body.groups).toEqual([]);
  });

  it('groups by kind and rule, and filters by agency, kind and rule', async () => {
    const byKindRule = await inspector.get('/api/v1/monitoring/summary').query({ groupBy: 'kind,rule' }).expect(200);
    const expected = new Map<string, number>();
    for (const f of FIXTURES.filter((x) => HA_NOI.includes(x.agency) && x.state !== 'on_track')) expected.set(`${f.kind} ${f.rule}`, (expected.get(`${f.kind} ${f.rule}`) ?? 0) + 1);
    expect(byKindRule.body.groupBy).toEqual(['kind', 'rule']);
    expect(byKindRule.body.groups.map((g: { kind: string; rule: string; total: number }) => [`${g.kind} ${g.rule}`, g.total])).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(byKindRule.body.groups[0]).not.toHaveProperty('agencyCode');

    const three = await inspector.get('/api/v1/monitoring/summary').query({ groupBy: 'agency,kind,rule' }).expect(200);
    const hnStep = escalationSteps.get('UBND-HN complaint accepted and assigned, resolution overdue');
    expect(hnStep).toBeGreaterThanOrEqual(1);
    expect(three.body.groups).toContainEqual({
      agencyCode: 'UBND-HN',
      agencyName: expect.any(String),
      kind: 'complaint',
      rule: 'KN-03',
      dueSoon: 0,
      overdue: 1,
      veryOverdue: 0,
      total: 1,
      escalation: { reminder: hnStep === 1 ? 1 : 0, inspectorate: hnStep === 2 ? 1 : 0, superior: hnStep === 3 ? 1 : 0 },
    });
    // Escalation counts by kind agree with the overdue list's steps.
    const listed = (await inspector.get('/api/v1/monitoring/overdue').query({ limit: 200 }).expect(200)).body.items as ListedClock[];
    for (const group of byKindRule.body.groups as Array<{ kind: string; rule: string; escalation: Record<string, number> }>) {
      const mine = listed.filter((i) => i.kind === group.kind && i.rule === group.rule);
      expect({ group: `${group.kind} ${group.rule}`, ...group.escalation }).toEqual({
        group: `${group.kind} ${group.rule}`,
        reminder: mine.filter((i) => i.escalationStep === 1).length,
        inspectorate: mine.filter((i) => i.escalationStep === 2).length,
        superior: mine.filter((i) => i.escalationStep === 3).length,
      });
    }

    const filtered = async (query: Record<string, string>, keep: (f: Fixture) => boolean) =>
      expect((await inspector.get('/api/v1/monitoring/summary').query(query).expect(200)).body.groups).toEqual(expectedSummary(HA_NOI, keep));
    await filtered({ agency: 'SO-TNMT-HN' }, (f) => f.agency === 'SO-TNMT-HN');
    await filtered({ kind: 'letter' }, (f) => f.kind === 'letter');
    await filtered({ rule: 'XLD-01' }, (f) => f.rule === 'XLD-01');
    await filtered({ kind: 'recommendation', rule: 'PA-02' }, (f) => f.rule === 'PA-02');
    await filtered({ agency: 'UBND-PHUONG-HK', kind: 'complaint' }, (f) => f.agency === 'UBND-PHUONG-HK' && f.kind === 'complaint');
  });

  it('lists overdue clocks most overdue first with case, agency, kind, rule, due date, age, escalation step and officer', async () => {
    const res = await inspector.get('/api/v1/monitoring/overdue').expect(200);
    const expected = await expectedClocks(HA_NOI, ['overdue', 'very_overdue']);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(res.body).toEqual({ asOf: expect.any(String), today: TODAY, items: expected, nextCursor: null });
    expect(res.body.items.map((i: ListedClock) => i.ageDays)).toEqual([...res.body.items.map((i: ListedClock) => i.ageDays)].sort((a, b) => b - a));
    // By hand: the very overdue complaint has climbed the whole ladder; the letter overdue by a few days has had its reminder only.
    const item = (name: string) => res.body.items.find((i: ListedClock) => i.caseCode === codes.get(name))!;
    expect(item('HK complaint, very overdue')).toMatchObject({ state: 'very_overdue', escalationStep: 3, rule: 'KN-02', kind: 'complaint', agencyCode: 'UBND-PHUONG-HK' });
    expect(item('HK letter, overdue')).toMatchObject({ state: 'overdue', escalationStep: 1 });
    expect(item('HK letter, overdue').ageDays).toBeGreaterThanOrEqual(1);
    expect(item('UBND-HN complaint accepted and assigned, resolution overdue')).toMatchObject({ clock: 'resolution', rule: 'KN-03', assignee: 'officer-monitoring-7', caseStatus: 'accepted' });
    expect(JSON.stringify(res.body)).not.toMatch(/Lê Văn Theo|0912345678/);
    expect(res.body.items[0]).not.toHaveProperty('caseId');

    const head = await (await as('agency_head', 'UBND-PHUONG-HK')).get('/api/v1/monitoring/overdue').expect(200);
    expect(head.body.items).toEqual(await expectedClocks(['UBND-PHUONG-HK'], ['overdue', 'very_overdue']));
    const danang = await (await as('inspector', 'TTR-DN')).get('/api/v1/monitoring/overdue').expect(200);
    expect(danang.body.items.map((i: ListedClock) => i.agencyCode)).toEqual(['UBND-PHUONG-HC']);
  });

  it('filters by state, agency, kind, rule and minimum age; sorts by due date either way', async () => {
    const list = async (query: Record<string, string | number>) => (await inspector.get('/api/v1/monitoring/overdue').query({ limit: 200, ...query }).expect(200)).body.items as ListedClock[];
    expect(await list({ state: 'due_soon' })).toEqual(await expectedClocks(HA_NOI, ['due_soon']));
    expect((await list({ state: 'due_soon' })).every((i) => i.ageDays <= 0)).toBe(true);
    expect(await list({ state: 'very_overdue' })).toEqual(await expectedClocks(HA_NOI, ['very_overdue']));
    expect(await list({ state: 'overdue' })).toEqual(await expectedClocks(HA_NOI, ['overdue']));
    expect(await list({ state: 'due_soon,overdue,very_overdue' })).toEqual(await expectedClocks(HA_NOI, ['due_soon', 'overdue', 'very_overdue']));

    const all = await expectedClocks(HA_NOI, ['overdue', 'very_overdue']);
    expect(await list({ agency: 'SO-TNMT-HN' })).toEqual(all.filter((i) => i.agencyCode === 'SO-TNMT-HN'));
    expect(await list({ kind: 'complaint' })).toEqual(all.filter((i) => i.kind === 'complaint'));
    expect(await list({ rule: 'XLD-01' })).toEqual(all.filter((i) => i.rule === 'XLD-01'));
    const minAge = Math.min(...all.map((i) => i.ageDays)) + 1;
    const old = await list({ minAge });
    expect(old).toEqual(all.filter((i) => i.ageDays >= minAge));
    expect(old.length).toBeGreaterThan(0);
    expect(old.length).toBeLessThan(all.length);
    expect(await list({ minAge: 0, state: 'due_soon' })).toEqual((await expectedClocks(HA_NOI, ['due_soon'])).filter((i) => i.ageDays >= 0));

    expect(await list({ sort: 'due_desc' })).toEqual([...all].reverse());
    expect(await list({ sort: 'age_asc' })).toEqual([...all].reverse());
    expect(await list({ sort: 'due_asc' })).toEqual(all);
  });

  it('pages with a cursor: every clock exactly once, in the same order as one big page, either direction', async () => {
    const all = await expectedClocks(HA_NOI, ['due_soon', 'overdue', 'very_overdue']);
    for (const limit of [1, 2, 3]) {
      const pages = await allPages(inspector, { state: 'due_soon,overdue,very_overdue' }, limit);
      expect(pages).toHaveLength(Math.ceil(all.length / limit));
      expect(pages.flat()).toEqual(all);
    }
    const backwards = await allPages(inspector, { state: 'due_soon,overdue,very_overdue', sort: 'due_desc' }, 2);
    expect(backwards.flat()).toEqual([...all].reverse());
    const exact = await inspector.get('/api/v1/monitoring/overdue').query({ state: 'due_soon,overdue,very_overdue', limit: all.length }).expect(200);
    expect(exact.body.nextCursor).toBeNull();
    const first = await inspector.get('/api/v1/monitoring/overdue').query({ limit: 1 }).expect(200);
    expect(first.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // A cursor belongs to its direction.
    const wrong = await inspector.get('/api/v1/monitoring/overdue').query({ limit: 1, sort: 'due_desc', cursor: first.body.nextCursor }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'cursor', reason: expect.stringContaining('other sort direction') }]);
  });

  it('computes states from the clock’s dates, not from the last recorded state', async () => {
    const code = codes.get('HK letter, overdue')!;
    await stack.dataSource.query(`UPDATE case_clocks SET monitoring_state = 'on_track' FROM cases c WHERE c.id = case_clocks.case_id AND c.code = $1`, [code]);
    const items = (await inspector.get('/api/v1/monitoring/overdue').query({ limit: 200 }).expect(200)).body.items as ListedClock[];
    expect(items.find((i) => i.caseCode === code)).toMatchObject({ state: 'overdue' });
    // The copy of the case's agency on each clock cannot be edited away from the case.
    await stack.dataSource.query(`UPDATE case_clocks SET agency_code = 'UBND-PHUONG-HC' FROM cases c WHERE c.id = case_clocks.case_id AND c.code = $1`, [code]);
    const copied: Array<{ agency_code: string }> = await stack.dataSource.query(`SELECT cc.agency_code FROM case_clocks cc JOIN cases c ON c.id = cc.case_id WHERE c.code = $1`, [code]);
    expect(copied.map((r) => r.agency_code)).toEqual(copied.map(() => 'UBND-PHUONG-HK'));
  });

  it('gives the on-time rate per agency for a period: stops on the due date are on time, the day after late; still-overdue ones counted', async () => {
    // By hand: in the period, one reply on the due date (on time), one the day after (late); the
    // early reply is before the period. Still running and overdue: HK's PA-02, UBND-HN's KN-03.
    expect(RESOLUTION_DUE >= PERIOD.from).toBe(true);
    const res = await inspector.get('/api/v1/monitoring/on-time-rate').query(PERIOD).expect(200);
    expect(res.body).toEqual({
      from: PERIOD.from,
      to: PERIOD.to,
      asOf: expect.any(String),
      today: TODAY,
      agencies: [
        { agencyCode: 'UBND-HN', agencyName: 'Ủy ban nhân dân thành phố Hà Nội', onTime: 0, late: 0, onTimeRate: null, stillOverdue: 1 },
        { agencyCode: 'UBND-PHUONG-HK', agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm', onTime: 1, late: 1, onTimeRate: 0.5, stillOverdue: 1 },
      ],
      totals: { onTime: 1, late: 1, onTimeRate: 0.5, stillOverdue: 2 },
    });
    // The early reply counts once the period covers its date.
    const wider = await inspector.get('/api/v1/monitoring/on-time-rate').query({ from: ACCEPTED_ON, to: TODAY }).expect(200);
    expect(wider.body.totals).toEqual({ onTime: 2, late: 1, onTimeRate: 0.6667, stillOverdue: 2 });
    // A period that ends the day before the late reply holds only the on-time one.
    const upToDue = await inspector.get('/api/v1/monitoring/on-time-rate').query({ from: PERIOD.from, to: RESOLUTION_DUE }).expect(200);
    expect(upToDue.body.totals).toEqual({ onTime: 1, late: 0, onTimeRate: 1, stillOverdue: 2 });

    const complaints = await inspector.get('/api/v1/monitoring/on-time-rate').query({ ...PERIOD, kind: 'complaint' }).expect(200);
    expect(complaints.body.agencies).toEqual([expect.objectContaining({ agencyCode: 'UBND-HN', onTime: 0, late: 0, stillOverdue: 1 })]);
    const head = await (await as('agency_head', 'UBND-PHUONG-HK')).get('/api/v1/monitoring/on-time-rate').query(PERIOD).expect(200);
    expect(head.body.agencies.map((a: { agencyCode: string }) => a.agencyCode)).toEqual(['UBND-PHUONG-HK']);
    const danang = await (await as('inspector', 'TTR-DN')).get('/api/v1/monitoring/on-time-rate').query(PERIOD).expect(200);
    expect(danang.body).toMatchObject({ agencies: [], totals: { onTime: 0, late: 0, onTimeRate: null, stillOverdue: 0 } });
  });

  it('refuses bad parameters with 400 naming the field, and unknown parameters too', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[string, Record<string, string>, string]> = [
      ['summary', { groupBy: 'agency,province' }, 'groupBy'],
      ['summary', { groupBy: 'agency,agency' }, 'groupBy'],
      ['summary', { groupBy: '' }, 'groupBy'],
      ['summary', { kind: 'grievance' }, 'kind'],
      ['summary', { rule: 'KN-99' }, 'rule'],
      ['summary', { agency: 'ubnd-hn' }, 'agency'],
      ['summary', { state: 'overdue' }, 'state'],
      ['overdue', { state: 'late' }, 'state'],
      ['overdue', { state: 'overdue,overdue' }, 'state'],
      ['overdue', { minAge: '-1' }, 'minAge'],
      ['overdue', { minAge: '1.5' }, 'minAge'],
      ['overdue', { minAge: 'ten' }, 'minAge'],
      ['overdue', { sort: 'age' }, 'sort'],
      ['overdue', { limit: '0' }, 'limit'],
      ['overdue', { limit: '201' }, 'limit'],
      ['overdue', { cursor: 'not a cursor!' }, 'cursor'],
      ['overdue', { cursor: b64(['asc', '2026-02-30', '00000000-0000-0000-0000-000000000000', 'processing']) }, 'cursor'],
      ['overdue', { cursor: b64(['asc', '2026-02-01', "x' OR 1=1 --", 'processing']) }, 'cursor'],
      ['overdue', { cursor: b64(['asc', '2026-02-01', '00000000-0000-0000-0000-000000000000', 'lunch']) }, 'cursor'],
      ['overdue', { page: '2' }, 'page'],
      ['on-time-rate', { to: TODAY }, 'from'],
      ['on-time-rate', { from: TODAY }, 'to'],
      ['on-time-rate', { from: '2026-02-30', to: TODAY }, 'from'],
      ['on-time-rate', { from: TODAY, to: '2026-01-01' }, 'to'],
      ['on-time-rate', { from: '01/01/2026', to: TODAY }, 'from'],
      ['on-time-rate', { from: '2026-01-01', to: TODAY, groupBy: 'agency' }, 'groupBy'],
    ];
    for (const [endpoint, query, field] of cases) {
      const res = await inspector.get(`/api/v1/monitoring/${endpoint}`).query(query);
      expect({ endpoint, query, status: res.status }).toEqual({ endpoint, query, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Request validation failed' });
      expect({ endpoint, query, fields: [...new Set(res.body.errors.map((e: { field: string }) => e.field))] }).toEqual({ endpoint, query, fields: [field] });
    }
    expect((await inspector.get('/api/v1/monitoring/overdue?state=overdue&state=due_soon').expect(400)).body.errors).toEqual([{ field: 'state', reason: expect.any(String) }]);
  });

  it('is refused to roles without list_cases and to anonymous callers', async () => {
    await (await as('admin', 'CP')).get('/api/v1/monitoring/summary').expect(403);
    await (await as('auditor', 'CP')).get('/api/v1/monitoring/overdue').expect(403);
    await request(stack.api.getHttpServer()).get('/api/v1/monitoring/on-time-rate').query(PERIOD).expect(401);
  });
});

describe('migration 1764230000000-monitoring-indexes', () => {
  let db: ThrowawayDatabase | undefined;
  let dataSource: DataSource | undefined;

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('copies each case’s agency and kind onto its existing clocks, keeps them in step, and can go back down', async () => {
    db = await createThrowawayDatabase();
    const index = MIGRATIONS.indexOf(MonitoringIndexes1764230000000);
    const options = databaseOptionsFromEnv({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2' });
    const before = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, index) as never });
    await before.initialize();
    await before.runMigrations();
    const inserted = await before.query<Array<{ id: string }>>(
      `INSERT INTO cases (code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id)
       VALUES ('UBND-PHUONG-HK-2026-000001', 'complaint', 'received', 'UBND-PHUONG-HK', 'post', '2026-01-05', 'Khiếu nại', 'Nội dung', 1, 'case-UBND-PHUONG-HK-2026-000001') RETURNING id`,
    );
    const id = inserted[0]!.id;
    const clock = (name: string, milestones: unknown[]) =>
      before.query(
        `INSERT INTO case_clocks (case_id, name, rule_id, rule_version, owner, status, start_date, due_date, due_ignoring_provisional, provisional, milestones, explanation, calendar_version)
         VALUES ($1, $2, 'KN-02', 1, 'agency', 'running', '2026-01-05', '2026-01-15', '2026-01-15', false, $3, '[]', 'test')`,
        [id, name, JSON.stringify(milestones)],
      );
    await clock('acceptance', [
      { kind: 'due_soon', atMs: 1_768_237_200_000 },
      { kind: 'very_overdue', atMs: 1_769_101_200_000 },
    ]);
    await clock('processing', [{ kind: 'due_soon', atMs: 'not a number' }]);
    await before.destroy();

    dataSource = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, index + 1) as never });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const read = () =>
      dataSource!.query<Array<{ name: string; agency_code: string; case_kind: string; due_soon_at: string | null; very_overdue_at: string | null }>>(
        'SELECT name, agency_code, case_kind, due_soon_at, very_overdue_at FROM case_clocks ORDER BY name',
      );
    expect(await read()).toEqual([
      { name: 'acceptance', agency_code: 'UBND-PHUONG-HK', case_kind: 'complaint', due_soon_at: '1768237200000', very_overdue_at: '1769101200000' },
      // A milestone that is not a number is no milestone (never an error that would stop the worker's writes).
      { name: 'processing', agency_code: 'UBND-PHUONG-HK', case_kind: 'complaint', due_soon_at: null, very_overdue_at: null },
    ]);

    // A transfer moves the case: its clocks follow; a clock written later takes the case's facts.
    await dataSource.query(`UPDATE cases SET agency_code = 'UBND-PHUONG-BD' WHERE id = $1`, [id]);
    await dataSource.query(
      `INSERT INTO case_clocks (case_id, name, rule_id, rule_version, owner, status, start_date, due_date, due_ignoring_provisional, provisional, explanation, calendar_version, agency_code)
       VALUES ($1, 'transfer_response', 'XLD-01', 1, 'agency', 'running', '2026-01-20', '2026-02-03', '2026-02-03', false, '[]', 'test', 'UBND-HN')`,
      [id],
    );
    expect((await read()).map((r) => [r.name, r.agency_code])).toEqual([
      ['acceptance', 'UBND-PHUONG-BD'],
      ['processing', 'UBND-PHUONG-BD'],
      ['transfer_response', 'UBND-PHUONG-BD'],
    ]);

    const runner = dataSource.createQueryRunner();
    try {
      await new MonitoringIndexes1764230000000().down(runner);
      const columns = await runner.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'case_clocks' AND column_name IN ('agency_code', 'case_kind', 'due_soon_at', 'very_overdue_at')`);
      expect(columns).toEqual([]);
      await new MonitoringIndexes1764230000000().up(runner);
    } finally {
      await runner.release();
    }
    expect((await read()).map((r) => r.agency_code)).toEqual(['UBND-PHUONG-BD', 'UBND-PHUONG-BD', 'UBND-PHUONG-BD']);
  });
});
