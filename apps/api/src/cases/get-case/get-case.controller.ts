import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { CaseDetailView } from '../case-views';
import { CaseCodeParam } from './case-code.param';
import { loadCaseDetail } from './find-case';

@ApiTags('cases')
@Controller('api/v1/cases')
export class GetCaseController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':code')
  @ApiOperation({ summary: 'Xem vụ việc / a case, its clocks with their explanations, and the commands allowed now' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @RequirePermission('read_case')
  get(@CaseCodeParam() code: string, @CurrentActor() actor: Actor): Promise<CaseDetailView> {
    return loadCaseDetail(this.dataSource, code, actor);
  }
}
