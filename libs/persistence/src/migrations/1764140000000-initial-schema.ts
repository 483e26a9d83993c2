import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, parties, the append-only hash-chained audit trail (one chain per stream: a case, the calendar…), race-free case codes, idempotency keys. */
export class InitialSchema1764140000000 implements MigrationInterface {
  name = 'InitialSchema1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        agency_code text NOT NULL,
        channel text NOT NULL,
        received_on date NOT NULL,
        subject text NOT NULL,
        content text NOT NULL,
        respondent_body text,
        last_sequence integer NOT NULL CHECK (last_sequence >= 1),
        workflow_id text NOT NULL,
        workflow_started_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_code_key UNIQUE (code),
        CONSTRAINT cases_workflow_id_key UNIQUE (workflow_id)
      )`);
    await q.query(`CREATE INDEX cases_pending_workflow_idx ON cases (created_at) WHERE workflow_started_at IS NULL`);
    await q.query(`CREATE INDEX cases_agency_status_idx ON cases (agency_code, status)`);

    await q.query(`
      CREATE TABLE case_parties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        role text NOT NULL,
        full_name text NOT NULL,
        address text,
        phone text,
        email text,
        id_number text
      )`);
    await q.query(`CREATE INDEX case_parties_case_idx ON case_parties (case_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stream_type text NOT NULL,
        stream_id text NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        type text NOT NULL,
        actor text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT audit_events_stream_sequence_key UNIQUE (stream_type, stream_id, sequence)
      )`);
    // The trail is append-only: corrections are new events, never edits.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE case_code_sequences (
        agency_code text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (agency_code, year)
      )`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE case_code_sequences`);
    await q.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE case_parties`);
    await q.query(`DROP TABLE cases`);
  }
}
