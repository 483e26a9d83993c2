import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { MONITORED_STATES } from '../clock-state-sql';
import { IsIntegerIn, toInteger } from '../../common/query-params';
import { IsCommaListOf, MonitoringFilters } from '../monitoring-params';
import { IsOverdueCursor, type SortDirection } from './overdue-cursor';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_STATES = 'overdue,very_overdue';

/**
 * Age is counted from the due date, so `age_desc` (most overdue first, the default) is the order
 * of `due_asc`, and `age_asc` the order of `due_desc`: both names are accepted.
 */
export const OVERDUE_SORTS = ['age_desc', 'age_asc', 'due_asc', 'due_desc'] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];

/** Which way the due date runs for a sort. */
export function dueDirection(sort: OverdueSort | undefined): SortDirection {
  return sort === 'age_asc' || sort === 'due_desc' ? 'desc' : 'asc';
}

/** Filters, order and page of GET /api/v1/monitoring/overdue. */
export class OverdueClocksQuery extends MonitoringFilters {
  @ApiPropertyOptional({
    example: 'due_soon,overdue,very_overdue',
    default: DEFAULT_STATES,
    description: 'Trạng thái / comma-separated states to list: due_soon, overdue (not very overdue), very_overdue',
  })
  @IsOptional()
  @IsCommaListOf(MONITORED_STATES)
  state?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 36500, example: 10, description: 'Quá hạn ít nhất / only clocks overdue by at least this many calendar days (a due-soon clock has age ≤ 0)' })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(0, 36500)
  minAge?: number;

  @ApiPropertyOptional({ enum: OVERDUE_SORTS, default: 'age_desc', description: 'Thứ tự / age_desc: most overdue first; due_desc: latest due date first' })
  @IsOptional()
  @IsIn(OVERDUE_SORTS)
  sort?: OverdueSort;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Số thời hạn mỗi trang / page size' })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Trang tiếp theo / the nextCursor of the previous page (opaque; for the same sort direction)' })
  @IsOptional()
  @IsOverdueCursor((query) => dueDirection((query as OverdueClocksQuery).sort))
  cursor?: string;
}
