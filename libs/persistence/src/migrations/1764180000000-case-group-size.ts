import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How many citizens came or signed (đông người: Luật TCD Art. 29 representatives; priority monitoring). */
export class CaseGroupSize1764180000000 implements MigrationInterface {
  name = 'CaseGroupSize1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN group_size integer NOT NULL DEFAULT 1 CHECK (group_size >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN group_size`);
  }
}
