import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { identityVaultFromEnv, newPseudonym, UnknownKeyError, type Identity, type IdentityVault } from '@donthu/vault';
import type { CasePartyEntity, CasePartyRole } from '../entities';

export type { Identity as PartyIdentity } from '@donthu/vault';

/** Pseudonym prefixes: người tố cáo, người khiếu nại, người kiến nghị/phản ánh, người đại diện. */
export const PSEUDONYM_PREFIX: Readonly<Record<CasePartyRole, string>> = { denouncer: 'NTC', complainant: 'NKN', petitioner: 'NKP', representative: 'NDD' };

/** What a party's sealed identity is bound to (AAD): its row and its case. */
export const partyContext = (id: string, caseId: string): string => `case_parties:${id}:${caseId}`;

export type SealedPartyRow = Pick<CasePartyEntity, 'id' | 'caseId' | 'role' | 'pseudonym' | 'keyId' | 'wrappedKey' | 'encryptedIdentity' | 'idNumberIndex' | 'phoneIndex'>;

/** A case_parties row for `identity`: sealed, pseudonymous, with blind indexes; nothing in plain text. */
export function sealParty(p: { caseId: string; role: CasePartyRole; identity: Identity; id?: string }, vault: IdentityVault = identityVaultFromEnv()): SealedPartyRow {
  const id = p.id ?? randomUUID();
  const sealed = vault.seal(p.identity, partyContext(id, p.caseId));
  return {
    id,
    caseId: p.caseId,
    role: p.role,
    pseudonym: newPseudonym(PSEUDONYM_PREFIX[p.role]),
    keyId: sealed.keyId,
    wrappedKey: sealed.wrappedKey,
    encryptedIdentity: sealed.ciphertext,
    idNumberIndex: sealed.idNumberIndex,
    phoneIndex: sealed.phoneIndex,
  };
}

/** The identity of a party row. Throws on tampering, on a row moved to another case, on an unknown key id. */
export function openParty(party: Pick<CasePartyEntity, 'id' | 'caseId' | 'keyId' | 'wrappedKey' | 'encryptedIdentity'>, vault: IdentityVault = identityVaultFromEnv()): Identity {
  return vault.open({ keyId: party.keyId, wrappedKey: party.wrappedKey, ciphertext: party.encryptedIdentity }, partyContext(party.id, party.caseId));
}

/** How many party rows each master key wraps. */
export async function partyKeyUsage(manager: EntityManager): Promise<Record<string, number>> {
  const rows: Array<{ key_id: string; parties: number }> = await manager.query('SELECT key_id, count(*)::int AS parties FROM case_parties GROUP BY key_id ORDER BY key_id');
  return Object.fromEntries(rows.map((r) => [r.key_id, r.parties]));
}

export interface PartyKeyRotation {
  activeKeyId: string;
  before: Record<string, number>;
  /** Rows moved to the active key by this run. */
  rotated: number;
  after: Record<string, number>;
  /** Key ids no row uses any more: safe to remove from VAULT_KEYS. */
  unused: string[];
}

/**
 * Master-key rotation of case_parties: every data key not wrapped by the active key is unwrapped
 * with its old key and wrapped again with the active one (`reencrypt`: a new data key and a new
 * ciphertext instead, for a suspected data-key leak). Batches of `batchSize` rows, each in its own
 * transaction with the rows locked (SKIP LOCKED: two runs share the work): idempotent (rows on
 * the active key are not touched) and resumable (an interrupted run leaves committed batches done;
 * run it again). A row whose key id VAULT_KEYS does not hold stops it before anything is written.
 */
export async function rotatePartyKeys(
  dataSource: DataSource,
  vault: IdentityVault,
  options: { batchSize?: number; reencrypt?: boolean; onProgress?: (rotated: number) => void } = {},
): Promise<PartyKeyRotation> {
  const batchSize = options.batchSize ?? 200;
  const activeKeyId = vault.activeKeyId;
  const before = await partyKeyUsage(dataSource.manager);
  const unknown = Object.keys(before).filter((id) => !vault.keyring.has(id));
  if (unknown.length > 0) {
    const rows = unknown.reduce((n, id) => n + (before[id] ?? 0), 0);
    throw new UnknownKeyError(unknown.join(', '), vault.keyring.ids(), `VAULT_KEYS, which ${rows} case_parties row(s) need; nothing was rotated`);
  }
  let rotated = 0;
  for (;;) {
    const count = await dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; case_id: string; key_id: string; wrapped_key: Buffer; encrypted_identity: Buffer }> = await manager.query(
        'SELECT id, case_id, key_id, wrapped_key, encrypted_identity FROM case_parties WHERE key_id <> $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED',
        [activeKeyId, batchSize],
      );
      for (const row of rows) {
        const context = partyContext(row.id, row.case_id);
        if (options.reencrypt) {
          const fresh = vault.reencrypt({ keyId: row.key_id, wrappedKey: row.wrapped_key, ciphertext: row.encrypted_identity }, context);
          await manager.query('UPDATE case_parties SET key_id = $1, wrapped_key = $2, encrypted_identity = $3 WHERE id = $4 AND key_id = $5', [fresh.keyId, fresh.wrappedKey, fresh.ciphertext, row.id, row.key_id]);
        } else {
          const wrapped = vault.rewrap({ keyId: row.key_id, wrappedKey: row.wrapped_key }, context);
          await manager.query('UPDATE case_parties SET key_id = $1, wrapped_key = $2 WHERE id = $3 AND key_id = $4', [wrapped.keyId, wrapped.wrappedKey, row.id, row.key_id]);
        }
      }
      return rows.length;
    });
    if (count === 0) break;
    rotated += count;
    options.onProgress?.(rotated);
  }
  const after = await partyKeyUsage(dataSource.manager);
  return { activeKeyId, before, rotated, after, unused: vault.keyring.ids().filter((id) => !(id in after)) };
}
