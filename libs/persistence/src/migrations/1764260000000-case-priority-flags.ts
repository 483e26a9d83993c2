import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Priority monitoring (legal-rules.md §4: large-group, complex, prolonged and land-acquisition
 * cases are flagged; issue #7): `cases.priority_flags`, the flags of PRIORITY_FLAGS
 * (libs/domain/src/case/priority-flags.ts) in that order, written at intake and by the workflow's
 * activities with their audit events.
 *
 * Existing cases get the flags their recorded facts already imply (the same derivations as the
 * domain's, as of this migration): a group of 5 or more (large_group, Luật TCD Art. 29; the group
 * size is in the registration event), a resolution period extended or found complex (complex), a
 * resolution clock that reached very_overdue (prolonged). Each of those facts is in the case's
 * audit trail already; the flag is their projection.
 *
 * The priority list (GET /api/v1/monitoring/priority) reads flagged cases in inbox order (nearest
 * deadline first, the same key as migration 1764160000000-case-list-indexes). Flagged cases are a
 * small part of all cases: partial indexes hold only them, for a jurisdiction (agency first) and
 * for the whole country. The predicate `priority_flags <> '{}'` and the expressions must stay
 * identical to the ones in apps/api/src/cases/list-cases/list-cases.repository.ts.
 */
export class CasePriorityFlags1764260000000 implements MigrationInterface {
  name = 'CasePriorityFlags1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases ADD COLUMN priority_flags text[] NOT NULL DEFAULT '{}'
        CONSTRAINT cases_priority_flags_known CHECK (priority_flags <@ ARRAY['large_group', 'complex', 'prolonged', 'land']::text[])`);
    // The indexes before the backfill: built after it, over the rows it just updated in place, an
    // index would stay unusable to every transaction older than this one (pg_index.indcheckxmin).
    await q.query(`
      CREATE INDEX cases_priority_agency_inbox_idx ON cases (agency_code, (COALESCE(next_due_on, 'infinity'::date)), code COLLATE "C")
      WHERE priority_flags <> '{}'::text[]`);
    await q.query(`
      CREATE INDEX cases_priority_inbox_idx ON cases ((COALESCE(next_due_on, 'infinity'::date)), code COLLATE "C")
      WHERE priority_flags <> '{}'::text[]`);
    await q.query(`UPDATE cases SET priority_flags = priority_flags || 'large_group'::text WHERE group_size >= 5`);
    await q.query(`
      UPDATE cases c SET priority_flags = c.priority_flags || 'complex'::text
      WHERE EXISTS (SELECT 1 FROM case_clocks cc WHERE cc.case_id = c.id AND cc.name = 'resolution' AND (cc.complex OR cc.extensions > 0))`);
    await q.query(`
      UPDATE cases c SET priority_flags = c.priority_flags || 'prolonged'::text
      WHERE EXISTS (SELECT 1 FROM case_clocks cc WHERE cc.case_id = c.id AND cc.name = 'resolution' AND cc.reached ? 'very_overdue')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_priority_inbox_idx`);
    await q.query(`DROP INDEX cases_priority_agency_inbox_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN priority_flags`);
  }
}
