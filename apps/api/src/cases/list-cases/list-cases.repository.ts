import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CASE_KINDS, lifecycleOf, type CaseKind, type CaseStatus, type PriorityFlag } from '@donthu/domain';
import { CaseEntity } from '@donthu/persistence';
import type { CaseListPosition, CaseSearchPosition } from './case-list-cursor';

export interface CaseListFilters {
  kind?: CaseKind;
  status?: CaseStatus;
  agency?: string;
  /** next_due_on ≤ this local date (cases without a running clock never match). */
  dueBefore?: string;
  overdue?: boolean;
  /** Search text: every word must occur in the subject or content, diacritics and case aside. */
  q?: string;
  /** Only cases flagged for priority monitoring: with this flag, or with any. */
  priority?: PriorityFlag | 'any';
  /** Only cases still open (not in a terminal status of their kind's lifecycle). */
  open?: boolean;
}

/**
 * Which cases the caller may see at all. `agencyCodes` undefined means every agency (until the
 * access-control issue, every request); an empty list means none, never "all".
 */
export interface CaseListScope {
  agencyCodes?: readonly string[];
}

export interface CaseListPage {
  rows: CaseEntity[];
  /** Where the next page starts; null on the last page. */
  next: CaseListPosition | CaseSearchPosition | null;
}

// The inbox sort key: nearest deadline first, no deadline last, then the code in byte order. The
// same expressions as the indexes of migration 1764160000000-case-list-indexes (the planner
// matches them by expression and collation).
const DUE_KEY = `COALESCE(c.next_due_on, 'infinity'::date)`;
const CODE_KEY = `c.code COLLATE "C"`;
const INFINITY = 'infinity';

// Search (migration 1764250000000-case-search): `search_document` is search_fold(subject || ' ' ||
// content), kept by PostgreSQL; its trigram index answers each word's LIKE. Relevance is the word
// similarity (pg_trgm) of the folded query to the folded subject: 1 when every word of the query
// is a whole word of the subject, less for parts of words or for matches in the content only.
const SCORE = `word_similarity(search_fold(CAST(:searchText AS text)), c.search_subject)`;
// Partial indexes of migration 1764260000000-case-priority-flags hold only flagged cases.
const FLAGGED = `c.priority_flags <> '{}'::text[]`;
/** Every (kind, status) that ends a case, from the lifecycle tables: `open` leaves them out. */
const TERMINAL = CASE_KINDS.flatMap((kind) => lifecycleOf(kind).terminal.map((status) => `${kind}:${status}`));

/**
 * The words of a search, as typed (PostgreSQL folds them with the same function as the
 * documents): split at anything that is not a letter, a combining mark or a digit, so that no
 * LIKE wildcard or escape ever reaches a pattern. Composed first, so that "đất" typed with
 * combining marks is one word.
 */
export function searchWords(q: string): string[] {
  return [...new Set(q.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)))];
}

/**
 * One page of cases in inbox order (`next_due_on ASC NULLS LAST, code ASC`), by keyset: the page
 * starts strictly after `after`, so a page is the same whatever was inserted before it, and a case
 * is never shown twice or skipped while its sort key does not change between pages.
 */
export async function findCasePage(
  manager: EntityManager,
  filters: CaseListFilters,
  page: { limit: number; after?: CaseListPosition | CaseSearchPosition },
  scope: CaseListScope = {},
): Promise<CaseListPage> {
  const query = manager.createQueryBuilder(CaseEntity, 'c');
  if (scope.agencyCodes !== undefined) query.andWhere('c.agency_code = ANY(:scopeAgencies)', { scopeAgencies: [...scope.agencyCodes] });
  if (filters.kind !== undefined) query.andWhere('c.kind = :kind', { kind: filters.kind });
  if (filters.status !== undefined) query.andWhere('c.status = :status', { status: filters.status });
  if (filters.agency !== undefined) query.andWhere('c.agency_code = :agency', { agency: filters.agency });
  if (filters.dueBefore !== undefined) query.andWhere('c.next_due_on <= CAST(:dueBefore AS date)', { dueBefore: filters.dueBefore });
  if (filters.overdue !== undefined) query.andWhere('c.overdue = :overdue', { overdue: filters.overdue });
  if (filters.priority !== undefined) query.andWhere(FLAGGED);
  if (filters.priority !== undefined && filters.priority !== 'any') query.andWhere(':priority = ANY(c.priority_flags)', { priority: filters.priority });
  if (filters.open === true) query.andWhere(`(c.kind || ':' || c.status) <> ALL(:terminal)`, { terminal: TERMINAL });
  if (filters.q !== undefined) return searchPage(query, filters.q, page);
  if (page.after && 'score' in page.after) throw new Error('a search cursor was passed to a list without q');
  if (page.after) {
    query.andWhere(`(${DUE_KEY}, ${CODE_KEY}) > (CAST(:afterDue AS date), CAST(:afterCode AS text))`, {
      afterDue: page.after.nextDueOn ?? INFINITY,
      afterCode: page.after.code,
    });
  }
  // One row more than asked tells whether there is a next page without a second query.
  const rows = await query.orderBy(DUE_KEY, 'ASC').addOrderBy(CODE_KEY, 'ASC').limit(page.limit + 1).getMany();
  if (rows.length <= page.limit) return { rows, next: null };
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1]!;
  return { rows: shown, next: { nextDueOn: last.nextDueOn, code: last.code } };
}

/**
 * One page of search results, most relevant first, then in inbox order, by keyset on (score,
 * inbox key). Every word must occur in the folded subject and content (`LIKE '%word%'`, the
 * trigram index's query; a word of one or two letters is checked on the rows the other words found).
 */
async function searchPage(query: SelectQueryBuilder<CaseEntity>, q: string, page: { limit: number; after?: CaseListPosition | CaseSearchPosition }): Promise<CaseListPage> {
  const words = searchWords(q);
  // The query DTO requires a letter or a digit, so there is at least one word.
  words.forEach((word, i) => query.andWhere(`c.search_document LIKE '%' || search_fold(CAST(:searchWord${i} AS text)) || '%'`, { [`searchWord${i}`]: word }));
  query.setParameter('searchText', words.join(' '));
  if (page.after && !('score' in page.after)) throw new Error('an inbox cursor was passed to a search');
  if (page.after) {
    // One row comparison, the score negated (exact for a real) to run the same way as the others: the score is computed once per row.
    query.andWhere(`(-${SCORE}, ${DUE_KEY}, ${CODE_KEY}) > (-CAST(:afterScore AS real), CAST(:afterDue AS date), CAST(:afterCode AS text))`, {
      afterScore: page.after.score,
      afterDue: page.after.nextDueOn ?? INFINITY,
      afterCode: page.after.code,
    });
  }
  const { entities, raw } = await query
    .addSelect(SCORE, 'search_score')
    .orderBy(SCORE, 'DESC')
    .addOrderBy(DUE_KEY, 'ASC')
    .addOrderBy(CODE_KEY, 'ASC')
    .limit(page.limit + 1)
    .getRawAndEntities<{ search_score: number }>();
  if (entities.length <= page.limit) return { rows: entities, next: null };
  const shown = entities.slice(0, page.limit);
  const last = shown[shown.length - 1]!;
  // The score as PostgreSQL computed it (a real, printed exactly), so that the next page starts exactly after it.
  return { rows: shown, next: { score: Number(raw[page.limit - 1]!.search_score), nextDueOn: last.nextDueOn, code: last.code } };
}
