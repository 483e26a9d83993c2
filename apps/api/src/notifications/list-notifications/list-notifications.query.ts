import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import { IsIntegerIn, toInteger } from '../../common/query-params';
import { IsCommaListOf } from '../../monitoring/monitoring-params';
import { IsNotificationCursor } from './notification-cursor';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Filters and page of GET /api/v1/notifications. Unknown parameters are refused (global whitelist). */
export class ListNotificationsQuery {
  @ApiPropertyOptional({
    example: 'failed',
    description:
      'Trạng thái / comma-separated statuses: pending (waiting, maybe for its retry), sending (held by a delivery round), sent, failed (every attempt failed: see lastError)',
  })
  @IsOptional()
  @IsCommaListOf(NOTIFICATION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'UBND-HN-2026-000123', description: 'Mã hồ sơ / only the notifications of this case' })
  @IsOptional()
  @IsString()
  @Matches(CASE_CODE_PATTERN, { message: 'must be a case code such as UBND-HN-2026-000123' })
  @Length(3, 80)
  case?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Số thông báo mỗi trang / page size' })
  @IsOptional()
  @Transform(toInteger)
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Trang tiếp theo / the nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsNotificationCursor()
  cursor?: string;
}
