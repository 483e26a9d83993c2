import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODE_PATTERN } from '@donthu/domain';
import { IsPastOrTodayLocalDate } from '../../common/is-local-date.validator';

export const RECEIPT_CHANNELS = ['in_person', 'post', 'email', 'portal', 'hotline', 'transferred'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/** Kinds this endpoint registers today; the other kinds get their lifecycles in later issues. */
export const REGISTRABLE_KINDS = ['complaint'] as const;

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

/** Tiếp nhận đơn khiếu nại / register a complaint. */
export class RegisterCaseDto {
  @ApiProperty({ enum: REGISTRABLE_KINDS, example: 'complaint', description: 'Loại vụ việc / case kind' })
  @IsIn(REGISTRABLE_KINDS)
  kind!: (typeof REGISTRABLE_KINDS)[number];

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

  @ApiProperty({ type: PartyDto, description: 'Người khiếu nại / complainant' })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PartyDto)
  complainant!: PartyDto;
}
