import type { EntityManager } from 'typeorm';
import { SIMILAR_CONTENT, type CaseKind, type CaseStatus, type EarlierCase, type IdentityField } from '@donthu/domain';

/** The blind indexes of the people on the case being screened (libs/vault; never plain values). */
export interface ScreeningPerson {
  idNumberIndexes: readonly string[];
  phoneIndexes: readonly string[];
}

export interface ScreeningText {
  subject: string;
  content: string;
}

/** How many earlier cases of the same people are compared at most (the most recent). */
export const MAX_SCREENING_CANDIDATES = 200;

/** Only the start of long letters is compared: enough to tell a repeat, bounded work per case. */
const COMPARED_CHARS = 8000;

interface Row {
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  agency_code: string;
  received_on: string;
  overdue: boolean;
  parent_code: string | null;
  denouncer: boolean;
  by_id_number: boolean;
  by_phone: boolean;
  similarity: number;
  containment: number;
}

/**
 * Earlier cases that share a person with the case being screened, with their content scores.
 *
 * Index-driven, in two steps: the people's blind indexes find their party rows through the
 * partial indexes on case_parties.id_number_index / phone_index (a bitmap OR of two index scans,
 * a handful of rows per person whatever the number of cases), and only those cases (at most
 * MAX_SCREENING_CANDIDATES, the most recent) are read and compared with pg_trgm over
 * `search_fold` (migration 1764250000000-case-search; stored cases use its `search_document`): `similarity` of the two texts, and the
 * `word_similarity` of the shorter within the longer (a letter that repeats an earlier one and
 * adds new facts), the latter only when the shorter has SIMILAR_CONTENT.minContainedChars.
 * Nothing is compared for a person without an ID number or phone (names have no blind index).
 */
export async function findScreeningCandidates(manager: EntityManager, person: ScreeningPerson, text: ScreeningText): Promise<EarlierCase[]> {
  if (person.idNumberIndexes.length === 0 && person.phoneIndexes.length === 0) return [];
  const rows: Row[] = await manager.query(
    `WITH hits AS (
       SELECT p.case_id,
              bool_or(p.role = 'denouncer') AS denouncer,
              bool_or(p.id_number_index = ANY($1::text[])) AS by_id_number,
              bool_or(p.phone_index = ANY($2::text[])) AS by_phone
         FROM case_parties p
        WHERE p.id_number_index = ANY($1::text[]) OR p.phone_index = ANY($2::text[])
        GROUP BY p.case_id
     ), earlier AS (
       SELECT c.code, c.kind, c.status, c.agency_code, c.received_on, c.overdue, c.parent_case_id, h.denouncer, h.by_id_number, h.by_phone,
              left(c.search_document, $4) AS folded
         FROM hits h JOIN cases c ON c.id = h.case_id
        ORDER BY c.received_on DESC, c.id
        LIMIT $5
     ), subject AS (
       SELECT left(search_fold($3), $4) AS folded
     )
     SELECT e.code, e.kind, e.status, e.agency_code, to_char(e.received_on, 'YYYY-MM-DD') AS received_on, e.overdue, parent.code AS parent_code,
            e.denouncer, e.by_id_number, e.by_phone,
            coalesce(similarity(s.folded, e.folded), 0)::float8 AS similarity,
            (CASE WHEN least(length(s.folded), length(e.folded)) < $6 THEN 0
                  WHEN length(s.folded) <= length(e.folded) THEN word_similarity(s.folded, e.folded)
                  ELSE word_similarity(e.folded, s.folded) END)::float8 AS containment
       FROM earlier e CROSS JOIN subject s
       LEFT JOIN cases parent ON parent.id = e.parent_case_id
      ORDER BY e.received_on DESC, e.code`,
    [person.idNumberIndexes, person.phoneIndexes, `${text.subject} ${text.content}`, COMPARED_CHARS, MAX_SCREENING_CANDIDATES, SIMILAR_CONTENT.minContainedChars],
  );
  return rows.map((r) => {
    const matchedOn: IdentityField[] = [...(r.by_id_number ? (['id_number'] as const) : []), ...(r.by_phone ? (['phone'] as const) : [])];
    return {
      code: r.code,
      kind: r.kind,
      status: r.status,
      agencyCode: r.agency_code,
      receivedOn: r.received_on,
      overdue: r.overdue,
      parentCaseCode: r.parent_code,
      similarity: Number(r.similarity),
      containment: Number(r.containment),
      sharedPersons: [{ denouncer: r.denouncer, matchedOn }],
    };
  });
}
