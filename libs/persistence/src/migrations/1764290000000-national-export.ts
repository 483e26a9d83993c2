import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of the national complaints database export (docs/national-export.md): one row per
 * case event, written in the transaction that writes the event (libs/persistence/src/cases), holding
 * the record exactly as it will be sent. The unique (case, sequence) makes a retried activity write
 * it once; `position` is the order rows were written in, which is the order they are sent in
 * (within a case, the case row's lock makes it the order of the events).
 *
 * Delivery (apps/worker/src/national-export) follows the notification outbox's claim → attempt →
 * mark protocol: `sending` under a claim token and a lease, attempts and the last error kept, the
 * batch (and its idempotency key) fixed at the attempt, `exported` once the receiver said 2xx.
 */
export class NationalExport1764290000000 implements MigrationInterface {
  name = 'NationalExport1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE national_export_outbox (
        -- The record id (stable: derived from the case and the sequence; the receiver de-duplicates by it).
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        case_id uuid NOT NULL REFERENCES cases (id),
        audit_sequence integer NOT NULL,
        -- The record as sent (docs/national-export.schema.json). Never personal data.
        record jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT national_export_outbox_status_check CHECK (status IN ('pending', 'sending', 'exported')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        claim_token uuid,
        claimed_until timestamptz,
        -- The batch of the last attempt: its id is the batch's idempotency key.
        batch_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        exported_at timestamptz,
        CONSTRAINT national_export_outbox_event_key UNIQUE (case_id, audit_sequence),
        CONSTRAINT national_export_outbox_position_key UNIQUE (position),
        CONSTRAINT national_export_outbox_sending_claim_check CHECK (status <> 'sending' OR (claim_token IS NOT NULL AND claimed_until IS NOT NULL))
      )`);
    // What is still to send, in order: the claim reads the head of this index.
    await q.query(`CREATE INDEX national_export_outbox_waiting_idx ON national_export_outbox (position) WHERE status <> 'exported'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE national_export_outbox`);
  }
}
