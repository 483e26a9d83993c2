import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AuditEventEntity, caseStream } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { AuditEventView } from '../case-views';
import { CaseCodeParam } from '../get-case/case-code.param';
import { findCaseOr404 } from '../get-case/find-case';

@ApiTags('cases')
@Controller('api/v1/cases')
export class ListCaseEventsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':code/events')
  @ApiOperation({ summary: 'Nhật ký vụ việc / the audit events of a case, oldest first' })
  @ApiOkResponse({ type: [AuditEventView] })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @RequirePermission('read_case_events')
  async list(@CaseCodeParam() code: string, @CurrentActor() actor: Actor): Promise<AuditEventView[]> {
    const entity = await findCaseOr404(this.dataSource, code, actor);
    const events = await this.dataSource.getRepository(AuditEventEntity).find({ where: caseStream(entity.id), order: { sequence: 'ASC' } });
    return events.map((event) => AuditEventView.of(event));
  }
}
