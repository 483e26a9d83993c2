import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCommaListOf, MonitoringFilters } from '../monitoring-params';

export const SUMMARY_GROUPINGS = ['agency', 'kind', 'rule'] as const;
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number];

/** Filters and grouping of GET /api/v1/monitoring/summary. */
export class MonitoringSummaryQuery extends MonitoringFilters {
  @ApiPropertyOptional({
    example: 'agency,kind',
    default: 'agency',
    description: 'Nhóm theo / what the counts are grouped by: a comma-separated list of agency, kind, rule (in the order given)',
  })
  @IsOptional()
  @IsCommaListOf(SUMMARY_GROUPINGS)
  groupBy?: string;
}
