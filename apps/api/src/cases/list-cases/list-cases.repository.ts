import type { EntityManager } from 'typeorm';
import type { CaseKind, CaseStatus } from '@donthu/domain';
import { CaseEntity } from '@donthu/persistence';
import type { CaseListPosition } from './case-list-cursor';

export interface CaseListFilters {
  kind?: CaseKind;
  status?: CaseStatus;
  agency?: string;
  /** next_due_on ≤ this local date (cases without a running clock never match). */
  dueBefore?: string;
  overdue?: boolean;
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
  next: CaseListPosition | null;
}

// The inbox sort key: nearest deadline first, no deadline last, then the code in byte order. The
// same expressions as the indexes of migration 1764160000000-case-list-indexes (the planner
// matches them by expression and collation).
const DUE_KEY = `COALESCE(c.next_due_on, 'infinity'::date)`;
const CODE_KEY = `c.code COLLATE "C"`;
const INFINITY = 'infinity';

/**
 * One page of cases in inbox order (`next_due_on ASC NULLS LAST, code ASC`), by keyset: the page
 * starts strictly after `after`, so a page is the same whatever was inserted before it, and a case
 * is never shown twice or skipped while its sort key does not change between pages.
 */
export async function findCasePage(
  manager: EntityManager,
  filters: CaseListFilters,
  page: { limit: number; after?: CaseListPosition },
  scope: CaseListScope = {},
): Promise<CaseListPage> {
  const query = manager.createQueryBuilder(CaseEntity, 'c');
  if (scope.agencyCodes !== undefined) query.andWhere('c.agency_code = ANY(:scopeAgencies)', { scopeAgencies: [...scope.agencyCodes] });
  if (filters.kind !== undefined) query.andWhere('c.kind = :kind', { kind: filters.kind });
  if (filters.status !== undefined) query.andWhere('c.status = :status', { status: filters.status });
  if (filters.agency !== undefined) query.andWhere('c.agency_code = :agency', { agency: filters.agency });
  if (filters.dueBefore !== undefined) query.andWhere('c.next_due_on <= CAST(:dueBefore AS date)', { dueBefore: filters.dueBefore });
  if (filters.overdue !== undefined) query.andWhere('c.overdue = :overdue', { overdue: filters.overdue });
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
