import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseKind, CaseStatus, PriorityFlag } from '@donthu/domain';

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

  /** Vùng sâu, vùng xa, đi lại khó khăn: longer periods (KN-03, KN-05, KN-07, KN-09). */
  @Column({ type: 'boolean', default: false })
  remote!: boolean;

  /** Tố cáo nặc danh: checked under management powers, never resolved as a denunciation (Luật TC Art. 25(2)). */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /** Citizens who came or signed together; a group of 5 or more chooses representatives (Luật TCD Art. 29). */
  @Column({ name: 'group_size', type: 'integer', default: 1 })
  groupSize!: number;

  /**
   * Theo dõi ưu tiên (legal-rules.md §4): large_group, complex, prolonged, land, in the order of
   * PRIORITY_FLAGS (libs/domain/src/case/priority-flags.ts says how each is set). Written at intake
   * and by workflow activities only, each change with its audit event.
   */
  @Column({ name: 'priority_flags', type: 'text', array: true, default: () => "'{}'" })
  priorityFlags!: PriorityFlag[];

  /** Verification at several places (TC-01: up to 10 working days). */
  @Column({ name: 'several_sites', type: 'boolean', default: false })
  severalSites!: boolean;

  /** The letter this case was split from, or the first-level case of a second-level complaint. */
  @Column({ name: 'parent_case_id', type: 'uuid', nullable: true })
  parentCaseId!: string | null;

  /** While a transfer is pending: the agency asked to take the case (it must see it to answer). */
  @Column({ name: 'transfer_to', type: 'text', nullable: true })
  transferTo!: string | null;

  /** User id of the handling officer (cán bộ được giao). */
  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  /** Earliest due date of the running agency clocks (conservative reading), for lists and monitoring. */
  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  nextDueOn!: string | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

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
