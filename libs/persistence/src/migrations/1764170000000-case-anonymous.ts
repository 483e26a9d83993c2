import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An anonymous denunciation is checked, never resolved as one (Luật Tố cáo 2018, Art. 25(2)). */
export class CaseAnonymous1764170000000 implements MigrationInterface {
  name = 'CaseAnonymous1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN anonymous boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN anonymous`);
  }
}
