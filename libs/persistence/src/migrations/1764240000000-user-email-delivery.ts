import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail delivery of the notification outbox: staff accounts get an e-mail address, and each
 * notification row gets what the claim → send → mark protocol needs (apps/worker/src/notifications):
 * a `sending` state held under a lease by one claim token, the Message-ID fixed at the first
 * attempt (a re-send after an interrupted attempt reuses it), the next retry's time, and the users
 * the last attempt was addressed to.
 */
export class UserEmailDelivery1764240000000 implements MigrationInterface {
  name = 'UserEmailDelivery1764240000000';

  async up(q: QueryRunner): Promise<void> {
    // A staff member's work address (contact data of an official, never a citizen's); null: no e-mail is sent to them.
    await q.query(`ALTER TABLE users ADD COLUMN email text CONSTRAINT users_email_check CHECK (email ~ '^[^@\\s<>",]+@[^@\\s<>",]+$')`);

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed'))`);
    await q.query(`
      ALTER TABLE notifications
        -- When a failed attempt may be retried (null: at once).
        ADD COLUMN next_attempt_at timestamptz,
        -- The round that holds the row while it is 'sending', and until when (a lease: after it, another round may take the row over).
        ADD COLUMN claim_token uuid,
        ADD COLUMN claimed_until timestamptz,
        ADD COLUMN last_attempt_at timestamptz,
        -- Fixed before the first send; every later send of the row carries the same one.
        ADD COLUMN message_id text CONSTRAINT notifications_message_id_key UNIQUE,
        -- The users (ids) the last attempt was addressed to.
        ADD COLUMN recipient_user_ids text[],
        ADD CONSTRAINT notifications_sending_claim_check CHECK (status <> 'sending' OR (claim_token IS NOT NULL AND claimed_until IS NOT NULL))`);
    await q.query(`CREATE INDEX notifications_sending_idx ON notifications (claimed_until) WHERE status = 'sending'`);
    await q.query(`CREATE INDEX notifications_failed_idx ON notifications (created_at) WHERE status = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_failed_idx`);
    await q.query(`DROP INDEX notifications_sending_idx`);
    // A row caught mid-send goes back to the queue (its Message-ID column goes with this migration).
    await q.query(`UPDATE notifications SET status = 'pending' WHERE status = 'sending'`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_sending_claim_check,
        DROP COLUMN recipient_user_ids,
        DROP COLUMN message_id,
        DROP COLUMN last_attempt_at,
        DROP COLUMN claimed_until,
        DROP COLUMN claim_token,
        DROP COLUMN next_attempt_at`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed'))`);
    await q.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
