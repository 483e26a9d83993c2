import type { MigrationInterface, QueryRunner } from 'typeorm';
import { identityVaultFromEnv, type IdentityVault } from '@donthu/vault';
import type { CasePartyRole } from '../entities';
import { openParty, sealParty } from '../vault';

const BATCH = 500;

interface LegacyParty {
  id: string;
  case_id: string;
  role: CasePartyRole;
  full_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  id_number: string | null;
}

/**
 * The identity vault (issue #6 item 4): case_parties keeps no personal data in plain text, only a
 * pseudonym, the sealed identity, its key id and keyed blind indexes of the ID number and phone.
 *
 * Existing rows are encrypted here, by this one-off step, with the keys the api runs with (VAULT_*
 * or the development key): in the same transaction as the schema change, so no version of the
 * code ever sees a half-converted table, and the plaintext columns are dropped only once every
 * row is sealed. The plaintext is overwritten with NULL before the columns are dropped, but
 * PostgreSQL keeps dead row versions until VACUUM and dropped columns until a rewrite, and WAL,
 * replicas and backups keep what they kept: after converting real data, run `VACUUM FULL
 * case_parties` and rotate the backups. (There was no production data when this was written.)
 */
export class PartyVault1764190000000 implements MigrationInterface {
  name = 'PartyVault1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_parties
        ADD COLUMN pseudonym text,
        ADD COLUMN key_id text,
        ADD COLUMN wrapped_key bytea,
        ADD COLUMN encrypted_identity bytea,
        ADD COLUMN id_number_index text,
        ADD COLUMN phone_index text,
        ALTER COLUMN full_name DROP NOT NULL`);
    let vault: IdentityVault | undefined;
    for (;;) {
      const rows = (await q.query(
        'SELECT id, case_id, role, full_name, address, phone, email, id_number FROM case_parties WHERE encrypted_identity IS NULL ORDER BY id LIMIT $1',
        [BATCH],
      )) as LegacyParty[];
      if (rows.length === 0) break;
      vault ??= identityVaultFromEnv(); // only when there is something to encrypt
      for (const row of rows) {
        const sealed = sealParty(
          { id: row.id, caseId: row.case_id, role: row.role, identity: { fullName: row.full_name, address: row.address, phone: row.phone, email: row.email, idNumber: row.id_number } },
          vault,
        );
        await q.query(
          `UPDATE case_parties SET pseudonym = $2, key_id = $3, wrapped_key = $4, encrypted_identity = $5, id_number_index = $6, phone_index = $7,
             full_name = NULL, address = NULL, phone = NULL, email = NULL, id_number = NULL
           WHERE id = $1`,
          [row.id, sealed.pseudonym, sealed.keyId, sealed.wrappedKey, sealed.encryptedIdentity, sealed.idNumberIndex, sealed.phoneIndex],
        );
      }
    }
    await q.query(`
      ALTER TABLE case_parties
        DROP COLUMN full_name,
        DROP COLUMN address,
        DROP COLUMN phone,
        DROP COLUMN email,
        DROP COLUMN id_number,
        ALTER COLUMN pseudonym SET NOT NULL,
        ALTER COLUMN key_id SET NOT NULL,
        ALTER COLUMN wrapped_key SET NOT NULL,
        ALTER COLUMN encrypted_identity SET NOT NULL`);
    await q.query('CREATE UNIQUE INDEX case_parties_pseudonym_key ON case_parties (pseudonym)');
    // Duplicate detection (same ID number or phone on several cases) and rotation (rows per key).
    await q.query('CREATE INDEX case_parties_id_number_index_idx ON case_parties (id_number_index) WHERE id_number_index IS NOT NULL');
    await q.query('CREATE INDEX case_parties_phone_index_idx ON case_parties (phone_index) WHERE phone_index IS NOT NULL');
    await q.query('CREATE INDEX case_parties_key_id_idx ON case_parties (key_id)');
  }

  /** Back to plain text (needs the keys): only for rolling back before any real data is stored. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_parties ADD COLUMN full_name text, ADD COLUMN address text, ADD COLUMN phone text, ADD COLUMN email text, ADD COLUMN id_number text');
    const rows = (await q.query('SELECT id, case_id, key_id, wrapped_key, encrypted_identity FROM case_parties')) as Array<{
      id: string;
      case_id: string;
      key_id: string;
      wrapped_key: Buffer;
      encrypted_identity: Buffer;
    }>;
    const vault = rows.length > 0 ? identityVaultFromEnv() : undefined;
    for (const row of rows) {
      const identity = openParty({ id: row.id, caseId: row.case_id, keyId: row.key_id, wrappedKey: row.wrapped_key, encryptedIdentity: row.encrypted_identity }, vault);
      await q.query('UPDATE case_parties SET full_name = $2, address = $3, phone = $4, email = $5, id_number = $6 WHERE id = $1', [
        row.id,
        identity.fullName,
        identity.address,
        identity.phone,
        identity.email,
        identity.idNumber,
      ]);
    }
    await q.query('DROP INDEX case_parties_pseudonym_key');
    await q.query('DROP INDEX case_parties_id_number_index_idx');
    await q.query('DROP INDEX case_parties_phone_index_idx');
    await q.query('DROP INDEX case_parties_key_id_idx');
    await q.query(`
      ALTER TABLE case_parties
        DROP COLUMN pseudonym, DROP COLUMN key_id, DROP COLUMN wrapped_key, DROP COLUMN encrypted_identity,
        DROP COLUMN id_number_index, DROP COLUMN phone_index,
        ALTER COLUMN full_name SET NOT NULL`);
  }
}
