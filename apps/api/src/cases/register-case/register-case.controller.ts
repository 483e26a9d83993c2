import { Body, Controller, Header, HttpStatus, Post, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrorBody } from '../../common/api-error';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { IdempotencyKey } from '../../common/idempotency-key';
import { screeningViews } from '../../intake-screening/screening.view';
import { RegisterCaseDto } from './register-case.dto';
import { RegisteredCaseView } from './register-case.view';
import { RegisterCaseService } from './register-case.service';

@ApiTags('cases')
@Controller('api/v1/cases')
export class RegisterCaseController {
  constructor(
    private readonly service: RegisterCaseService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  // The receipt carries the tracking secret: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @RequirePermission('register_case')
  @ApiOperation({ summary: 'Tiếp nhận đơn / register a case', description: 'Writes the case and its first audit event, then starts its workflow.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the same case (201, then 200).' })
  @ApiCreatedResponse({ type: RegisteredCaseView, description: 'The receipt: the case, its tracking code and the tracking secret (shown this once)' })
  @ApiOkResponse({ type: RegisteredCaseView, description: 'Already registered by an earlier request with this Idempotency-Key (tracking.secret is null)' })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody })
  async register(
    @Body() dto: RegisterCaseDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredCaseView> {
    const { entity, created, trackingSecret, screening } = await this.service.register(dto, actor, idempotencyKey);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    // What screening found, as stored with the case (a replay shows what the first request found).
    return RegisteredCaseView.receipt(entity, trackingSecret, screening === null ? null : await screeningViews(this.dataSource.manager, screening, actor));
  }
}
