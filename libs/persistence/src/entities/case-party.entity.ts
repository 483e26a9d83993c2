import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CasePartyRole = 'complainant' | 'denouncer' | 'petitioner' | 'representative';

/**
 * A person on a case (người khiếu nại, người tố cáo…). The row holds no personal data in plain
 * text (Luật Tố cáo 2018, Art. 47–48: a leaked denouncer identity can endanger them): the identity
 * is sealed by the identity vault (libs/vault: a data key per row, AES-256-GCM, wrapped by master
 * key `key_id`), shown as its pseudonym, and matched only through keyed blind indexes. Read it with
 * `openParty` (libs/persistence/src/vault); only `POST /cases/:code/parties/reveal` shows it, audited.
 */
@Entity({ name: 'case_parties' })
export class CasePartyEntity {
  /** Chosen by the writer before sealing: the sealed identity is bound to its row (AAD). */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  role!: CasePartyRole;

  /** A random reference shown instead of the name, e.g. `NTC-7KQ2M9XH4PRT` (người tố cáo). */
  @Index({ unique: true })
  @Column({ type: 'text' })
  pseudonym!: string;

  /** The master key that wraps this row's data key (rotation: `npm run vault:rotate`). */
  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ name: 'wrapped_key', type: 'bytea' })
  wrappedKey!: Buffer;

  /** fullName, address, phone, email, idNumber: AES-256-GCM under the row's data key. */
  @Column({ name: 'encrypted_identity', type: 'bytea' })
  encryptedIdentity!: Buffer;

  /** HMAC-SHA256 (VAULT_BLIND_INDEX_KEY) of the normalised ID number, for duplicate detection. */
  @Column({ name: 'id_number_index', type: 'text', nullable: true })
  idNumberIndex!: string | null;

  /** HMAC-SHA256 (VAULT_BLIND_INDEX_KEY) of the normalised phone number. */
  @Column({ name: 'phone_index', type: 'text', nullable: true })
  phoneIndex!: string | null;
}
