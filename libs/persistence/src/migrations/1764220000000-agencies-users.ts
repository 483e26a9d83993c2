import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A sample province (Hà Nội, with a second one) after the 2025 reorganisation: editable by an administrator. */
const SAMPLE_AGENCIES: Array<[code: string, name: string, level: string, parent: string | null]> = [
  ['CP', 'Chính phủ', 'government', null],
  ['TTCP', 'Thanh tra Chính phủ', 'inspectorate', 'CP'],
  ['BO-TNMT', 'Bộ Nông nghiệp và Môi trường', 'ministry', 'CP'],
  ['UBND-HN', 'Ủy ban nhân dân thành phố Hà Nội', 'province', 'CP'],
  ['TTR-HN', 'Thanh tra thành phố Hà Nội', 'inspectorate', 'UBND-HN'],
  ['SO-TNMT-HN', 'Sở Nông nghiệp và Môi trường Hà Nội', 'department', 'UBND-HN'],
  ['SO-TNMT-HN-CCQLDD', 'Chi cục Quản lý đất đai (Sở Nông nghiệp và Môi trường)', 'department_unit', 'SO-TNMT-HN'],
  ['SO-XD-HN', 'Sở Xây dựng Hà Nội', 'department', 'UBND-HN'],
  ['UBND-PHUONG-HK', 'Ủy ban nhân dân phường Hoàn Kiếm', 'commune', 'UBND-HN'],
  ['UBND-PHUONG-BD', 'Ủy ban nhân dân phường Ba Đình', 'commune', 'UBND-HN'],
  ['UBND-XA-SS', 'Ủy ban nhân dân xã Sóc Sơn', 'commune', 'UBND-HN'],
  // A second province, so that "another agency's case" and "another inspectorate" exist in every environment.
  ['UBND-DN', 'Ủy ban nhân dân thành phố Đà Nẵng', 'province', 'CP'],
  ['TTR-DN', 'Thanh tra thành phố Đà Nẵng', 'inspectorate', 'UBND-DN'],
  ['UBND-PHUONG-HC', 'Ủy ban nhân dân phường Hải Châu', 'commune', 'UBND-DN'],
];

/**
 * Agencies as a hierarchy (routing, escalation, who sees what), local user accounts with
 * lockout, rotating refresh tokens, and the pending transfer's target on the case row (the
 * receiving agency must see the case to take it or return it).
 */
export class AgenciesUsers1764220000000 implements MigrationInterface {
  name = 'AgenciesUsers1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
        name text NOT NULL,
        level text NOT NULL,
        parent_code text REFERENCES agencies (code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [code, name, level, parent] of SAMPLE_AGENCIES) {
      await q.query(`INSERT INTO agencies (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [code, name, level, parent]);
    }
    await q.query(`
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        agency_code text NOT NULL REFERENCES agencies (code),
        disabled boolean NOT NULL DEFAULT false,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_key UNIQUE (username)
      )`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL REFERENCES users (id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`ALTER TABLE cases ADD COLUMN transfer_to text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN transfer_to`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE agencies`);
  }
}
