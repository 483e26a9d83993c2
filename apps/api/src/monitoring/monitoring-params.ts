import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, registerDecorator } from 'class-validator';
import { AGENCY_CODE_PATTERN, CASE_KINDS, RULE_IDS, type CaseKind, type RuleId } from '@donthu/domain';

/** The items of a comma-separated list (`a,b`), as given. */
export function commaList(value: string): string[] {
  return value.split(',');
}

/**
 * A comma-separated list of distinct values from `allowed` (`state=overdue,very_overdue`). A
 * parameter given twice is not a list: refused, like everywhere else in the api.
 */
export function IsCommaListOf(allowed: readonly string[]): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCommaListOf',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length === 0 || value.length > 200) return false;
          const items = commaList(value);
          return items.every((item) => allowed.includes(item)) && new Set(items).size === items.length;
        },
        defaultMessage: () => `must be a comma-separated list of distinct values from: ${allowed.join(', ')}`,
      },
    });
}

/** The filters every monitoring view takes. Unknown parameters are refused (global whitelist). */
export class MonitoringFilters {
  @ApiPropertyOptional({ example: 'UBND-PHUONG-HK', description: 'Mã cơ quan đang giải quyết / only this agency (within the caller’s jurisdiction)' })
  @IsOptional()
  @IsString()
  @Matches(AGENCY_CODE_PATTERN, { message: 'must be upper-case letters, digits and dashes, e.g. UBND-HN' })
  @Length(2, 40)
  agency?: string;

  @ApiPropertyOptional({ enum: CASE_KINDS, description: 'Loại vụ việc / case kind' })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

  @ApiPropertyOptional({ enum: RULE_IDS, description: 'Quy định tính thời hạn / the legal rule of the clock (legal-rules.md), e.g. TC-04' })
  @IsOptional()
  @IsIn(RULE_IDS)
  rule?: RuleId;
}

/** The scope and filters a monitoring query runs with: never without the caller's agencies. */
export interface MonitoringScope {
  /** Agencies the caller may see (actor.agencyScope); empty means none, never "all". */
  agencyCodes: readonly string[];
}

/**
 * The scope and the filters as predicates on `case_clocks cc`: each clock carries its case's
 * agency and kind (copied by the database, migration 1764230000000-monitoring-indexes), so that
 * one index serves "this jurisdiction's clocks by due date".
 */
export function scopeAndFilterSql(
  add: (value: unknown) => string,
  scope: MonitoringScope,
  filters: { agency?: string; kind?: CaseKind; rule?: RuleId },
): string[] {
  const where = [`cc.agency_code = ANY(${add([...scope.agencyCodes])}::text[])`];
  if (filters.agency !== undefined) where.push(`cc.agency_code = ${add(filters.agency)}`);
  if (filters.kind !== undefined) where.push(`cc.case_kind = ${add(filters.kind)}`);
  if (filters.rule !== undefined) where.push(`cc.rule_id = ${add(filters.rule)}`);
  return where;
}
