import { BadRequestException, Controller, Get, Logger, NotFoundException, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CaseEntity, caseStream, type ChainVerification } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { ADMINISTRATIVE_STREAMS, ADMINISTRATIVE_STREAM_NAMES, verifyAuditStream } from './verify-audit-stream';
import { VerifyAuditQuery } from './verify-audit.query';

/** The outcome of a verification: it ran, and the chain is intact or broken at a sequence. */
export class AuditVerificationView {
  @ApiPropertyOptional({ example: 'UBND-HN-2026-000123', description: 'The case verified (case streams)' })
  case?: string;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_STREAM_NAMES, description: 'The administrative stream verified' })
  stream?: string;

  @ApiPropertyOptional({ example: 'vn-official-days-off', description: 'Its stream id' })
  streamId?: string;

  @ApiProperty({ description: 'true: every event is present, links to the previous one and hashes to what it claims' })
  valid!: boolean;

  @ApiPropertyOptional({ example: 4, description: 'Number of events verified (valid chains)' })
  length?: number;

  @ApiPropertyOptional({ example: 2, description: 'First sequence that does not verify (broken chains)' })
  brokenAtSequence?: number;

  @ApiPropertyOptional({ example: 'hash does not match the event content', description: 'Why (broken chains)' })
  reason?: string;
}

function fieldError(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: 'Request validation failed', errors: [{ field, reason }] });
}

/**
 * GET /api/v1/audit/verify: recomputes a hash chain from audit_events as stored. A broken chain
 * is an answer (200, valid: false), not an error: the verification ran and found tampering.
 * Access control (inspectorate, administrators) comes with the auth issue.
 */
@ApiTags('audit')
@Controller('api/v1/audit')
export class VerifyAuditController {
  private readonly logger = new Logger(VerifyAuditController.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Kiểm tra tính toàn vẹn nhật ký / verify an audit trail’s hash chain',
    description: '`?case=<code>` for a case’s trail, `?stream=calendar` for the official calendar’s. Answers 200 whether the chain is intact or broken.',
  })
  @ApiOkResponse({ type: AuditVerificationView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'A malformed case code, an unknown stream, neither or both given' })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No case with this code' })
  @RequirePermission('verify_audit')
  async verify(@Query() query: VerifyAuditQuery, @CurrentActor() actor: Actor): Promise<AuditVerificationView> {
    if (query.case !== undefined && query.stream !== undefined) throw fieldError('stream', 'must not be given together with case');
    if (query.trail !== undefined && query.case === undefined) throw fieldError('trail', 'goes with case');
    if (query.case === undefined && query.stream === undefined) throw fieldError('case', 'give a case code (case=UBND-HN-2026-000123) or an administrative stream (stream=calendar)');

    if (query.case !== undefined) {
      const code = query.case;
      // One snapshot: the case's last_sequence and its events are read as of the same moment, so
      // an event committed meanwhile can neither look missing nor be half-counted.
      const verification = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        const entity = await manager.findOne(CaseEntity, { where: { code } });
        if (!entity || !actor.agencyScope.includes(entity.agencyCode)) {
          throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'case', reason: 'no case with this code' }] });
        }
        const trail = query.trail ?? 'case';
        // Only the lifecycle chain has a length recorded elsewhere (the case row's last_sequence).
        return trail === 'case' ? verifyAuditStream(manager, caseStream(entity.id), entity.lastSequence) : verifyAuditStream(manager, { streamType: trail, streamId: entity.id });
      });
      this.warnIfBroken(verification, { caseCode: code });
      return { case: code, ...(query.trail && query.trail !== 'case' ? { trail: query.trail } : {}), ...verification };
    }

    const name = query.stream!;
    const stream = ADMINISTRATIVE_STREAMS[name];
    const verification = await verifyAuditStream(this.dataSource.manager, stream);
    this.warnIfBroken(verification, { stream: name });
    return { stream: name, streamId: stream.streamId, ...verification };
  }

  // A broken chain means someone wrote to the database around the api: operators must hear of it.
  private warnIfBroken(verification: ChainVerification, subject: Record<string, string>): void {
    if (!verification.valid) this.logger.warn({ ...subject, brokenAtSequence: verification.brokenAtSequence, reason: verification.reason }, 'audit chain broken');
  }
}
