import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracking secrets are kept as a keyed HMAC tag (`hmac-sha256:v1:<64 hex>`, see
 * apps/api/src/tracking/tracking-secret.ts) instead of an argon2id hash; rows written before keep
 * their argon2id hash, which still verifies. The check still refuses anything that is neither.
 */
export class TrackingSecretTag1764300000000 implements MigrationInterface {
  name = 'TrackingSecretTag1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_tracking DROP CONSTRAINT case_tracking_secret_hash_check`);
    await q.query(`ALTER TABLE case_tracking ADD CONSTRAINT case_tracking_secret_hash_check CHECK (secret_hash LIKE '$argon2id$%' OR secret_hash ~ '^hmac-sha256:v1:[0-9a-f]{64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Only possible while no keyed tag has been written.
    await q.query(`ALTER TABLE case_tracking DROP CONSTRAINT case_tracking_secret_hash_check`);
    await q.query(`ALTER TABLE case_tracking ADD CONSTRAINT case_tracking_secret_hash_check CHECK (secret_hash LIKE '$argon2id$%')`);
  }
}
