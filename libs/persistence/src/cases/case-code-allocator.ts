import type { EntityManager } from 'typeorm';
import { formatCaseCode } from '@donthu/domain';

/**
 * Next case code for an agency and year. The upsert takes a row lock held until the caller's
 * transaction ends, so concurrent registrations get distinct, gap-free sequences.
 */
export async function allocateCaseCode(manager: EntityManager, agencyCode: string, year: number): Promise<string> {
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO case_code_sequences (agency_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, year) DO UPDATE SET last_value = case_code_sequences.last_value + 1
     RETURNING last_value`,
    [agencyCode, year],
  );
  const sequence = rows[0]?.last_value;
  if (sequence === undefined) throw new Error('case code sequence was not allocated');
  return formatCaseCode({ agencyCode, year, sequence });
}
