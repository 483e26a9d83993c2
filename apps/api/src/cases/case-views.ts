import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  availableCommands,
  CASE_KINDS,
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  PRIORITY_FLAG_LABELS,
  PRIORITY_FLAGS,
  renderExplanation,
  type CaseCommand,
  type CaseKind,
  type CaseStatus,
  type ClockName,
  type ClockRecord,
  type ExplanationStep,
  type PriorityFlag,
} from '@donthu/domain';
import type { AuditEventEntity, CaseClockEntity, CaseEntity } from '@donthu/persistence';
import { ScreeningFindingView } from '../intake-screening/screening.view';

/** A case as the api shows it. Parties' personal data is not part of it. */
export class CaseView {
  @ApiProperty({ example: 'UBND-HN-2026-000123' }) code!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: CaseKind;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ example: 'Đã tiếp nhận' }) statusLabel!: string;
  @ApiProperty() remote!: boolean;
  @ApiProperty() severalSites!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) assignee!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Earliest due date of the running clocks (conservative reading)' }) nextDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    enum: PRIORITY_FLAGS,
    isArray: true,
    example: ['large_group', 'land'],
    description: 'Theo dõi ưu tiên / priority monitoring flags (legal-rules.md §4): large_group (đông người), complex (phức tạp), prolonged (kéo dài), land (đất đai, thu hồi đất)',
  })
  priorityFlags!: PriorityFlag[];
  @ApiProperty({ type: [String], example: ['Đông người', 'Đất đai, thu hồi đất'], description: 'The same flags in Vietnamese' }) priorityLabels!: string[];
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
      remote: entity.remote,
      severalSites: entity.severalSites,
      assignee: entity.assignee,
      nextDueOn: entity.nextDueOn,
      overdue: entity.overdue,
      priorityFlags: entity.priorityFlags,
      priorityLabels: entity.priorityFlags.map((flag) => PRIORITY_FLAG_LABELS[flag].vi),
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

/** One statutory clock with how its due date was counted. */
export class ClockView {
  @ApiProperty({ example: 'resolution' }) name!: string;
  @ApiProperty({ example: 'KN-03' }) rule!: string;
  @ApiProperty({ example: 2 }) ruleVersion!: number;
  @ApiProperty({ enum: ['agency', 'citizen'] }) owner!: string;
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) status!: string;
  @ApiProperty({ example: 'on_track', description: 'on_track, due_soon, overdue, very_overdue, paused, stopped' }) monitoringState!: string;
  @ApiProperty({ example: '2026-11-20' }) startDate!: string;
  @ApiProperty({ example: '2026-12-21' }) due!: string;
  @ApiProperty({ description: 'Used for reminders while provisional days off are counted' }) dueIgnoringProvisional!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: [String], description: 'Milestones reached (due_soon, overdue, escalated_inspectorate…)' }) reached!: string[];
  @ApiProperty({ type: [String], description: 'How the due date was counted, in Vietnamese' }) explanation!: string[];
  @ApiProperty({ type: [String], description: 'The same in English' }) explanationEn!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The explanation as data' }) steps!: unknown[];

  static of(row: CaseClockEntity): ClockView {
    const steps = row.explanation as unknown as ExplanationStep[];
    return {
      name: row.name,
      rule: row.ruleId,
      ruleVersion: row.ruleVersion,
      owner: row.owner,
      status: row.status,
      monitoringState: row.monitoringState,
      startDate: row.startDate,
      due: row.dueDate,
      dueIgnoringProvisional: row.dueIgnoringProvisional,
      provisional: row.provisional,
      reached: row.reached,
      explanation: renderExplanation(steps, 'vi'),
      explanationEn: renderExplanation(steps, 'en'),
      steps,
    };
  }
}

/** A case with its clocks and the commands its state allows now. */
export class CaseDetailView extends CaseView {
  @ApiProperty({ type: [ClockView] }) clocks!: ClockView[];
  @ApiProperty({ type: [String], description: 'Commands the lifecycle allows in this state (any role)' }) allowedCommands!: CaseCommand[];
  @ApiPropertyOptional({ type: [ScreeningFindingView], nullable: true, description: 'Kiểm tra trùng đơn at registration (possible duplicate, repeat, vượt cấp), as the caller may see it; null: not screened' })
  screening?: ScreeningFindingView[] | null;

  static build(entity: CaseEntity, clocks: Partial<Record<ClockName, ClockRecord>>, rows: CaseClockEntity[]): CaseDetailView {
    return {
      ...CaseView.of(entity),
      clocks: rows.map((row) => ClockView.of(row)),
      allowedCommands: availableCommands({ kind: entity.kind, status: entity.status, clocks }),
    };
  }
}
