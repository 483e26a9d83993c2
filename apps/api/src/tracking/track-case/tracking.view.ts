import { ApiProperty } from '@nestjs/swagger';
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@donthu/domain';
import { PUBLIC_MILESTONE_TYPES, type PublicMilestoneType } from './public-milestones';

export class LabelView {
  @ApiProperty({ example: 'Đã thụ lý' }) vi!: string;
  @ApiProperty({ example: 'Accepted' }) en!: string;
}

export class TrackedKindView {
  @ApiProperty({ enum: CASE_KINDS, example: 'complaint' }) value!: CaseKind;
  @ApiProperty({ type: LabelView }) label!: LabelView;
}

export class TrackedStatusView {
  @ApiProperty({ enum: CASE_STATUSES, example: 'accepted' }) value!: CaseStatus;
  @ApiProperty({ type: LabelView }) label!: LabelView;
}

export class TrackedDeadlineView {
  @ApiProperty({ example: '2026-12-21', description: 'Statutory due date (YYYY-MM-DD, Asia/Ho_Chi_Minh)' }) date!: string;
  @ApiProperty({ type: LabelView, description: 'What is due, e.g. Hạn giải quyết / Deadline to resolve' }) label!: LabelView;
}

export class TrackedMilestoneView {
  @ApiProperty({ enum: PUBLIC_MILESTONE_TYPES, example: 'accepted' }) type!: PublicMilestoneType;
  @ApiProperty({ example: '2026-11-20', description: 'Date the act took effect (YYYY-MM-DD, Asia/Ho_Chi_Minh)' }) date!: string;
  @ApiProperty({ type: LabelView }) label!: LabelView;
}

/** A case as its citizen sees it: public status and milestones, nothing internal, no personal data. */
export class TrackedCaseView {
  @ApiProperty({ example: 'UBND-HN-2026-000123' }) code!: string;
  @ApiProperty({ type: TrackedKindView }) kind!: TrackedKindView;
  @ApiProperty({ type: TrackedStatusView }) status!: TrackedStatusView;
  @ApiProperty({ example: '2026-11-20' }) receivedOn!: string;
  @ApiProperty({ type: TrackedDeadlineView, nullable: true, description: "The agency's next statutory deadline; null when none runs" })
  currentDeadline!: TrackedDeadlineView | null;
  @ApiProperty({ type: [TrackedMilestoneView], description: 'Public milestones in order: received, accepted or refused, transferred, decided or concluded, sent, closed…' })
  milestones!: TrackedMilestoneView[];
}

export class TrackingView extends TrackedCaseView {
  @ApiProperty({
    type: [TrackedCaseView],
    description: 'For a letter (đơn): the cases it was split into when classified, each with its own public status. Empty for other kinds.',
  })
  contents!: TrackedCaseView[];
}
