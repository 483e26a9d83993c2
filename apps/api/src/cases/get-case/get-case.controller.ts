import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ApiErrorBody } from '../../common/api-error';
import { CaseView } from '../case-views';
import { CaseCodeParam } from './case-code.param';
import { findCaseOr404 } from './find-case';

@ApiTags('cases')
@Controller('api/v1/cases')
export class GetCaseController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':code')
  @ApiOperation({ summary: 'Xem vụ việc / a case and its status' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async get(@CaseCodeParam() code: string): Promise<CaseView> {
    return CaseView.of(await findCaseOr404(this.dataSource, code));
  }
}
