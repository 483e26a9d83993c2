import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One statutory clock of a case (projection of the workflow's clock and its computed deadline).
 * Monitoring and reports read these rows; the explanation says how the due date was counted.
 */
@Entity({ name: 'case_clocks' })
export class CaseClockEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId!: string;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion!: number;

  @Column({ type: 'text' })
  owner!: 'agency' | 'citizen';

  @Column({ type: 'text' })
  status!: 'running' | 'paused' | 'stopped';

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ type: 'boolean' })
  complex!: boolean;

  @Column({ type: 'integer' })
  extensions!: number;

  @Column({ type: 'jsonb' })
  suspensions!: Array<{ from: string; to?: string }>;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'due_ignoring_provisional', type: 'date' })
  dueIgnoringProvisional!: string;

  @Column({ type: 'boolean' })
  provisional!: boolean;

  @Column({ type: 'jsonb' })
  milestones!: Array<{ kind: string; atMs: number }>;

  @Column({ type: 'jsonb' })
  reached!: string[];

  @Column({ name: 'monitoring_state', type: 'text' })
  monitoringState!: string;

  @Column({ type: 'jsonb' })
  explanation!: Array<Record<string, unknown>>;

  @Column({ name: 'calendar_version', type: 'text' })
  calendarVersion!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
