import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv, MIGRATIONS } from '@donthu/persistence';
import { CaseSearch1764250000000 } from '../../libs/persistence/src/migrations/1764250000000-case-search';
import { CasePriorityFlags1764260000000 } from '../../libs/persistence/src/migrations/1764260000000-case-priority-flags';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';

/**
 * Migrations 1764250000000-case-search and 1764260000000-case-priority-flags on the real
 * PostgreSQL: the folding function, the generated search column and its index, the backfill of
 * the priority flags existing cases already imply, and both `down`s.
 */
describe('case search and priority flag migrations (real PostgreSQL)', () => {
  let db: ThrowawayDatabase;
  let dataSource: DataSource;
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CaseSearch1764250000000));

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    // The schema as it was before these migrations, with cases whose facts imply flags.
    const old = new DataSource({ ...databaseOptionsFromEnv({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '1' }), migrations: before });
    await old.initialize();
    await old.runMigrations();
    const insertCase = async (code: string, groupSize: number, subject: string): Promise<string> =>
      (
        await old.query(
          `INSERT INTO cases (code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id, group_size)
           VALUES ($1, 'complaint', 'accepted', 'UBND-HN', 'post', '2026-01-05', $2, 'Nội dung', 2, 'case-' || $1, $3) RETURNING id`,
          [code, subject, groupSize],
        )
      )[0].id;
    const insertClock = (caseId: string, over: { complex?: boolean; extensions?: number; reached?: string[] }) =>
      old.query(
        `INSERT INTO case_clocks (case_id, name, rule_id, rule_version, owner, status, start_date, complex, extensions, due_date, due_ignoring_provisional, provisional, reached, explanation, calendar_version)
         VALUES ($1, 'resolution', 'KN-03', 1, 'agency', 'running', '2026-01-10', $2, $3, '2026-02-09', '2026-02-09', false, $4, '[]', 'v1')`,
        [caseId, over.complex ?? false, over.extensions ?? 0, JSON.stringify(over.reached ?? [])],
      );
    await insertCase('UBND-HN-2026-000001', 1, 'Không có cờ');
    await insertCase('UBND-HN-2026-000002', 5, 'Nhóm năm người');
    await insertCase('UBND-HN-2026-000003', 4, 'Nhóm bốn người');
    await insertClock(await insertCase('UBND-HN-2026-000004', 12, 'Phức tạp, đông người'), { complex: true });
    await insertClock(await insertCase('UBND-HN-2026-000005', 1, 'Tố cáo gia hạn'), { extensions: 1 });
    await insertClock(await insertCase('UBND-HN-2026-000006', 1, 'Quá hạn gấp đôi'), { reached: ['due_soon', 'overdue', 'very_overdue'] });
    await insertClock(await insertCase('UBND-HN-2026-000007', 1, 'Mới quá hạn'), { reached: ['due_soon', 'overdue'] });
    await old.destroy();

    dataSource = new DataSource(databaseOptionsFromEnv({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: '2' }));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const fold = async (text: string): Promise<string> => (await dataSource.query(`SELECT search_fold($1) AS folded`, [text]))[0].folded;

  it('folds Vietnamese diacritics, đ and letter case away, whether typed precomposed or with combining marks', async () => {
    expect(await fold('Tranh chấp ĐẤT ĐAI ở phường Đống Đa')).toBe('tranh chap dat dai o phuong dong da');
    expect(await fold('Bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất')).toBe('boi thuong, ho tro, tai dinh cu khi nha nuoc thu hoi dat');
    expect(await fold('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ ĂÂÊÔƠƯ')).toBe('aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy aaeoou');
    expect(await fold('đất đai'.normalize('NFD'))).toBe('dat dai');
    expect(await fold('123/QĐ-UBND')).toBe('123/qd-ubnd');
  });

  it('keeps the search column equal to the folded subject and content on every write, and nothing else', async () => {
    const [row] = await dataSource.query(`SELECT search_document FROM cases WHERE code = 'UBND-HN-2026-000004'`);
    expect(row.search_document).toBe('phuc tap, dong nguoi noi dung');
    await dataSource.query(`UPDATE cases SET content = 'Khiếu nại về đền bù đất' WHERE code = 'UBND-HN-2026-000004'`);
    const [updated] = await dataSource.query(`SELECT search_document FROM cases WHERE code = 'UBND-HN-2026-000004'`);
    expect(updated.search_document).toBe('phuc tap, dong nguoi khieu nai ve den bu dat');
    await expect(dataSource.query(`UPDATE cases SET search_document = 'x'`)).rejects.toThrow(/can only be updated to DEFAULT/);
  });

  it('answers a word search from the trigram index, and lists flagged cases from the partial indexes', async () => {
    const runner = dataSource.createQueryRunner();
    const explain = async (sql: string, params: unknown[]) => ((await runner.query(`EXPLAIN ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
    await runner.startTransaction();
    try {
      // Flagged cases are a small part of all cases: 3 000 unflagged ones around the fixture's (rolled back after).
      await runner.query(
        `INSERT INTO cases (code, kind, status, agency_code, channel, received_on, subject, content, last_sequence, workflow_id, next_due_on)
         SELECT 'UBND-HN-2025-' || lpad(i::text, 6, '0'), 'complaint', 'received', 'UBND-HN', 'post', '2025-06-01', 'Vụ việc ' || i, 'Nội dung', 1, 'case-' || i, DATE '2026-12-01' + i % 60
         FROM generate_series(1, 3000) i`,
      );
      await runner.query('ANALYZE cases');
      // The trigram index is worth it only on more text than this: without that option the plan shows what the indexes can answer.
      await runner.query('SET LOCAL enable_seqscan = off');
      expect(await explain(`SELECT id FROM cases WHERE search_document LIKE '%' || search_fold($1::text) || '%'`, ['đất'])).toContain('cases_search_document_trgm_idx');
      expect(
        await explain(
          `SELECT id FROM cases WHERE agency_code = ANY($1::text[]) AND priority_flags <> '{}'::text[] ORDER BY COALESCE(next_due_on, 'infinity'::date), code COLLATE "C" LIMIT 10`,
          [['UBND-HN']],
        ),
      ).toMatch(/cases_priority_(agency_)?inbox_idx/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('gives existing cases the flags their recorded facts imply: group of 5 or more, resolution found complex or extended, resolution very overdue', async () => {
    const rows: Array<{ code: string; priority_flags: string[] }> = await dataSource.query(`SELECT code, priority_flags FROM cases ORDER BY code`);
    expect(Object.fromEntries(rows.map((r) => [r.code, r.priority_flags]))).toEqual({
      'UBND-HN-2026-000001': [],
      'UBND-HN-2026-000002': ['large_group'],
      'UBND-HN-2026-000003': [],
      'UBND-HN-2026-000004': ['large_group', 'complex'],
      'UBND-HN-2026-000005': ['complex'],
      'UBND-HN-2026-000006': ['prolonged'],
      'UBND-HN-2026-000007': [],
    });
    await expect(dataSource.query(`UPDATE cases SET priority_flags = '{urgent}' WHERE code = 'UBND-HN-2026-000001'`)).rejects.toThrow(/cases_priority_flags_known/);
  });

  it('undoes both migrations and applies them again', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new CasePriorityFlags1764260000000().down(runner);
      await new CaseSearch1764250000000().down(runner);
      const columns: Array<{ column_name: string }> = await runner.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND column_name IN ('search_document', 'priority_flags')`,
      );
      expect(columns).toEqual([]);
      expect(await runner.query(`SELECT proname FROM pg_proc WHERE proname = 'search_fold'`)).toEqual([]);
      await new CaseSearch1764250000000().up(runner);
      await new CasePriorityFlags1764260000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await fold('Đất')).toBe('dat');
    const [row] = await dataSource.query(`SELECT priority_flags FROM cases WHERE code = 'UBND-HN-2026-000004'`);
    expect(row.priority_flags).toEqual(['large_group', 'complex']);
  });
});
