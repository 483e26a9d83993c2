import type { EntityManager } from 'typeorm';
import type { IntakeFinding, IntakeLink } from '@donthu/domain';

/** A finding as stored with its case: whose person a link shares (denouncer or not) is not kept. */
export type StoredIntakeFinding = Omit<IntakeFinding, 'links'> & { readonly links: ReadonlyArray<Omit<IntakeLink, 'denouncer'>> };

/**
 * Records what intake screening showed when the case was registered, inside the registration's
 * transaction (one row per case: an empty list means "screened, nothing found"). Case codes,
 * scores, labels and citations only.
 */
export async function saveCaseScreening(manager: EntityManager, caseId: string, findings: readonly IntakeFinding[]): Promise<StoredIntakeFinding[]> {
  const stored = storedFindings(findings);
  await manager.query('INSERT INTO case_screenings (case_id, findings) VALUES ($1, $2::jsonb)', [caseId, JSON.stringify(stored)]);
  return stored;
}

/** Findings as they are stored: without whose person a link shares. */
function storedFindings(findings: readonly IntakeFinding[]): StoredIntakeFinding[] {
  return findings.map((f) => ({ ...f, links: f.links.map(({ denouncer: _secret, ...link }) => link) }));
}

/** The findings recorded at registration, or null when the case was not screened (a letter's part, an older case). */
export async function loadCaseScreening(manager: EntityManager, caseId: string): Promise<StoredIntakeFinding[] | null> {
  const rows: Array<{ findings: StoredIntakeFinding[] }> = await manager.query('SELECT findings FROM case_screenings WHERE case_id = $1', [caseId]);
  return rows[0]?.findings ?? null;
}
