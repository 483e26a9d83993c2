import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, REPORT_MAX_YEAR, REPORT_MIN_YEAR, REPORT_PERIOD_KINDS, type ReportPeriodKind } from '@donthu/domain';
import { IsIntegerIn } from '../../common/query-params';

/** POST /api/v1/reports: which period, for which agency (and whether with everything below it). */
export class GenerateReportDto {
  @ApiProperty({
    enum: REPORT_PERIOD_KINDS,
    example: 'q1',
    description: 'Kỳ báo cáo / q1: 15/12 → 14/03; six_months: → 14/06; nine_months: → 14/09; annual: → 14/12 (Thông tư 01/2024/TT-TTCP)',
  })
  @IsIn(REPORT_PERIOD_KINDS)
  periodKind!: ReportPeriodKind;

  @ApiProperty({ example: 2026, minimum: REPORT_MIN_YEAR, maximum: REPORT_MAX_YEAR, description: 'Năm báo cáo / the year the period ends in (it starts on 15/12 of the year before)' })
  @IsIntegerIn(REPORT_MIN_YEAR, REPORT_MAX_YEAR)
  year!: number;

  @ApiProperty({ example: 'UBND-HN', description: 'Cơ quan báo cáo / the agency reported on (within your jurisdiction)' })
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes, e.g. UBND-HN' })
  @Length(2, 40)
  agencyCode!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Gồm các cơ quan trực thuộc / the agency and every agency below it (for an inspectorate: the province it serves); each one is a row of the tables',
  })
  @IsOptional()
  @IsBoolean()
  includeSubordinates?: boolean;
}
