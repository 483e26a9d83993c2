import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../common/validation';
import { AGENCY_CODE_PATTERN, AGENCY_LEVELS, type AgencyLevel } from '@donthu/domain';

export class CreateAgencyDto {
  @ApiProperty({ example: 'UBND-PHUONG-CD' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes' })
  @Length(2, 40)
  code!: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Cửa Nam' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS)
  level!: AgencyLevel;

  @ApiProperty({ example: 'UBND-HN', description: 'Cơ quan cấp trên trực tiếp / directly superior body (for an inspectorate: the body it is attached to)' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code' })
  parentCode!: string;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be an agency code' })
  parentCode?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

/** One agency of the directory, with the bodies the law routes its escalations to. */
export class AgencyView {
  @ApiProperty({ example: 'UBND-PHUONG-HK' }) code!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Hoàn Kiếm' }) name!: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) level!: AgencyLevel;
  @ApiProperty({ nullable: true, type: String, example: 'UBND-HN' }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'TTR-HN', description: 'Thanh tra cùng cấp / the inspectorate that monitors it' }) inspectorate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'UBND-HN', description: 'Cấp trên / the superior body (escalation step 3)' }) superior?: string | null;
}
