import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, registerDecorator } from 'class-validator';
import { AGENCY_CODE_PATTERN, CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@donthu/domain';
import { IsLocalDate } from '../../common/is-local-date.validator';
import { IsCaseListCursor } from './case-list-cursor';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** One message for a bad limit, whichever way it is bad (not a number, a fraction, out of range). */
function IsPageSize(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPageSize',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PAGE_SIZE,
        defaultMessage: () => `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      },
    });
}

// Query strings arrive as strings. Only exact spellings are converted, so that `limit=1e2`,
// `limit=0x10` or `overdue=yes` stay strings and are refused instead of being read generously.
const toInteger = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and page of GET /api/v1/cases. Unknown parameters are refused (global whitelist). */
export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS, description: 'Loại vụ việc / case kind' })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Trạng thái / status' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'UBND-HN', description: 'Mã cơ quan đang giải quyết / agency code of the agency holding the case' })
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes, e.g. UBND-HN' })
  @Length(2, 40)
  agency?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Hạn gần nhất không muộn hơn ngày này / cases whose nextDueOn is on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsLocalDate()
  dueBefore?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Quá hạn / only overdue (true) or only not overdue (false) cases' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Số vụ việc mỗi trang / page size' })
  @IsOptional()
  @Transform(toInteger)
  @IsPageSize()
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Trang tiếp theo / the nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsCaseListCursor()
  cursor?: string;
}
