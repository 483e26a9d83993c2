/**
 * Intake screening at scale (issue #7 item 5): the candidate query the api runs before a case is
 * registered (libs/persistence findScreeningCandidates: the person's blind indexes, then pg_trgm on
 * those cases only), on a throw-away database of N synthetic cases with one party each, next to
 * the same query with index scans disabled (what it would cost without the blind-index indexes).
 *
 *   npm run bench:screening                      # 1,000,000 cases
 *   npm run bench:screening -- --cases 100000    # a quick run
 *   options: --runs 500 --baseline-runs 5 --keep (leave the database)
 *
 * PostgreSQL at TEST_DATABASE_URL / DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * People are synthetic: their "blind indexes" are SHA-256 hex of a person number (the real ones are
 * HMACs of the same length); each person has about three cases, some on the same topic. Prints
 * figures and a query plan; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { databaseOptionsFromEnv, DEFAULT_DATABASE_URL, findScreeningCandidates, type ScreeningPerson } from '@donthu/persistence';
import { ms, percentile } from './support/stats';

interface Options {
  cases: number;
  runs: number;
  baselineRuns: number;
  keep: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 1_000_000, runs: 500, baselineRuns: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    const value = Number((argv[++i] ?? '').replace(/[_,]/g, ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer`);
    if (flag === '--cases') options.cases = value;
    else if (flag === '--runs') options.runs = value;
    else if (flag === '--baseline-runs') options.baselineRuns = value;
    else throw new Error(`unknown option ${flag} (--cases N, --runs N, --baseline-runs N, --keep)`);
  }
  if (options.cases < 1000) throw new Error('--cases must be at least 1000');
  return options;
}

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Topics of Vietnamese letters: each person writes about one or two of them, in different words each time.
const TOPICS = [
  'Khiếu nại quyết định thu hồi đất, không đồng ý với mức bồi thường và hỗ trợ tái định cư',
  'Tố cáo cán bộ địa chính nhận tiền để hợp thức hóa đất lấn chiếm',
  'Phản ánh việc xây dựng lấn chiếm lối đi chung, gây tiếng ồn ban đêm',
  'Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng',
  'Kiến nghị xem xét chế độ chính sách người có công với cách mạng',
  'Tố cáo hiệu trưởng thu sai quy định các khoản đóng góp của phụ huynh',
  'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất cho hộ liền kề',
  'Phản ánh ô nhiễm môi trường do cơ sở sản xuất xả thải ra kênh',
];

/** The synthetic blind index of a person (`person`: a SQL expression giving their number). */
const personIndex = (field: 'id' | 'ph', person: string) => `encode(sha256(('${field}' || ${person})::bytea), 'hex')`;

async function seed(q: EntityManager, cases: number): Promise<void> {
  const people = Math.max(1, Math.floor(cases / 3));
  await q.query(`SELECT setseed(0.2711)`);
  await q.query(`CREATE TEMP TABLE topics (n int PRIMARY KEY, text text)`);
  await q.query(`INSERT INTO topics SELECT ordinality - 1, t FROM unnest($1::text[]) WITH ORDINALITY t`, [TOPICS]);
  // One row per case: its person, topic, agency, kind and status drawn once.
  await q.query(`
    CREATE UNLOGGED TABLE bench_seed AS
    WITH agencies AS (SELECT array_agg(code ORDER BY code) AS arr FROM agencies WHERE level <> 'inspectorate')
    SELECT g, gen_random_uuid() AS id, (g::bigint * 7919) % ${people} AS person,
           ((g::bigint * 7919) % ${people} + (g % 2)) % ${TOPICS.length} AS topic,
           agencies.arr[1 + floor(random() * cardinality(agencies.arr))::int] AS agency_code,
           (ARRAY['complaint', 'denunciation', 'recommendation', 'letter', 'reception'])[1 + floor(random() * 5)::int] AS kind,
           random() < 0.3 AS open, DATE '2026-11-26' - floor(random() * 1095)::int AS received_on, random() AS r
    FROM generate_series(1, ${cases}) g, agencies`);
  await q.query(`
    INSERT INTO cases (id, code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id, workflow_started_at)
    SELECT s.id, s.agency_code || '-B-' || lpad(s.g::text, 7, '0'), s.kind,
           CASE WHEN s.open THEN 'received' WHEN s.kind IN ('letter', 'reception') THEN 'filed' ELSE 'closed' END,
           s.agency_code, 'post', s.received_on, 'Đơn số ' || s.g,
           t.text || '. Gia đình tôi đã nhiều lần đề nghị nhưng chưa được giải quyết dứt điểm, đề nghị cơ quan có thẩm quyền xem xét (hồ sơ ' || s.g || ').',
           1, 'case-bench-' || s.g, now()
    FROM bench_seed s JOIN topics t ON t.n = s.topic`);
  // One party per case, sealed in name only (the bench never opens it): 90% give an ID number, 70% a phone.
  await q.query(`
    INSERT INTO case_parties (id, case_id, role, pseudonym, key_id, wrapped_key, encrypted_identity, id_number_index, phone_index)
    SELECT gen_random_uuid(), s.id, CASE s.kind WHEN 'denunciation' THEN 'denouncer' WHEN 'complaint' THEN 'complainant' ELSE 'petitioner' END,
           'BEN-' || s.g, 'bench', '\\x00'::bytea, '\\x00'::bytea,
           CASE WHEN s.r < 0.9 THEN ${personIndex('id', 's.person')} END,
           CASE WHEN s.r > 0.3 THEN ${personIndex('ph', 's.person')} END
    FROM bench_seed s`);
  await q.query(`DROP TABLE bench_seed`);
  await q.query(`ANALYZE cases`);
  await q.query(`ANALYZE case_parties`);
}

async function indexesOf(q: EntityManager, person: number): Promise<ScreeningPerson> {
  const rows: Array<{ id: string; ph: string }> = await q.query(`SELECT ${personIndex('id', String(person))} AS id, ${personIndex('ph', String(person))} AS ph`);
  return { idNumberIndexes: [rows[0]!.id], phoneIndexes: [rows[0]!.ph] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const name = `donthu_bench_screening_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...databaseOptionsFromEnv({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '2' }) });
  const drop = () => (options.keep ? Promise.resolve() : admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const interrupted = () => void drop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const q = dataSource.manager;
    const version = (await q.query<Array<{ server_version: string }>>('SHOW server_version'))[0]!.server_version;
    console.log(`Intake screening benchmark: ${options.cases.toLocaleString('en-US')} cases on PostgreSQL ${version} (database ${name})`);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const t0 = performance.now();
    await seed(runner.manager, options.cases);
    await runner.release();
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const people = Math.max(1, Math.floor(options.cases / 3));
    const text = (i: number) => ({ subject: 'Đơn khiếu nại', content: `${TOPICS[i % TOPICS.length]}, đề nghị xem xét lại` });
    const measure = async (runs: number, manager: EntityManager): Promise<{ times: number[]; found: number }> => {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < runs; i++) {
        const person = await indexesOf(manager, (i * 104_729) % people);
        const start = performance.now();
        found += (await findScreeningCandidates(manager, person, text(i))).length;
        times.push(performance.now() - start);
      }
      return { times: times.sort((a, b) => a - b), found };
    };
    await measure(20, q); // warm-up
    const ours = await measure(options.runs, q);
    console.log(
      `  with the blind-index indexes: p50 ${ms(percentile(ours.times, 50))}, p95 ${ms(percentile(ours.times, 95))}, p99 ${ms(percentile(ours.times, 99))} over ${options.runs} people (${(ours.found / options.runs).toFixed(1)} earlier cases each, compared with pg_trgm)`,
    );
    const baseline = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_indexscan = off');
      await manager.query('SET LOCAL enable_bitmapscan = off');
      return measure(options.baselineRuns, manager);
    });
    const p50 = percentile(baseline.times, 50);
    console.log(`  without index scans (sequential): p50 ${ms(p50)} over ${options.baselineRuns} people; ratio ${(p50 / percentile(ours.times, 50)).toFixed(0)}×`);

    const person = await indexesOf(q, 1);
    const plan: Array<{ 'QUERY PLAN': string }> = await q.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT p.case_id FROM case_parties p WHERE p.id_number_index = ANY($1::text[]) OR p.phone_index = ANY($2::text[])`,
      [person.idNumberIndexes, person.phoneIndexes],
    );
    console.log(`  plan of the first step (finding the person's cases):\n${plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
