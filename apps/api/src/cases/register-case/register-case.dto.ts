import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsEmail,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODE_PATTERN, CASE_CODE_PATTERN, CASE_KINDS, SETTABLE_PRIORITY_FLAGS, type CaseKind, type SettablePriorityFlag } from '@donthu/domain';
import { IsPastOrTodayLocalDate } from '../../common/is-local-date.validator';

export const RECEIPT_CHANNELS = ['in_person', 'post', 'email', 'portal', 'hotline', 'transferred'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];


export class PartyDto {
  @ApiProperty({ example: 'Nguyễn Thị Hoà', description: 'Họ và tên / full name' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'must be a phone number of 8 to 20 digits' })
  phone?: string;

  @ApiPropertyOptional({ example: 'hoa.nguyen@example.vn' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '001190012345', description: 'Số CCCD / citizen ID number' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{9,12}$/, { message: 'must be 9 to 12 digits (CMND/CCCD)' })
  idNumber?: string;
}

/** Tiếp nhận / register a case of any kind (a letter, a complaint, a denunciation, a reception…). */
export class RegisterCaseDto {
  @ApiProperty({ enum: CASE_KINDS, example: 'complaint', description: 'Loại vụ việc / case kind' })
  @IsIn(CASE_KINDS)
  kind!: CaseKind;

  @ApiProperty({ example: 'UBND-HN', description: 'Mã cơ quan tiếp nhận / receiving agency code' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes, e.g. UBND-HN' })
  @Length(2, 40)
  agencyCode!: string;

  @ApiProperty({ enum: RECEIPT_CHANNELS, example: 'post', description: 'Kênh tiếp nhận / how it arrived' })
  @IsIn(RECEIPT_CHANNELS)
  channel!: ReceiptChannel;

  @ApiProperty({ example: '2026-11-20', description: 'Ngày nhận đơn (YYYY-MM-DD, giờ Việt Nam); may be earlier than today' })
  @IsPastOrTodayLocalDate()
  receivedOn!: string;

  @ApiProperty({ example: 'Khiếu nại quyết định thu hồi đất số 123/QĐ-UBND' })
  @IsString()
  @Length(1, 500)
  subject!: string;

  @ApiProperty({ example: 'Tôi không đồng ý với mức bồi thường khi Nhà nước thu hồi đất…' })
  @IsString()
  @Length(1, 20000)
  content!: string;

  @ApiPropertyOptional({ example: 'Ủy ban nhân dân phường Hoàn Kiếm', description: 'Cơ quan bị khiếu nại / body whose decision is complained about' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  respondentBody?: string;

  @ApiPropertyOptional({
    type: PartyDto,
    description: 'Người khiếu nại, tố cáo, kiến nghị / the person who lodged it. Required except for an anonymous denunciation.',
  })
  @ValidateIf((dto: RegisterCaseDto) => !dto.anonymous)
  @IsNotEmptyObject({}, { message: 'is required unless the denunciation is anonymous' })
  @ValidateNested()
  @Type(() => PartyDto)
  petitioner?: PartyDto;

  @ApiPropertyOptional({ example: 12, description: 'Số người cùng đến, cùng ký đơn / how many citizens came or signed together (đông người)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  groupSize?: number;

  @ApiPropertyOptional({
    type: [PartyDto],
    description: 'Người đại diện do nhóm cử / representatives chosen by a group: 5–10 people choose 1–2, more than 10 up to 5 (Luật Tiếp công dân 2013, Điều 29)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  representatives?: PartyDto[];

  @ApiPropertyOptional({ example: false, description: 'Tố cáo nặc danh / anonymous denunciation (Luật Tố cáo 2018, Điều 25 khoản 2)' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Vùng sâu, vùng xa, đi lại khó khăn / remote area (longer periods)' })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Cần xác minh ở nhiều nơi / verification at several places (TC-01)' })
  @IsOptional()
  @IsBoolean()
  severalSites?: boolean;

  @ApiPropertyOptional({
    enum: SETTABLE_PRIORITY_FLAGS,
    isArray: true,
    example: ['land'],
    description:
      'Theo dõi ưu tiên / priority flags set at intake: complex (phức tạp), prolonged (kéo dài), land (đất đai, thu hồi đất). ' +
      'large_group (đông người) is added from groupSize ≥ 5 (Luật Tiếp công dân 2013, Điều 29). A flag never changes a due date.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SETTABLE_PRIORITY_FLAGS.length)
  @ArrayUnique()
  @IsIn(SETTABLE_PRIORITY_FLAGS, { each: true })
  priorityFlags?: SettablePriorityFlag[];

  @ApiPropertyOptional({ example: 'UBND-HN-2026-000123', description: 'Vụ việc liên quan / the first-level case of a second-level complaint, or the resolved denunciation under review' })
  @IsOptional()
  @Matches(CASE_CODE_PATTERN, { message: 'must be a case code like UBND-HN-2026-000123' })
  parentCaseCode?: string;
}
