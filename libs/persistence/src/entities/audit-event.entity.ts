import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of a case's audit trail. Append-only (a database trigger refuses UPDATE and DELETE)
 * and hash-chained per case: `hash = sha256(prevHash + canonical(event))`, so any edit breaks the chain.
 */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** 1, 2, 3… per case; unique with case_id, which makes every writer idempotent on retry. */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  actor!: string;

  /** Facts of the event: statuses, citations, notes. Never personal data. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ type: 'text' })
  hash!: string;
}
