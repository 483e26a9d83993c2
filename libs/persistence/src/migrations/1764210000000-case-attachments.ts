import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to a case: metadata and checksum here, the bytes in the attachment store. */
export class CaseAttachments1764210000000 implements MigrationInterface {
  name = 'CaseAttachments1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_attachments (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        description text CHECK (description IS NULL OR length(description) <= 1000),
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_attachments_case_idx ON case_attachments (case_id, uploaded_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_attachments`);
  }
}
