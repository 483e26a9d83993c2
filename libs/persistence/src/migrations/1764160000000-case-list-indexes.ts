import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the case list (GET /api/v1/cases), the officer's inbox: nearest deadline first,
 * cases without a running clock last, the code as tie-breaker.
 *
 * The sort key is `COALESCE(next_due_on, 'infinity')`, not `next_due_on NULLS LAST`: the order is
 * the same, but a single non-null key lets keyset pagination seek with one row comparison
 * `(key, code) > (:key, :code)` that the index answers directly; with a nullable key the "or the
 * rest of the nulls" branch turns every page into a scan from the first row. Codes compare in the
 * "C" collation (byte order): the same order on every server, whatever its locale, and a locale
 * such as en_US would ignore the dashes of a code. The expressions here
 * must stay identical to the ones in apps/api/src/cases/list-cases/list-cases.repository.ts, or the
 * planner will not use them.
 */
export class CaseListIndexes1764160000000 implements MigrationInterface {
  name = 'CaseListIndexes1764160000000';

  async up(q: QueryRunner): Promise<void> {
    // The unfiltered inbox (an inspectorate's view), `dueBefore`, and kind/status filters on top.
    await q.query(`CREATE INDEX cases_inbox_idx ON cases ((COALESCE(next_due_on, 'infinity'::date)), code COLLATE "C")`);
    // One agency's cases in one status, in inbox order. Its (agency_code, status) prefix serves
    // every query the old cases_agency_status_idx served, which would only cost writes now.
    await q.query(`CREATE INDEX cases_agency_status_inbox_idx ON cases (agency_code, status, (COALESCE(next_due_on, 'infinity'::date)), code COLLATE "C")`);
    await q.query(`DROP INDEX cases_agency_status_idx`);
    // Overdue cases are (should be) few and are what the inspectorate looks at first.
    await q.query(`CREATE INDEX cases_overdue_inbox_idx ON cases ((COALESCE(next_due_on, 'infinity'::date)), code COLLATE "C") WHERE overdue`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_overdue_inbox_idx`);
    await q.query(`CREATE INDEX cases_agency_status_idx ON cases (agency_code, status)`);
    await q.query(`DROP INDEX cases_agency_status_inbox_idx`);
    await q.query(`DROP INDEX cases_inbox_idx`);
  }
}
