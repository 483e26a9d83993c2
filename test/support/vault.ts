import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CasePartyEntity, openParty, type PartyIdentity } from '@donthu/persistence';

const key = () => randomBytes(32).toString('base64');

/**
 * Vault and payload-codec keys for this test file (its own process.env under Jest), unless the
 * environment already has them: tests run on the configured path, as production does, and never
 * create or read the development key in .data/.
 */
export function ensureTestKeys(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.VAULT_KEYS) Object.assign(env, { VAULT_KEYS: `test-1:${key()}`, VAULT_ACTIVE_KEY_ID: 'test-1', VAULT_BLIND_INDEX_KEY: key() });
  if (!env.TEMPORAL_CODEC_KEYS) Object.assign(env, { TEMPORAL_CODEC_KEYS: `test-codec-1:${key()}`, TEMPORAL_CODEC_ACTIVE_KEY_ID: 'test-codec-1' });
}

/** A case's parties with their identities opened (tests only: the api shows them only through the audited reveal). */
export async function partiesOf(dataSource: DataSource, caseId: string, role?: CasePartyEntity['role']): Promise<Array<CasePartyEntity & PartyIdentity>> {
  const rows = await dataSource.getRepository(CasePartyEntity).find({ where: { caseId, ...(role ? { role } : {}) }, order: { pseudonym: 'ASC' } });
  return rows.map((row) => Object.assign(row, openParty(row)));
}
