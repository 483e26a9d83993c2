import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, PRIORITY_FLAGS, type CaseStatus, type PriorityFlag } from '@donthu/domain';
import { IsCaseListCursor } from '../../cases/list-cases/case-list-cursor';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../cases/list-cases/list-cases.query';
import { IsIntegerIn, toBoolean, toInteger } from '../../common/query-params';
import { MonitoringFilters } from '../monitoring-params';

/** Filters and page of GET /api/v1/monitoring/priority. Unknown parameters are refused (global whitelist). */
export class PriorityCasesQuery extends PickType(MonitoringFilters, ['agency', 'kind'] as const) {
  @ApiPropertyOptional({
    enum: PRIORITY_FLAGS,
    description: 'Cờ / only cases with this flag: large_group (đông người), complex (phức tạp), prolonged (kéo dài), land (đất đai, thu hồi đất); every flagged case when absent',
  })
  @IsOptional()
  @IsIn(PRIORITY_FLAGS)
  flag?: PriorityFlag;

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Trạng thái / status' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Cả vụ việc đã kết thúc / also cases in a final status (closed, refused, terminated…); open cases only by default' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  includeClosed: boolean = false;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Số vụ việc mỗi trang / page size' })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Trang tiếp theo / the nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsCaseListCursor()
  cursor?: string;
}
