import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import { ADMINISTRATIVE_STREAM_NAMES, type AdministrativeStreamName } from './verify-audit-stream';

/** A case's chains: its lifecycle, who revealed the identity, its attachments (one hash chain each). */
export const CASE_TRAILS = ['case', 'identity', 'attachment'] as const;
export type CaseTrail = (typeof CASE_TRAILS)[number];

/** Which chain to verify: a case's (`case`) or an administrative stream's (`stream`), exactly one. */
export class VerifyAuditQuery {
  @ApiPropertyOptional({ example: 'UBND-HN-2026-000123', description: 'Mã vụ việc / code of the case whose audit trail to verify' })
  @IsOptional()
  @Matches(CASE_CODE_PATTERN, { message: 'must be a case code like UBND-HN-2026-000123' })
  case?: string;

  @ApiPropertyOptional({
    enum: CASE_TRAILS,
    description: 'Với `case`: nhật ký nào của vụ việc / with `case`: which of its chains — the lifecycle (default), identity reveals, attachments',
  })
  @IsOptional()
  @IsIn(CASE_TRAILS)
  trail?: CaseTrail;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_STREAM_NAMES, description: 'Nhật ký quản trị / an administrative audit stream (calendar: the official days off)' })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_STREAM_NAMES)
  stream?: AdministrativeStreamName;
}
