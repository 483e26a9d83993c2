import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { CaseView } from '../../cases/case-views';
import { decodeCursor, encodeCursor } from '../../cases/list-cases/case-list-cursor';
import { CaseListPageView } from '../../cases/list-cases/list-cases.controller';
import { findCasePage } from '../../cases/list-cases/list-cases.repository';
import { PriorityCasesQuery } from './priority-cases.query';

@ApiTags('monitoring')
@Controller('api/v1/monitoring')
export class PriorityCasesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('priority')
  @ApiOperation({
    summary: 'Vụ việc theo dõi ưu tiên / cases flagged for priority monitoring: đông người, phức tạp, kéo dài, đất đai',
    description:
      'Large-group, complex, prolonged and land cases are flagged for priority monitoring (legal-rules.md §4); how each flag is set: libs/domain/src/case/priority-flags.ts. ' +
      'Open cases of the caller’s jurisdiction, nearest deadline first (cases without a running clock last), then code; the same cursor pagination as GET /api/v1/cases.',
  })
  @ApiOkResponse({ type: CaseListPageView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown flag, kind or status, a malformed agency, includeClosed, limit or cursor, an unknown parameter' })
  @RequirePermission('list_cases')
  async list(@Query() query: PriorityCasesQuery, @CurrentActor() actor: Actor): Promise<CaseListPageView> {
    const { flag, agency, kind, status, includeClosed, limit, cursor } = query;
    const { rows, next } = await findCasePage(
      this.dataSource.manager,
      { priority: flag ?? 'any', agency, kind, status, open: !includeClosed },
      { limit, after: cursor === undefined ? undefined : decodeCursor(cursor) },
      // Jurisdiction: the agencies the actor may see (an inspectorate: its level and below).
      { agencyCodes: actor.agencyScope },
    );
    return { items: rows.map((row) => CaseView.of(row)), nextCursor: next ? encodeCursor(next) : null };
  }
}
