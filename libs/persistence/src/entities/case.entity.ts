import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseKind, CaseStatus } from '@donthu/domain';

/** Projection of a case (hồ sơ vụ việc), written by the api at intake and by workflow activities after. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: CaseKind;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  channel!: string;

  /** Local date (Asia/Ho_Chi_Minh) the letter or visit was received: it starts the statutory clocks. */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'respondent_body', type: 'text', nullable: true })
  respondentBody!: string | null;

  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence!: number;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** Null until the workflow has been started: the reconciler starts any case left behind. */
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true })
  workflowStartedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
