import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, registerDecorator } from 'class-validator';
import { AGENCY_CODE_PATTERN, CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@donthu/domain';
import { IsLocalDate } from '../../common/is-local-date.validator';
import { IsIntegerIn, toBoolean, toInteger } from '../../common/query-params';
import { IsCaseListCursor } from './case-list-cursor';

export const DEFAULT_PAGE_SIZE = 50;
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;
export const MAX_PAGE_SIZE = 200;

/** One message for a bad search text, whichever way it is bad (not one string, too short or long, no letter or digit). */
function IsSearchText(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSearchText',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length >= SEARCH_MIN_LENGTH && value.length <= SEARCH_MAX_LENGTH && /[\p{L}\p{N}]/u.test(value),
        defaultMessage: () => `must be ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters with at least one letter or digit`,
      },
    });
}

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
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Trang tiếp theo / the nextCursor of the previous page (opaque; of the same list, with or without q)' })
  @IsOptional()
  @IsCaseListCursor((query) => (query as ListCasesQuery).q !== undefined)
  cursor?: string;

  @ApiPropertyOptional({
    minLength: SEARCH_MIN_LENGTH,
    maxLength: SEARCH_MAX_LENGTH,
    example: 'dat dai',
    description:
      'Tìm kiếm / search the subject and content, with or without diacritics, any letter case ("dat dai" finds "Tranh chấp đất đai"): ' +
      'every word must occur; the cases whose subject matches best first, then nearest deadline. Never searches parties (names, addresses…).',
  })
  @IsOptional()
  @IsSearchText()
  q?: string;
}
