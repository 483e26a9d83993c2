import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditStreamType = 'case' | 'calendar' | 'attachment' | 'identity' | 'agency' | 'user' | 'report';

/**
 * One entry of an audit trail (a case's, or an administrative one such as the calendar's). Append-only (a database trigger refuses UPDATE and DELETE)
 * and hash-chained per stream: `hash = sha256(prevHash + canonical(event))`, so any edit breaks the chain.
 */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What the chain is about: `case` (stream_id = the case's id), `calendar` (stream_id = the calendar's name), `identity` (stream_id = the case's id: each reveal of its parties' identities and each refused attempt)… */
  @Column({ name: 'stream_type', type: 'text' })
  streamType!: AuditStreamType;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  /** 1, 2, 3… per stream; unique with the stream, which makes every writer idempotent on retry. */
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
