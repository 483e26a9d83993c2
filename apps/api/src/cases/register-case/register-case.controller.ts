import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorBody } from '../../common/api-error';
import { CurrentActor, type Actor } from '../../common/current-actor';
import { IdempotencyKey } from '../../common/idempotency-key';
import { CaseView } from '../case-views';
import { RegisterCaseDto } from './register-case.dto';
import { RegisterCaseService } from './register-case.service';

@ApiTags('cases')
@Controller('api/v1/cases')
export class RegisterCaseController {
  constructor(private readonly service: RegisterCaseService) {}

  @Post()
  @ApiOperation({ summary: 'Tiếp nhận đơn / register a case', description: 'Writes the case and its first audit event, then starts its workflow.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the same case (201, then 200).' })
  @ApiCreatedResponse({ type: CaseView })
  @ApiOkResponse({ type: CaseView, description: 'Already registered by an earlier request with this Idempotency-Key' })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody })
  async register(
    @Body() dto: RegisterCaseDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const { entity, created } = await this.service.register(dto, actor.id, idempotencyKey);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return CaseView.of(entity);
  }
}
