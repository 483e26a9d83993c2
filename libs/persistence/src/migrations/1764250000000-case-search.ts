import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over a case's subject and content, in Vietnamese with or without diacritics
 * (issue #7: "dat dai" finds "đất đai"), for GET /api/v1/cases?q=.
 *
 * - `search_fold(text)` folds what people type differently: diacritics (unaccent, whose rules map
 *   every Vietnamese vowel with its marks, precomposed or combining, to the bare letter; đ/Đ are
 *   mapped to d first, explicitly, so the result does not depend on a server's unaccent.rules) and
 *   letter case. `unaccent(text)` is only STABLE (it reads its dictionary from the search path);
 *   calling it with the dictionary named, schema-qualified, makes the result depend on the text
 *   alone, so the wrapper may be IMMUTABLE and used in a generated column and an index.
 * - `cases.search_document` is the folded subject and content, `cases.search_subject` the folded
 *   subject alone, kept by PostgreSQL itself on every write (generated columns: the application
 *   never writes them, the entity does not map them). Only subject and content: parties
 *   (petitioners, denouncers, representatives) live encrypted in case_parties and are never part
 *   of them (Luật Tố cáo 2018, Điều 47–48: never in search indexes).
 * - a trigram GIN index on the document answers `LIKE '%word%'` for each word of the query (words
 *   of three or more letters use it). Results are ranked by `word_similarity` of the query to the
 *   subject: on the whole document it costs 15 times more (200 000 cases, 40 000 matches of
 *   "dat dai" in a jurisdiction: 1.3 s against 90 ms of ranking on one core).
 *
 * The expression `search_fold(...)` and the column must stay as in
 * apps/api/src/cases/list-cases/list-cases.repository.ts. The extensions are trusted (PostgreSQL
 * 13+): a database owner may create them. PGlite (npm start) loads them (infra/dev/embedded-postgres.mjs).
 */
export class CaseSearch1764250000000 implements MigrationInterface {
  name = 'CaseSearch1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Wherever the extensions live (an existing installation may keep them in their own schema).
    const unaccent = await extensionSchema(q, 'unaccent');
    const trgm = await extensionSchema(q, 'pg_trgm');
    await q.query(`
      CREATE FUNCTION search_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(${unaccent}.unaccent('${unaccent}.unaccent'::regdictionary, translate($1, 'đĐ', 'dD'))) $$`);
    await q.query(`COMMENT ON FUNCTION search_fold(text) IS 'Lower case, without diacritics (đ → d): the form case search compares'`);
    await q.query(`ALTER TABLE cases ADD COLUMN search_document text GENERATED ALWAYS AS (search_fold(subject || ' ' || content)) STORED`);
    await q.query(`COMMENT ON COLUMN cases.search_document IS 'search_fold(subject || '' '' || content), kept by PostgreSQL; never parties or other personal fields'`);
    await q.query(`ALTER TABLE cases ADD COLUMN search_subject text GENERATED ALWAYS AS (search_fold(subject)) STORED`);
    await q.query(`COMMENT ON COLUMN cases.search_subject IS 'search_fold(subject), kept by PostgreSQL: search results are ranked by it'`);
    await q.query(`CREATE INDEX cases_search_document_trgm_idx ON cases USING gin (search_document ${trgm}.gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_search_document_trgm_idx`);
    await q.query(`ALTER TABLE cases DROP COLUMN search_subject, DROP COLUMN search_document`);
    await q.query(`DROP FUNCTION search_fold(text)`);
    // The extensions stay: they may have existed before, and other objects may use them.
  }
}

async function extensionSchema(q: QueryRunner, extension: string): Promise<string> {
  const rows = (await q.query(
    `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1`,
    [extension],
  )) as Array<{ schema: string }>;
  if (!rows[0]) throw new Error(`extension ${extension} is not installed`);
  return rows[0].schema;
}
