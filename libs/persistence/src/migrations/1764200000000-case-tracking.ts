import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizen tracking: one slow hash of the receipt's secret per registered case (never the secret). */
export class CaseTracking1764200000000 implements MigrationInterface {
  name = 'CaseTracking1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_tracking (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        secret_hash text NOT NULL CHECK (secret_hash LIKE '$argon2id$%'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE case_tracking IS 'Citizen tracking: argon2id hash of the receipt secret (the secret itself is never stored)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_tracking`);
  }
}
