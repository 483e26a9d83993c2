import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily digest per officer, and the index of the notification list (GET /api/v1/notifications).
 *
 * The daily digest per officer (apps/worker/src/notifications/daily-digest): a notification row
 * addressed to one user for one local date. The unique (user, date) makes the scheduled producer
 * safe to run again (a retried activity, a second schedule firing, a restarted worker): a user gets
 * at most one digest a day, and the outbox's claim → send → mark protocol sends it once.
 */
export class DailyDigest1764290000001 implements MigrationInterface {
  name = 'DailyDigest1764290000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        -- Set when the row is for one user (a digest), not for a role in an agency.
        ADD COLUMN recipient_user_id text REFERENCES users (id),
        -- The local date (Asia/Ho_Chi_Minh) a digest is for.
        ADD COLUMN digest_date date,
        ADD CONSTRAINT notifications_digest_recipient_check CHECK (digest_date IS NULL OR recipient_user_id IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX notifications_digest_key ON notifications (recipient_user_id, digest_date) WHERE digest_date IS NOT NULL`);
    // GET /api/v1/notifications: an agency's (a jurisdiction's) notifications, newest first.
    await q.query(`CREATE INDEX notifications_recipient_agency_idx ON notifications (recipient_agency, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_recipient_agency_idx`);
    await q.query(`DROP INDEX notifications_digest_key`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_digest_recipient_check, DROP COLUMN digest_date, DROP COLUMN recipient_user_id`);
  }
}
