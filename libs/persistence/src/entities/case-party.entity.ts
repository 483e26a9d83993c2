import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CasePartyRole = 'complainant' | 'denouncer' | 'petitioner' | 'representative';

/**
 * A person on a case (người khiếu nại, người tố cáo…). Personal fields live here, never in the
 * case row, audit payloads, logs or Temporal histories; the case row links by id only.
 */
@Entity({ name: 'case_parties' })
export class CasePartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  role!: CasePartyRole;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber!: string | null;
}
