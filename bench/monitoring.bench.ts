/**
 * Monitoring queries at scale (issue #7): the overdue list and the counts by agency, as the api
 * runs them (the same repository functions), on a throw-away database seeded with N synthetic
 * cases, next to baselines measured in the same run:
 *   (a) the same query without the indexes of migration 1764230000000-monitoring-indexes (dropped
 *       inside a transaction that is rolled back), i.e. with only the indexes that were already there
 *       (the clocks keep the copy of their case's agency and kind that the migration adds);
 *   (b) the same query with index scans disabled (sequential scans and hash joins: a plain scan).
 *
 *   npm run bench:monitoring                       # 1,000,000 cases
 *   npm run bench:monitoring -- --cases 100000     # a quick run
 *   options: --runs 200 (per query, ours) --baseline-runs 50 --on-time-runs 20 --report-runs 5 --keep (leave the database)
 *
 * PostgreSQL at TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * the database `donthu_bench_…` is created, migrated, seeded with bulk `INSERT … SELECT
 * generate_series`, measured, and dropped. Prints figures and query plans; asserts nothing.
 * Also the annual periodic report of a province (Thông tư 01/2024; POST /api/v1/reports: facts,
 * figures, XLSX and CSV, kept with its audit event), next to a plain count(*) of the cases it reads.
 * Targets (issue #7): overdue list p95 ≤ 20 ms, a province's annual report ≤ 5 s, at 1M cases.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencyTree, computeReportFigures, formatLocalDate, latestEndedReportPeriod, parseLocalDate, reportScope, type AgencyLevel, type CaseKind, type Role, type RuleId } from '@donthu/domain';
import { databaseOptionsFromEnv, DEFAULT_DATABASE_URL, loadAgencyTree } from '@donthu/persistence';
import { generatePeriodicReport, loadReportFacts, renderReportCsv, renderReportXlsx, REPORT_CASES_WHERE, reportCasesParams, sha256Hex, withoutJit } from '@donthu/reporting';
import { MONITORED_STATES, type MonitoredState, type MonitoringInstant } from '../apps/api/src/monitoring/clock-state-sql';
import { monitoringInstantNow } from '../apps/api/src/monitoring/monitoring-instant';
import { countClocksByState } from '../apps/api/src/monitoring/monitoring-summary/monitoring-summary.repository';
import type { SummaryGrouping } from '../apps/api/src/monitoring/monitoring-summary/monitoring-summary.query';
import { onTimeRateByAgency } from '../apps/api/src/monitoring/on-time-rate/on-time-rate.repository';
import type { OverduePosition, SortDirection } from '../apps/api/src/monitoring/overdue-clocks/overdue-cursor';
import { findMonitoredClocks, type OverdueFilters } from '../apps/api/src/monitoring/overdue-clocks/overdue-clocks.repository';

const MIGRATION_INDEXES = [
  'case_clocks_monitoring_agency_due_idx',
  'case_clocks_monitoring_due_idx',
  'case_clocks_monitoring_rule_due_idx',
  'case_clocks_resolution_stopped_idx',
  'audit_events_resolution_stops_idx',
];

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  cases: number;
  runs: number;
  baselineRuns: number;
  onTimeRuns: number;
  reportRuns: number;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 1_000_000, runs: 200, baselineRuns: 50, onTimeRuns: 20, reportRuns: 5, keep: false };
  const count = (flag: string, value: string | undefined): number => {
    const n = Number((value ?? '').replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got "${value}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--keep') options.keep = true;
    else if (arg === '--cases') options.cases = count(arg, argv[++i]);
    else if (arg === '--runs') options.runs = count(arg, argv[++i]);
    else if (arg === '--baseline-runs') options.baselineRuns = count(arg, argv[++i]);
    else if (arg === '--on-time-runs') options.onTimeRuns = count(arg, argv[++i]);
    else if (arg === '--report-runs') options.reportRuns = count(arg, argv[++i]);
    else throw new Error(`unknown option ${arg} (--cases N, --runs N, --baseline-runs N, --on-time-runs N, --report-runs N, --keep)`);
  }
  if (options.cases < 1000) throw new Error('--cases must be at least 1000');
  return options;
}

// ---------------------------------------------------------------------------------------------
// The throw-away database

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Seed: agencies (the migration's sample plus a country of synthetic ones), cases, clocks, and
// the audit events the on-time rate reads. All of it bulk SQL, deterministic (setseed).

const SYNTHETIC_PROVINCES = 32; // + Hà Nội and Đà Nẵng of the sample: 34 provinces, as after 2025
const COMMUNES_PER_PROVINCE = 100;
const DEPARTMENTS_PER_PROVINCE = 12;

async function seedAgencies(q: EntityManager): Promise<void> {
  // Synthetic provinces: a people's committee, its inspectorate, departments, communes.
  await q.query(`
    INSERT INTO agencies (code, name, level, parent_code)
    SELECT 'UBND-T' || lpad(p::text, 2, '0'), 'Ủy ban nhân dân tỉnh ' || p, 'province', 'CP' FROM generate_series(1, ${SYNTHETIC_PROVINCES}) p`);
  await q.query(`
    INSERT INTO agencies (code, name, level, parent_code)
    SELECT 'TTR-T' || lpad(p::text, 2, '0'), 'Thanh tra tỉnh ' || p, 'inspectorate', 'UBND-T' || lpad(p::text, 2, '0') FROM generate_series(1, ${SYNTHETIC_PROVINCES}) p`);
  // Departments and communes, also under Hà Nội and Đà Nẵng (beside the sample's own).
  await q.query(`
    WITH provinces AS (
      SELECT 'T' || lpad(p::text, 2, '0') AS tag, 'UBND-T' || lpad(p::text, 2, '0') AS code FROM generate_series(1, ${SYNTHETIC_PROVINCES}) p
      UNION ALL VALUES ('HN', 'UBND-HN'), ('DN', 'UBND-DN')
    )
    INSERT INTO agencies (code, name, level, parent_code)
    SELECT 'SO-S' || lpad(d::text, 2, '0') || '-' || tag, 'Sở ' || d || ' ' || tag, 'department', code FROM provinces, generate_series(1, ${DEPARTMENTS_PER_PROVINCE}) d
    UNION ALL
    SELECT 'UBND-XA-' || tag || '-' || lpad(x::text, 3, '0'), 'Ủy ban nhân dân xã ' || x || ' ' || tag, 'commune', code FROM provinces, generate_series(1, ${COMMUNES_PER_PROVINCE}) x`);
}

async function seedCases(q: EntityManager, cases: number, today: string): Promise<void> {
  await q.query(`SELECT setseed(0.4242)`);
  // Milestones as the worker stores them (epoch ms at 00:00 local, Asia/Ho_Chi_Minh = UTC+7),
  // with calendar days standing in for working days: the shape is what matters here.
  await q.query(`CREATE FUNCTION pg_temp.day_ms(d date) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT (d - DATE '1970-01-01')::bigint * 86400000 - 25200000 $$`);
  await q.query(`
    CREATE FUNCTION pg_temp.milestones(due date, days int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
      SELECT jsonb_build_array(
        jsonb_build_object('kind', 'due_soon', 'atMs', pg_temp.day_ms(due - 4)),
        jsonb_build_object('kind', 'due_today', 'atMs', pg_temp.day_ms(due)),
        jsonb_build_object('kind', 'overdue', 'atMs', pg_temp.day_ms(due + 1)),
        jsonb_build_object('kind', 'escalated_inspectorate', 'atMs', pg_temp.day_ms(due + 7)),
        jsonb_build_object('kind', 'escalated_superior', 'atMs', pg_temp.day_ms(due + 14)),
        jsonb_build_object('kind', 'very_overdue', 'atMs', pg_temp.day_ms(due + days + 1))) $$`);
  await q.query(`
    CREATE FUNCTION pg_temp.reached(milestones jsonb, now_ms bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
      SELECT COALESCE(jsonb_agg(m->'kind'), '[]'::jsonb) FROM jsonb_array_elements(milestones) m WHERE (m->>'atMs')::bigint <= now_ms $$`);

  // Kinds with their first clock and, once accepted, their resolution clock (approximate periods, calendar days).
  await q.query(`
    CREATE TEMP TABLE kinds (kind text, p_from float8, p_to float8, first_clock text, first_rule text, first_days int, res_rule text, res_days int)`);
  await q.query(`
    INSERT INTO kinds VALUES
      ('letter',                 0.00, 0.28, 'processing',         'XLD-01', 14, NULL,     NULL),
      ('recommendation',         0.28, 0.50, 'processing',         'XLD-01', 14, 'PA-02',  21),
      ('complaint',              0.50, 0.70, 'acceptance',         'KN-02',  10, 'KN-03',  30),
      ('complaint_second_level', 0.70, 0.73, 'acceptance',         'KN-06',  10, 'KN-07',  45),
      ('disciplinary_complaint', 0.73, 0.75, 'acceptance',         'KD-02A', 10, 'KD-02B', 30),
      ('denunciation',           0.75, 0.87, 'initial_processing', 'TC-01',  10, 'TC-04',  30),
      ('denunciation_review',    0.87, 0.88, 'resolution',         'TC-08',  20, NULL,     NULL),
      ('reception',              0.88, 1.00, 'reply',              'TCD-01', 14, NULL,     NULL)`);

  // One row per case with every random choice made once. Cases arrive evenly over three years;
  // nearly all recent ones are open, a few percent of older ones are stuck (the overdue backlog).
  await q.query(`
    CREATE UNLOGGED TABLE bench_seed AS
    WITH upper AS (SELECT array_agg(code ORDER BY code) AS arr FROM agencies WHERE level IN ('province', 'department', 'department_unit', 'ministry')),
         lower AS (SELECT array_agg(code ORDER BY code) AS arr FROM agencies WHERE level = 'commune'),
         drawn AS (
           SELECT g, gen_random_uuid() AS id,
                  CASE WHEN random() < 0.3 THEN upper.arr[1 + floor(random() * cardinality(upper.arr))::int]
                       ELSE lower.arr[1 + floor(random() * cardinality(lower.arr))::int] END AS agency_code,
                  random() AS rk, floor(random() * 1095)::int AS age, random() AS r_open, random() AS r_stage,
                  random() AS r_accept, random() AS r_first_stop, random() AS r_res_stop, random() AS r_complex, random() AS r_citizen
           FROM generate_series(1, ${cases}) g, upper, lower
         )
    SELECT d.g, d.id, d.agency_code, k.kind, k.first_clock, k.first_rule, k.first_days, k.res_rule,
           k.res_days + CASE WHEN d.r_complex < 0.1 THEN 15 ELSE 0 END AS res_days,
           CAST('${today}' AS date) - d.age AS received_on,
           d.r_open < CASE WHEN d.age < 45 THEN 0.92 WHEN d.age < 365 THEN 0.06 ELSE 0.012 END AS open,
           k.res_rule IS NOT NULL AND d.r_stage < CASE WHEN d.age < 10 THEN 0.1 ELSE 0.75 END AS accepted,
           CAST('${today}' AS date) - d.age + floor(d.r_accept * least(d.age, 12))::int AS accepted_on,
           d.r_first_stop, d.r_res_stop, d.r_citizen
    FROM drawn d JOIN kinds k ON d.rk >= k.p_from AND d.rk < k.p_to`);
  await q.query(`ALTER TABLE bench_seed ADD PRIMARY KEY (g)`);
  await q.query(`
    ALTER TABLE bench_seed
      ADD COLUMN first_due date, ADD COLUMN first_stop date, ADD COLUMN res_due date, ADD COLUMN res_stop date`);
  await q.query(`
    UPDATE bench_seed SET
      first_due = received_on + first_days,
      first_stop = least(CAST('${today}' AS date), received_on + floor(r_first_stop * first_days * 1.2)::int),
      res_due = CASE WHEN accepted THEN accepted_on + res_days END,
      res_stop = CASE WHEN accepted THEN least(CAST('${today}' AS date), accepted_on + floor(r_res_stop * res_days * 1.3)::int) END`);

  await q.query(`
    INSERT INTO cases (id, code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id, workflow_started_at,
                       assignee, next_due_on, overdue, created_at, updated_at)
    SELECT id, code, kind,
           CASE WHEN NOT open THEN CASE WHEN kind IN ('letter', 'reception') THEN 'filed' ELSE 'closed' END
                WHEN accepted THEN CASE WHEN r_res_stop < 0.5 THEN 'accepted' ELSE 'verifying' END
                ELSE 'received' END,
           agency_code, CASE WHEN g % 3 = 0 THEN 'in_person' ELSE 'post' END, received_on,
           'Đơn ' || kind || ' số ' || g,
           'Nội dung đơn thư tổng hợp để đo hiệu năng theo dõi thời hạn: công dân phản ánh việc chậm giải quyết hồ sơ đất đai, đề nghị cơ quan có thẩm quyền xem xét. ' || g,
           CASE WHEN accepted THEN 3 ELSE 2 END, 'case-' || code, received_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
           CASE WHEN open AND accepted THEN 'officer-' || (g % 50) END,
           CASE WHEN open THEN CASE WHEN accepted THEN res_due ELSE first_due END END,
           open AND CASE WHEN accepted THEN res_due ELSE first_due END < CAST('${today}' AS date),
           received_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh',
           -- Written last by its last act (a closed case), or lately (an open one: milestones, commands).
           CASE WHEN open THEN now() ELSE (CASE WHEN accepted THEN res_stop ELSE first_stop END)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 day 9 hours' END
    FROM (SELECT *, agency_code || '-' || extract(year FROM received_on) || '-' || lpad(g::text, 7, '0') AS code FROM bench_seed) s`);
}

async function seedClocks(q: EntityManager, nowMs: number): Promise<void> {
  const explanation = JSON.stringify([
    { code: 'rule', rule: 'XLD-01', citation: 'Thông tư 05/2021/TT-TTCP, Điều 4' },
    { code: 'count_from', date: '2026-01-05' },
    { code: 'period', days: 10, unit: 'working' },
    { code: 'skipped', dates: ['2026-01-10', '2026-01-11', '2026-01-17', '2026-01-18'], reason: 'weekend' },
    { code: 'result', date: '2026-01-19' },
  ]);
  // Milestones, those reached and the last recorded state of a running clock; none for a stopped one (as the worker stores them).
  const monitoring = (running: string, due: string, days: string) =>
    `CASE WHEN ${running} THEN pg_temp.milestones(${due}, ${days}) ELSE '[]' END,
     CASE WHEN ${running} THEN pg_temp.reached(pg_temp.milestones(${due}, ${days}), ${nowMs}) ELSE '[]' END,
     CASE WHEN NOT ${running} THEN 'stopped' WHEN pg_temp.day_ms(${due} + ${days} + 1) <= ${nowMs} THEN 'very_overdue' WHEN pg_temp.day_ms(${due} + 1) <= ${nowMs} THEN 'overdue'
          WHEN pg_temp.day_ms(${due} - 4) <= ${nowMs} THEN 'due_soon' ELSE 'on_track' END`;
  const columns = `(case_id, name, rule_id, rule_version, owner, status, start_date, complex, extensions, suspensions, due_date, due_ignoring_provisional,
                    provisional, milestones, reached, monitoring_state, explanation, calendar_version, updated_at)`;
  // The first clock of every case: running while the case is open and not yet accepted.
  await q.query(`
    INSERT INTO case_clocks ${columns}
    SELECT id, first_clock, first_rule, 1, 'agency', CASE WHEN open AND NOT accepted THEN 'running' ELSE 'stopped' END, received_on, false, 0, '[]',
           first_due, first_due, false,
           ${monitoring('(open AND NOT accepted)', 'first_due', 'first_days')},
           $1::jsonb, 'vn-2026.1', CASE WHEN open AND NOT accepted THEN now() ELSE (CASE WHEN accepted THEN accepted_on ELSE first_stop END)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '10 hours' END
    FROM bench_seed`,
    [explanation],
  );
  // The resolution clock of accepted cases: running while open, stopped (on time or late) once closed.
  await q.query(`
    INSERT INTO case_clocks ${columns}
    SELECT id, 'resolution', res_rule, 1, 'agency', CASE WHEN open THEN 'running' ELSE 'stopped' END, accepted_on, res_days > 30, 0, '[]',
           res_due, res_due, false,
           ${monitoring('open', 'res_due', 'res_days')},
           $1::jsonb, 'vn-2026.1', CASE WHEN open THEN now() ELSE res_stop::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 day 9 hours' END
    FROM bench_seed WHERE accepted`,
    [explanation],
  );
  // Citizens' windows after a decision (KN-05): running, often long past, never monitored.
  await q.query(`
    INSERT INTO case_clocks ${columns}
    SELECT id, 'appeal_window', 'KN-05', 1, 'citizen', 'running', res_stop, false, 0, '[]', res_stop + 30, res_stop + 30, false,
           jsonb_build_array(jsonb_build_object('kind', 'expired', 'atMs', pg_temp.day_ms(res_stop + 31))), '[]', 'on_track',
           $1::jsonb, 'vn-2026.1', now()
    FROM bench_seed WHERE accepted AND NOT open AND kind LIKE 'complaint%' AND r_citizen < 0.5`,
    [explanation],
  );
}

/**
 * The events the on-time rate and the periodic report read: registration, acceptance (also of open
 * cases), the act that stopped the resolution clock (entered a day after its date), and for closed
 * cases never accepted the act that filed them; each with the statuses before and after it.
 */
async function seedAuditEvents(q: EntityManager): Promise<void> {
  await q.query(`
    INSERT INTO audit_events (stream_type, stream_id, sequence, type, actor, payload, occurred_at, prev_hash, hash)
    SELECT 'case', s.id::text, e.sequence, e.type, 'officer-1', e.payload, e.at, CASE WHEN e.sequence > 1 THEN md5(s.id::text || (e.sequence - 1)) END, md5(s.id::text || e.sequence)
    FROM bench_seed s
    CROSS JOIN LATERAL (VALUES
      (1, 'case.registered', jsonb_build_object('kind', s.kind, 'receivedOn', s.received_on, 'clocks', jsonb_build_array(jsonb_build_object('clock', s.first_clock, 'rule', s.first_rule, 'status', 'running', 'due', s.first_due))),
          s.received_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),
      (2, 'case.accepted', jsonb_build_object('command', 'accept', 'effectiveDate', s.accepted_on,
            'before', jsonb_build_object('status', 'received'), 'after', jsonb_build_object('status', 'accepted'), 'clocks', jsonb_build_array(
            jsonb_build_object('clock', s.first_clock, 'rule', s.first_rule, 'status', 'stopped', 'due', s.first_due),
            jsonb_build_object('clock', 'resolution', 'rule', s.res_rule, 'status', 'running', 'due', s.res_due))),
          s.accepted_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),
      (3, 'case.decided', jsonb_build_object('command', 'decide', 'effectiveDate', s.res_stop, 'documentNumber', '12/QĐ',
            'before', jsonb_build_object('status', 'verifying'), 'after', jsonb_build_object('status', 'decided'), 'clocks', jsonb_build_array(
            jsonb_build_object('clock', 'resolution', 'rule', s.res_rule, 'status', 'stopped', 'due', s.res_due))),
          s.res_stop::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 day 9 hours')
    ) AS e(sequence, type, payload, at)
    WHERE s.accepted AND (e.sequence < 3 OR NOT s.open)`);
  await q.query(`
    INSERT INTO audit_events (stream_type, stream_id, sequence, type, actor, payload, occurred_at, prev_hash, hash)
    SELECT 'case', s.id::text, 2, 'case.filed',
           'officer-1', jsonb_build_object('command', 'file', 'effectiveDate', s.first_stop, 'reason', 'Lưu đơn',
             'before', jsonb_build_object('status', 'received'), 'after', jsonb_build_object('status', 'filed'), 'clocks', jsonb_build_array(
             jsonb_build_object('clock', s.first_clock, 'rule', s.first_rule, 'status', 'stopped', 'due', s.first_due))),
           s.first_stop::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 day 9 hours', md5(s.id::text || 1), md5(s.id::text || 2)
    FROM bench_seed s
    WHERE NOT s.accepted AND NOT s.open`);
}

// ---------------------------------------------------------------------------------------------
// Query variations: who asks (scopes as the access guard computes them) and with which filters.

interface Scope {
  label: string;
  agencyCodes: string[];
}

/** A small deterministic PRNG (mulberry32), so every run asks the same questions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function scopes(manager: EntityManager): Promise<{ weighted: Array<[Scope, number]>; tree: AgencyTree }> {
  const rows = await manager.query<Array<{ code: string; name: string; level: AgencyLevel; parent_code: string | null }>>('SELECT code, name, level, parent_code FROM agencies WHERE active');
  const tree = new AgencyTree(rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })));
  const scope = (label: string, role: Role, agency: string): Scope => ({ label, agencyCodes: tree.scopeOf(role, agency) });
  // Who looks at monitoring, and how often: province inspectorates above all.
  const weighted: Array<[Scope, number]> = [
    [scope('national inspectorate (TTCP)', 'superior_inspector', 'TTCP'), 0.1],
    [scope('province inspectorate TTR-HN', 'inspector', 'TTR-HN'), 0.25],
    [scope('province inspectorate TTR-T07', 'inspector', 'TTR-T07'), 0.2],
    [scope('province body UBND-T11', 'agency_head', 'UBND-T11'), 0.1],
    [scope('department SO-S03-HN', 'agency_head', 'SO-S03-HN'), 0.1],
    [scope('commune UBND-XA-HN-042', 'agency_head', 'UBND-XA-HN-042'), 0.15],
    [scope('commune UBND-XA-T20-007', 'agency_head', 'UBND-XA-T20-007'), 0.1],
  ];
  return { weighted, tree };
}

function pick<T>(random: () => number, weighted: ReadonlyArray<[T, number]>): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted.at(-1)![0];
}

const KINDS: CaseKind[] = ['letter', 'recommendation', 'complaint', 'denunciation', 'reception'];
const RULES: RuleId[] = ['XLD-01', 'KN-02', 'KN-03', 'TC-01', 'TC-04', 'PA-02', 'TCD-01'];

interface ListVariation {
  scope: Scope;
  filters: OverdueFilters;
  direction: SortDirection;
  secondPage: boolean;
  after?: OverduePosition;
}

function listVariations(count: number, weighted: Array<[Scope, number]>): ListVariation[] {
  const random = prng(7);
  return Array.from({ length: count }, () => {
    const scope = pick(random, weighted);
    const states: MonitoredState[] = pick(random, [
      [['overdue', 'very_overdue'] as MonitoredState[], 0.7],
      [[...MONITORED_STATES], 0.15],
      [['very_overdue'] as MonitoredState[], 0.1],
      [['due_soon'] as MonitoredState[], 0.05],
    ]);
    const filters: OverdueFilters = { states };
    if (random() < 0.3) filters.kind = KINDS[Math.floor(random() * KINDS.length)]!;
    if (random() < 0.2) filters.rule = RULES[Math.floor(random() * RULES.length)]!;
    if (random() < 0.1 && scope.agencyCodes.length > 1) filters.agency = scope.agencyCodes[Math.floor(random() * scope.agencyCodes.length)]!;
    if (random() < 0.2) filters.minAge = [10, 30, 90][Math.floor(random() * 3)]!;
    return { scope, filters, direction: random() < 0.8 ? 'asc' : 'desc', secondPage: random() < 0.3 };
  });
}

interface CountVariation {
  scope: Scope;
  groupBy: SummaryGrouping[];
  filters: { kind?: CaseKind; rule?: RuleId };
}

function countVariations(count: number, weighted: Array<[Scope, number]>): CountVariation[] {
  const random = prng(11);
  return Array.from({ length: count }, () => {
    const scope = pick(random, weighted);
    const groupBy: SummaryGrouping[] = random() < 0.7 ? ['agency'] : random() < 0.5 ? ['agency', 'kind'] : ['agency', 'rule'];
    const filters: CountVariation['filters'] = {};
    if (random() < 0.2) filters.kind = KINDS[Math.floor(random() * KINDS.length)]!;
    if (random() < 0.1) filters.rule = RULES[Math.floor(random() * RULES.length)]!;
    return { scope, groupBy, filters };
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring

const PAGE = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Figures<V = unknown> {
  p50: number;
  p95: number;
  p99: number;
  runs: number;
  /** The slowest questions, slowest first. */
  slowest: Array<{ variation: V; ms: number }>;
}

async function measure<V>(variations: readonly V[], run: (v: V) => Promise<unknown>, warmUp = 10): Promise<Figures<V>> {
  for (const v of variations.slice(0, Math.min(warmUp, variations.length))) await run(v);
  const timed: Array<{ variation: V; ms: number }> = [];
  for (const v of variations) {
    const begin = performance.now();
    await run(v);
    timed.push({ variation: v, ms: performance.now() - begin });
  }
  const times = timed.map((t) => t.ms).sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), runs: times.length, slowest: [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3) };
}

function describe(v: { scope: Scope; filters?: object; direction?: string; secondPage?: boolean; groupBy?: string[]; from?: string }): string {
  const { scope, ...rest } = v;
  return `${scope.label} ${JSON.stringify({ ...rest, after: undefined })}`;
}

/** Runs `fn` on one connection inside a transaction that is rolled back (DROP INDEX and SET LOCAL are undone). */
async function inRolledBackTransaction<T>(dataSource: DataSource, setup: string[], fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    for (const sql of setup) await runner.query(sql);
    return await fn(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const WITHOUT_MIGRATION_INDEXES = MIGRATION_INDEXES.map((name) => `DROP INDEX ${name}`);
const SCANS_ONLY = ['SET LOCAL enable_indexscan = off', 'SET LOCAL enable_bitmapscan = off', 'SET LOCAL enable_indexonlyscan = off'];

/** A manager that records the SQL a repository function sends instead of running it (and answers no rows). */
function capturing(): { manager: EntityManager; queries: Array<{ sql: string; params: unknown[] }> } {
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: (sql: string, params: unknown[] = []) => {
      queries.push({ sql, params });
      return Promise.resolve([]);
    },
  } as unknown as EntityManager;
  return { manager, queries };
}

async function explain(manager: EntityManager, captured: { sql: string; params: unknown[] }): Promise<string[]> {
  const rows = await manager.query<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured.sql}`, captured.params);
  return rows.map((r) => r['QUERY PLAN']);
}

const ms = (x: number) => `${x.toFixed(2).padStart(9)} ms`;
const ratio = (base: number, ours: number) => `${(base / ours).toFixed(1).padStart(7)} ×`;

function printFigures<V extends { scope: Scope }>(title: string, ours: Figures<V>, baselines: Array<[string, Figures<V>]>): void {
  console.log(`\n${title}`);
  console.log(`  ${''.padEnd(44)}${'p50'.padStart(12)}${'p95'.padStart(12)}${'p99'.padStart(12)}   runs   ratio p50 / p95`);
  console.log(`  ${'with the monitoring indexes'.padEnd(44)}${ms(ours.p50)}${ms(ours.p95)}${ms(ours.p99)}  ${String(ours.runs).padStart(5)}`);
  for (const [label, f] of baselines) {
    console.log(`  ${label.padEnd(44)}${ms(f.p50)}${ms(f.p95)}${ms(f.p99)}  ${String(f.runs).padStart(5)}  ${ratio(f.p50, ours.p50)} ${ratio(f.p95, ours.p95)}`);
  }
  console.log(`  slowest with the indexes: ${ours.slowest.map((t) => `${t.ms.toFixed(1)} ms ${describe(t.variation)}`).join('\n                            ')}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const name = `donthu_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...databaseOptionsFromEnv({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '2' }) });
  const server = url.host;
  // Interrupted (Ctrl-C, a closed pipe): the database goes all the same.
  const dropAndExit = () => {
    interrupted = true;
    if (options.keep) process.exit(130);
    void admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).finally(() => process.exit(130));
  };
  process.once('SIGINT', dropAndExit);
  process.once('SIGTERM', dropAndExit);
  process.stdout.on('error', dropAndExit);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const q = dataSource.manager;
    // The seed uses session state (setseed, temporary functions and tables): one connection.
    const seeder = dataSource.createQueryRunner();
    await seeder.connect();
    const version = (await q.query<Array<{ server_version: string }>>('SHOW server_version'))[0]!.server_version;
    const at: MonitoringInstant = monitoringInstantNow();
    console.log(`Monitoring benchmark: ${options.cases.toLocaleString('en-US')} cases on PostgreSQL ${version} at ${server} (database ${name}); today ${at.today}`);

    const t0 = performance.now();
    await seedAgencies(seeder.manager);
    await seedCases(seeder.manager, options.cases, at.today);
    const tCases = performance.now();
    await seedClocks(seeder.manager, at.nowMs);
    const tClocks = performance.now();
    await seedAuditEvents(seeder.manager);
    const tAudit = performance.now();
    await seeder.query('DROP TABLE bench_seed');
    await seeder.release();
    await q.query('VACUUM ANALYZE');
    // Between two autovacuums the table is not all clean: 5% of the running clocks reach a
    // milestone after the VACUUM, so their pages are not all-visible and index-only scans go to
    // the table for them, as they would in production.
    await q.query(`UPDATE case_clocks SET reached = reached || '["due_soon"]' WHERE status = 'running' AND owner = 'agency' AND hashtext(case_id::text) % 20 = 0`);
    const tReady = performance.now();
    console.log(
      `Seeded in ${((tReady - t0) / 1000).toFixed(1)} s: cases ${((tCases - t0) / 1000).toFixed(1)} s, clocks ${((tClocks - tCases) / 1000).toFixed(1)} s, ` +
        `audit events ${((tAudit - tClocks) / 1000).toFixed(1)} s, VACUUM ANALYZE and 5% of running clocks touched ${((tReady - tAudit) / 1000).toFixed(1)} s`,
    );
    const facts = (await q.query<Array<Record<'agencies' | 'cases' | 'clocks' | 'running' | 'overdue' | 'events' | 'cases_size' | 'clocks_size', string | number>>>(`
      SELECT (SELECT count(*) FROM agencies)::int AS agencies, (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_clocks)::int AS clocks,
             (SELECT count(*) FROM case_clocks WHERE status = 'running' AND owner = 'agency')::int AS running,
             (SELECT count(*) FROM case_clocks WHERE status = 'running' AND owner = 'agency' AND due_ignoring_provisional < $1::date)::int AS overdue,
             (SELECT count(*) FROM audit_events)::int AS events,
             pg_size_pretty(pg_total_relation_size('cases')) AS cases_size, pg_size_pretty(pg_total_relation_size('case_clocks')) AS clocks_size`, [at.today]))[0]!;
    const indexSizes = await q.query<Array<{ name: string; size: string }>>(`SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes WHERE indexrelname = ANY($1)`, [MIGRATION_INDEXES]);
    console.log(
      `  ${facts.agencies} agencies, ${facts.cases} cases (${facts.cases_size}), ${facts.clocks} clocks (${facts.clocks_size}): ${facts.running} running agency clocks, ${facts.overdue} overdue; ${facts.events} audit events`,
    );
    console.log(`  indexes of the migration: ${indexSizes.map((i) => `${i.name} ${i.size}`).join(', ')}`);

    const { weighted } = await scopes(q);
    console.log(`  scopes asked from: ${weighted.map(([s, w]) => `${s.label} (${s.agencyCodes.length} agencies, ${Math.round(w * 100)}%)`).join('; ')}`);

    // Overdue list: the second pages need the cursor of their first page, taken once beforehand.
    const lists = listVariations(options.runs, weighted);
    for (const v of lists.filter((l) => l.secondPage)) {
      const first = await findMonitoredClocks(q, v.filters, { limit: PAGE, direction: v.direction }, at, v.scope);
      v.after = first.next ?? undefined;
    }
    const runList = (manager: EntityManager) => (v: ListVariation) => findMonitoredClocks(manager, v.filters, { limit: PAGE, direction: v.direction, after: v.after }, at, v.scope);
    const listOurs = await measure(lists, runList(q));
    const listNoIndex = await inRolledBackTransaction(dataSource, WITHOUT_MIGRATION_INDEXES, (m) => measure(lists.slice(0, options.baselineRuns), runList(m), 3));
    const listScans = await inRolledBackTransaction(dataSource, SCANS_ONLY, (m) => measure(lists.slice(0, options.baselineRuns), runList(m), 3));
    printFigures(
      `Overdue list (GET /api/v1/monitoring/overdue, ${PAGE} a page; ${lists.filter((l) => l.secondPage).length} of ${lists.length} are later pages)`,
      listOurs,
      [
        ['(a) without the migration’s indexes', listNoIndex],
        ['(b) sequential scans only', listScans],
      ],
    );
    console.log(`  target p95 ≤ 20 ms: ${listOurs.p95 <= 20 ? 'met' : 'NOT met'} at ${options.cases.toLocaleString('en-US')} cases`);

    const counts = countVariations(options.runs, weighted);
    const runCount = (manager: EntityManager) => (v: CountVariation) => countClocksByState(manager, v.filters, v.groupBy, at, v.scope);
    const countOurs = await measure(counts, runCount(q));
    const countNoIndex = await inRolledBackTransaction(dataSource, WITHOUT_MIGRATION_INDEXES, (m) => measure(counts.slice(0, options.baselineRuns), runCount(m), 3));
    const countScans = await inRolledBackTransaction(dataSource, SCANS_ONLY, (m) => measure(counts.slice(0, options.baselineRuns), runCount(m), 3));
    printFigures('Counts by agency (GET /api/v1/monitoring/summary, due soon / overdue / very overdue)', countOurs, [
      ['(a) without the migration’s indexes', countNoIndex],
      ['(b) sequential scans only', countScans],
    ]);

    // On-time rate over report periods (a quarter, half a year, a year), fewer runs: a report, not a hot path.
    const random = prng(13);
    const periods = Array.from({ length: options.onTimeRuns }, () => {
      const days = pick(random, [
        [90, 0.5],
        [182, 0.3],
        [365, 0.2],
      ] as Array<[number, number]>);
      const to = at.today;
      const from = new Date(Date.parse(`${to}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      return { from, to, scope: pick(random, weighted) };
    });
    const runOnTime = (manager: EntityManager) => (v: (typeof periods)[number]) => onTimeRateByAgency(manager, { from: v.from, to: v.to }, {}, at, v.scope);
    const onTimeOurs = await measure(periods, runOnTime(q));
    const onTimeNoIndex = await inRolledBackTransaction(dataSource, WITHOUT_MIGRATION_INDEXES, (m) => measure(periods, runOnTime(m), 3));
    printFigures('On-time rate (GET /api/v1/monitoring/on-time-rate, periods of 90/182/365 days, audit-trail stop dates)', onTimeOurs, [['(a) without the migration’s indexes', onTimeNoIndex]]);

    // The annual periodic report of a province (POST /api/v1/reports, Thông tư 01/2024): the function
    // the api calls (facts, figures, XLSX and CSV, the row and its audit event), a few runs.
    const tree = await loadAgencyTree(q);
    const province = 'UBND-HN';
    const annual = latestEndedReportPeriod('annual', parseLocalDate(at.today));
    const reportAgencies = reportScope(tree, province, true);
    const reportRequest = { periodKind: 'annual' as const, year: annual.year, agencyCode: province, includeSubordinates: true, trigger: 'on_demand' as const, generatedBy: 'bench' };
    const runs = Array.from({ length: options.reportRuns }, (_, k) => ({ scope: { label: province, agencyCodes: reportAgencies }, k }));
    const reportOurs = await measure(runs, () => generatePeriodicReport(dataSource, { ...reportRequest, nowMs: Date.now() }, tree), 1);
    // Baseline: a plain count(*) of the same cases (the report's own predicate and JIT setting, without the audit-trail and clock lookups).
    const countSameRows = await measure(runs, () => withoutJit(q, (m) => m.query(`SELECT count(*)::int AS n FROM cases c WHERE ${REPORT_CASES_WHERE}`, reportCasesParams(reportAgencies, annual))), 1);
    // Where one report's time goes.
    const t1 = performance.now();
    const reportFacts = await loadReportFacts(q, reportAgencies, annual);
    const t2 = performance.now();
    const figures = computeReportFigures(annual, reportAgencies, reportFacts);
    const t3 = performance.now();
    const doc = { id: '00000000-0000-4000-8000-000000000000', period: annual, scope: { agencyCode: province, includeSubordinates: true, agencies: reportAgencies.map((code) => ({ code, name: tree.get(code)?.name ?? code })) }, generatedAtMs: Date.now() - (Date.now() % 1000), trigger: 'on_demand' as const, generatedBy: 'bench', figures };
    const csv = renderReportCsv(doc);
    const xlsx = await renderReportXlsx(doc, sha256Hex(csv));
    const t4 = performance.now();
    console.log(`\nAnnual periodic report of a province (POST /api/v1/reports: ${province} and the ${reportAgencies.length - 1} agencies below it, ${formatLocalDate(annual.from)} → ${formatLocalDate(annual.to)})`);
    console.log(`  ${''.padEnd(44)}${'p50'.padStart(12)}${'p95'.padStart(12)}${'max'.padStart(12)}   runs   ratio p50`);
    console.log(`  ${'the report (facts, figures, XLSX, CSV, row)'.padEnd(44)}${ms(reportOurs.p50)}${ms(reportOurs.p95)}${ms(reportOurs.slowest[0]!.ms)}  ${String(reportOurs.runs).padStart(5)}`);
    console.log(`  ${'baseline: count(*) of the same cases'.padEnd(44)}${ms(countSameRows.p50)}${ms(countSameRows.p95)}${ms(countSameRows.slowest[0]!.ms)}  ${String(countSameRows.runs).padStart(5)}  ${(reportOurs.p50 / countSameRows.p50).toFixed(1).padStart(7)} × the count`);
    console.log(`  one run: ${reportFacts.length.toLocaleString('en-US')} cases read, facts ${(t2 - t1).toFixed(0)} ms, figures ${(t3 - t2).toFixed(0)} ms, XLSX ${(xlsx.length / 1024).toFixed(0)} KiB + CSV ${(t4 - t3).toFixed(0)} ms`);
    console.log(`  target ≤ 5 s: ${reportOurs.p95 <= 5000 ? 'met' : 'NOT met'} at ${options.cases.toLocaleString('en-US')} cases`);

    // Plans of representative questions.
    console.log('\nQuery plans (EXPLAIN ANALYZE, BUFFERS):');
    const byLabel = (label: string) => weighted.find(([s]) => s.label.startsWith(label))![0];
    const samples: Array<[string, (m: EntityManager) => Promise<unknown>]> = [
      ['overdue list, national inspectorate, first page', (m) => findMonitoredClocks(m, { states: ['overdue', 'very_overdue'] }, { limit: PAGE, direction: 'asc' }, at, byLabel('national'))],
      ['overdue list, province inspectorate TTR-HN, rule TC-04', (m) => findMonitoredClocks(m, { states: ['overdue', 'very_overdue'], rule: 'TC-04' }, { limit: PAGE, direction: 'asc' }, at, byLabel('province inspectorate TTR-HN'))],
      ['overdue list, one commune, every state', (m) => findMonitoredClocks(m, { states: [...MONITORED_STATES] }, { limit: PAGE, direction: 'asc' }, at, byLabel('commune UBND-XA-HN-042'))],
      ['counts by agency, province inspectorate TTR-T07', (m) => countClocksByState(m, {}, ['agency'], at, byLabel('province inspectorate TTR-T07'))],
      ['counts by agency, national inspectorate', (m) => countClocksByState(m, {}, ['agency'], at, byLabel('national'))],
      ['on-time rate, province inspectorate TTR-HN, last quarter (first of its two queries)', (m) =>
        onTimeRateByAgency(m, { from: new Date(at.nowMs - 90 * 86_400_000).toISOString().slice(0, 10), to: at.today }, {}, at, byLabel('province inspectorate TTR-HN'))],
    ];
    for (const [label, run] of samples) {
      const capture = capturing();
      await run(capture.manager);
      const plan = await explain(q, capture.queries[0]!);
      const indexes = [...new Set(plan.join('\n').match(/(?:using|on) ([a-z_]+_(?:idx|pkey|key))/g) ?? [])].map((s) => s.replace(/^(using|on) /, ''));
      const time = plan.find((l) => l.startsWith('Execution Time'));
      console.log(`\n  ${label}: ${time ?? ''}; indexes: ${indexes.join(', ') || 'none'}`);
      const shown = plan.filter((l) => !/^\s*(Planning|Execution) Time|^\s*Planning:|^\s*Buffers: shared hit=\d+$/.test(l)).slice(0, 24);
      // A jurisdiction is a list of agency codes: shown as its length.
      for (const line of shown) console.log(`    ${line.replace(/'\{[^}]*\}'::text\[\]/g, (list) => `'{…${list.split(',').length} agencies…}'::text[]`)}`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (options.keep) console.log(`\nKept database ${name}`);
    else await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

/** Set when the run is interrupted: the queries then in flight fail as the database goes, quietly. */
let interrupted = false;

main().catch((error: unknown) => {
  if (interrupted) return;
  console.error(error);
  process.exitCode = 1;
});
