import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Outbox of notifications (reminders, overdue, escalation, transfers), written in the same
 * transaction as the audit event that causes them; delivered later by a notification activity.
 */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'audit_sequence', type: 'integer', nullable: true })
  auditSequence!: number | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole!: string;

  @Column({ name: 'recipient_agency', type: 'text' })
  recipientAgency!: string;

  /** What the message says: case code, clock, due date. Never personal data. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text' })
  status!: 'pending' | 'sent' | 'failed';

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
