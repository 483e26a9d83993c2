import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_CODE_PATTERN, REPORT_MAX_YEAR, REPORT_MIN_YEAR, REPORT_PERIOD_KINDS, type ReportPeriodKind } from '@donthu/domain';
import { IsIntegerIn, toInteger } from '../../common/query-params';

export const DEFAULT_REPORT_LIMIT = 50;
export const MAX_REPORT_LIMIT = 200;

/** Filters of GET /api/v1/reports. Unknown parameters are refused (global whitelist). */
export class ListReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_PERIOD_KINDS })
  @IsOptional()
  @IsIn(REPORT_PERIOD_KINDS)
  periodKind?: ReportPeriodKind;

  @ApiPropertyOptional({ type: 'integer', example: 2026 })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(REPORT_MIN_YEAR, REPORT_MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ example: 'UBND-HN', description: 'Cơ quan báo cáo / reports on this agency' })
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes, e.g. UBND-HN' })
  @Length(2, 40)
  agency?: string;

  @ApiPropertyOptional({ enum: ['on_demand', 'schedule'] })
  @IsOptional()
  @IsIn(['on_demand', 'schedule'])
  trigger?: 'on_demand' | 'schedule';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_REPORT_LIMIT, default: DEFAULT_REPORT_LIMIT, description: 'Newest first; narrow by year or agency to see older ones' })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(1, MAX_REPORT_LIMIT)
  limit: number = DEFAULT_REPORT_LIMIT;
}
