import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Outbox of notifications (reminders, overdue, escalation, transfers), written in the same
 * transaction as the audit event that causes them, and daily digests (one per user and day);
 * delivered later by a notification activity (apps/worker/src/notifications). Every column the
 * migrations created is mapped here (1764150000000, 1764240000000, 1764290000001).
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

  /** `sending`: held by one delivery round's claim (claim_token) until claimed_until. */
  @Column({ type: 'text' })
  status!: 'pending' | 'sending' | 'sent' | 'failed';

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When a failed attempt may be retried (null: at once). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** The delivery round that holds the row while it is `sending`, and until when (a lease). */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** Fixed before the first send; every later send of the row carries the same one. */
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId!: string | null;

  /** The users (ids) the last attempt was addressed to. */
  @Column({ name: 'recipient_user_ids', type: 'text', array: true, nullable: true })
  recipientUserIds!: string[] | null;

  /** A row for one user (the daily digest) rather than for a role in an agency. */
  @Column({ name: 'recipient_user_id', type: 'text', nullable: true })
  recipientUserId!: string | null;

  /** The local date a daily digest is for (unique with the user). */
  @Column({ name: 'digest_date', type: 'date', nullable: true })
  digestDate!: string | null;
}
