import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory clocks per case (several at once), the notification outbox the escalation ladder
 * writes to, official calendar years loaded by an administrator, and the case facts that change
 * periods (remote, several sites) or link cases (a letter's contents, a second-level complaint).
 */
export class ClocksNotificationsCalendar1764150000000 implements MigrationInterface {
  name = 'ClocksNotificationsCalendar1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN remote boolean NOT NULL DEFAULT false,
        ADD COLUMN several_sites boolean NOT NULL DEFAULT false,
        ADD COLUMN parent_case_id uuid REFERENCES cases (id),
        ADD COLUMN assignee text,
        ADD COLUMN next_due_on date,
        ADD COLUMN overdue boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX cases_parent_idx ON cases (parent_case_id) WHERE parent_case_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_clocks (
        case_id uuid NOT NULL REFERENCES cases (id),
        name text NOT NULL,
        rule_id text NOT NULL,
        rule_version integer NOT NULL,
        owner text NOT NULL CHECK (owner IN ('agency', 'citizen')),
        status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
        start_date date NOT NULL,
        complex boolean NOT NULL DEFAULT false,
        extensions integer NOT NULL DEFAULT 0,
        suspensions jsonb NOT NULL DEFAULT '[]',
        due_date date NOT NULL,
        due_ignoring_provisional date NOT NULL,
        provisional boolean NOT NULL,
        milestones jsonb NOT NULL DEFAULT '[]',
        reached jsonb NOT NULL DEFAULT '[]',
        monitoring_state text NOT NULL DEFAULT 'on_track',
        explanation jsonb NOT NULL,
        calendar_version text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, name)
      )`);
    await q.query(`CREATE INDEX case_clocks_open_due_idx ON case_clocks (due_ignoring_provisional) WHERE status = 'running'`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid REFERENCES cases (id),
        -- The audit event that caused it: one notification per (event, recipient), whatever the retries.
        audit_sequence integer,
        kind text NOT NULL,
        recipient_role text NOT NULL,
        recipient_agency text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notifications_event_recipient_key UNIQUE (case_id, audit_sequence, recipient_role, recipient_agency)
      )`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2199),
        data jsonb NOT NULL,
        sha256 text NOT NULL,
        loaded_by text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_years`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE case_clocks`);
    await q.query(`ALTER TABLE cases DROP COLUMN overdue, DROP COLUMN next_due_on, DROP COLUMN assignee, DROP COLUMN parent_case_id, DROP COLUMN several_sites, DROP COLUMN remote`);
  }
}
