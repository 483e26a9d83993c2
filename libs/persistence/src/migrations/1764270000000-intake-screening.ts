import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake screening (issue #7 item 5): duplicates, repeats and bypassed levels found before a case
 * is accepted (libs/domain/src/intake-screening, libs/persistence/src/intake-screening).
 *
 * - Earlier cases are found by the blind indexes of the person (case_parties.id_number_index,
 *   phone_index: the partial indexes of migration 1764190000000), never by plain identity; the
 *   content of only those few cases is then compared with pg_trgm (`similarity`,
 *   `word_similarity`) over `cases.search_document`, the folded subject and content that
 *   migration 1764250000000-case-search keeps (`search_fold`: lower case, no diacritics, đ → d).
 *   No further index is needed: a text is never searched for here, only compared with the
 *   person's own earlier cases.
 * - `case_screenings`: what the intake officer was shown when the case was registered (one row
 *   per case registered through the api, written in the registration's transaction; no row: the
 *   case was not screened, e.g. a letter's parts or a case registered before this migration).
 *   Case codes, scores, labels and citations only: never a party's data.
 *
 */
export class IntakeScreening1764270000000 implements MigrationInterface {
  name = 'IntakeScreening1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_screenings (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        screened_at timestamptz NOT NULL DEFAULT now(),
        findings jsonb NOT NULL CHECK (jsonb_typeof(findings) = 'array')
      )`);
    await q.query(`COMMENT ON TABLE case_screenings IS 'Intake screening findings shown when the case was registered: case codes, scores, citations; never personal data'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_screenings`);
  }
}
