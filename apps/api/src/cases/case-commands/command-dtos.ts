import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, CASE_KINDS, SETTABLE_PRIORITY_FLAGS, type CaseKind, type SettablePriorityFlag } from '@donthu/domain';
import { IsLocalDate, IsPastOrTodayLocalDate } from '../../common/is-local-date.validator';

// Fields shared by several commands, as decorator lists applied with `apply` below (properties
// declared without decorators carry no design:type, hence the explicit `type: String`).

/**
 * The input of each command (legal-rules.md; lifecycle tables in libs/domain/src/lifecycle).
 * Every command may carry a note and the date of the act; the rest is what the law asks for.
 */
export class ActDateDto {
  @ApiPropertyOptional({ example: '2026-11-26', description: 'Ngày của văn bản, hành vi (mặc định hôm nay) / date of the act (default today, Asia/Ho_Chi_Minh)' })
  @IsOptional()
  @IsPastOrTodayLocalDate()
  effectiveDate?: string;
}

export class CommandDto extends ActDateDto {
  @ApiPropertyOptional({ example: 'Đã kiểm tra hồ sơ', description: 'Ghi chú / note' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

/** A command whose note is the substance of the act (guidance given, what a check found). */
export class NoteRequiredDto extends ActDateDto {
  @ApiProperty({ description: 'Nội dung / what was done or found' })
  @IsString()
  @Length(1, 2000)
  note!: string;
}

const Reason = () =>
  [ApiProperty({ type: String, example: 'Vụ việc có nhiều tình tiết phức tạp, cần xác minh thêm', description: 'Lý do / reason' }), IsString(), Length(1, 2000)] as const;
const DocumentNumber = () =>
  [ApiProperty({ type: String, example: '123/QĐ-UBND', description: 'Số văn bản, quyết định / document number' }), IsString(), Length(1, 100)] as const;
const Agency = (description: string) =>
  [ApiProperty({ type: String, example: 'UBND-PHUONG-HK', description }), IsString(), Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code like UBND-HN' }), Length(2, 40)] as const;
const Ground = () =>
  [ApiProperty({ type: String, example: 'limitation_expired', description: 'Căn cứ pháp lý (mã) / legal ground code, see GET /api/v1/rules/grounds' }), IsString(), Length(1, 100)] as const;

function apply(target: object, key: string, decorators: readonly PropertyDecorator[]): void {
  for (const decorator of decorators) decorator(target, key);
}

export class ReasonDto extends CommandDto {
  reason!: string;
}
apply(ReasonDto.prototype, 'reason', Reason());

export class DocumentDto extends CommandDto {
  documentNumber!: string;
}
apply(DocumentDto.prototype, 'documentNumber', DocumentNumber());

export class ReasonAndDocumentDto extends ReasonDto {
  documentNumber!: string;
}
apply(ReasonAndDocumentDto.prototype, 'documentNumber', DocumentNumber());

export class GroundDto extends CommandDto {
  legalGround!: string;
}
apply(GroundDto.prototype, 'legalGround', Ground());

export class GroundAndDocumentDto extends GroundDto {
  documentNumber!: string;
}
apply(GroundAndDocumentDto.prototype, 'documentNumber', DocumentNumber());

export class TransferDto extends ReasonDto {
  targetAgency!: string;
}
apply(TransferDto.prototype, 'targetAgency', Agency('Cơ quan có thẩm quyền nhận đơn / receiving agency'));

export class ReturnTransferDto extends ReasonDto {}

export class GuideDto extends NoteRequiredDto {
  targetAgency!: string;
}
apply(GuideDto.prototype, 'targetAgency', Agency('Cơ quan có thẩm quyền được hướng dẫn đến / agency the citizen is guided to'));

export class TransferToPoliceDto extends DocumentDto {
  targetAgency!: string;
}
apply(TransferToPoliceDto.prototype, 'targetAgency', Agency('Cơ quan điều tra, Viện kiểm sát / police or procuracy'));

export class AssignDto extends CommandDto {
  @ApiProperty({ example: 'officer-42', description: 'Cán bộ được giao (mã người dùng) / user id of the handling officer' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'must be a user id' })
  assignee!: string;
}

export class ScheduleDialogueDto extends CommandDto {
  @ApiProperty({ example: '2026-12-10', description: 'Ngày đối thoại / dialogue date (notice at least 5 working days before, KN-10)' })
  @IsLocalDate()
  dialogueDate!: string;
}

export class ClassifyDto extends CommandDto {
  @ApiProperty({ enum: CASE_KINDS, isArray: true, example: ['complaint', 'denunciation'], description: 'Nội dung đơn / the kinds the letter contains (one case each)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CASE_KINDS.filter((k) => k !== 'letter' && k !== 'reception'), { each: true })
  contents!: CaseKind[];
}

/** Theo dõi ưu tiên: the flag to set or clear, and why (libs/domain/src/case/priority-flags.ts). */
export class PriorityFlagDto extends ReasonDto {
  @ApiProperty({
    enum: SETTABLE_PRIORITY_FLAGS,
    example: 'land',
    description: 'complex (phức tạp), prolonged (kéo dài), land (đất đai, thu hồi đất); large_group (đông người) follows the group size only. A flag never changes a due date.',
  })
  @IsIn(SETTABLE_PRIORITY_FLAGS)
  priorityFlag!: SettablePriorityFlag;
}
