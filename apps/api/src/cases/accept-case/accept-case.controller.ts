import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { acceptCaseUpdate } from '@donthu/workflows';
import { ApiErrorBody } from '../../common/api-error';
import { CurrentActor } from '../../common/current-actor';
import { IdempotencyKey } from '../../common/idempotency-key';
import { CaseView } from '../case-views';
import { CaseCodeParam } from '../get-case/case-code.param';
import { findCaseOr404 } from '../get-case/find-case';
import { CaseCommandSender } from '../case-command-sender';
import { AcceptCaseDto } from './accept-case.dto';

@ApiTags('cases')
@Controller('api/v1/cases')
export class AcceptCaseController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commands: CaseCommandSender,
  ) {}

  @Post(':code/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Thụ lý / accept a case', description: 'A Temporal Update: refused with 409 when the case is not in a state that allows it.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Used as the Update id: a retried command is applied once.' })
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async accept(
    @CaseCodeParam() code: string,
    @Body() dto: AcceptCaseDto,
    @CurrentActor() actor: string,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CaseView> {
    const entity = await findCaseOr404(this.dataSource, code);
    await this.commands.send(entity, acceptCaseUpdate, [{ actor, ...(dto.note !== undefined ? { note: dto.note } : {}) }], idempotencyKey);
    return CaseView.of(await findCaseOr404(this.dataSource, code));
  }
}
