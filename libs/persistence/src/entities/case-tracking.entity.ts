import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * How a citizen follows a case (tra cứu): the case code is the tracking code, and the secret
 * printed on the receipt proves the right to see its public status. Only a slow hash of the
 * secret is kept (argon2id, its own salt and parameters inside the encoded string); the secret
 * itself is shown once, in the registration response, and stored nowhere.
 * A letter's contents (the cases it was split into) have no row: they are tracked through the letter.
 */
@Entity({ name: 'case_tracking' })
export class CaseTrackingEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (a CHECK refuses anything else, e.g. a plain secret). */
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
