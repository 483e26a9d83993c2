import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_KINDS, CASE_STATUSES, CASE_STATUS_LABELS, type CaseKind, type CaseStatus } from '@donthu/domain';
import type { AuditEventEntity, CaseEntity } from '@donthu/persistence';

/** A case as the api shows it. Parties' personal data is not part of it. */
export class CaseView {
  @ApiProperty({ example: 'UBND-HN-2026-000123' }) code!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ example: 'Đã tiếp nhận' }) statusLabel!: string;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ example: '2026-11-20' }) receivedOn!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) respondentBody!: string | null;
  @ApiProperty({ example: 'case-UBND-HN-2026-000123' }) workflowId!: string;
  @ApiProperty({ description: 'false until the case workflow has been started (it is started again until it is)' })
  workflowStarted!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static of(entity: CaseEntity): CaseView {
    return {
      code: entity.code,
      kind: entity.kind,
      status: entity.status,
      statusLabel: CASE_STATUS_LABELS[entity.status].vi,
      agencyCode: entity.agencyCode,
      channel: entity.channel,
      receivedOn: entity.receivedOn,
      subject: entity.subject,
      content: entity.content,
      respondentBody: entity.respondentBody,
      workflowId: entity.workflowId,
      workflowStarted: entity.workflowStartedAt !== null,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class AuditEventView {
  @ApiProperty({ example: 2 }) sequence!: number;
  @ApiProperty({ example: 'case.accepted' }) type!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty() occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) prevHash!: string | null;
  @ApiProperty() hash!: string;

  static of(entity: AuditEventEntity): AuditEventView {
    return {
      sequence: entity.sequence,
      type: entity.type,
      actor: entity.actor,
      payload: entity.payload,
      occurredAt: entity.occurredAt.toISOString(),
      prevHash: entity.prevHash,
      hash: entity.hash,
    };
  }
}
