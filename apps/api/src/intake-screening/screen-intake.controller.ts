import { Body, Controller, ForbiddenException, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrorBody } from '../common/api-error';
import { IntakeScreeningService } from './intake-screening.service';
import { ScreenIntakeDto } from './screen-intake.dto';
import { ScreeningResultView, screeningViews } from './screening.view';

@ApiTags('intake')
@Controller('api/v1/intake')
export class ScreenIntakeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly screening: IntakeScreeningService,
  ) {}

  @Post('screening')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @RequirePermission('register_case')
  @ApiOperation({
    summary: 'Kiểm tra trùng đơn trước khi tiếp nhận / screen a case before registering it',
    description:
      'The registration body (POST /api/v1/cases), nothing saved: possible duplicates, repeats of resolved matters (with the refusal grounds: ' +
      'Luật Khiếu nại 2011 Điều 11, Luật Tố cáo 2018 Điều 29, Luật Tiếp công dân 2013 Điều 9) and bypassed levels (vượt cấp). ' +
      'The same person is recognised by the blind indexes of the ID number or phone, never by plain values. Links outside the caller’s ' +
      'jurisdiction show only a code and an agency; no party data is ever returned. A match with a denunciation’s denouncer is recorded on ' +
      'that case’s identity audit stream.',
  })
  @ApiOkResponse({ type: ScreeningResultView })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiForbiddenResponse({ type: ApiErrorBody, description: 'Screening for an agency the caller does not work for' })
  async screen(@Body() dto: ScreenIntakeDto, @CurrentActor() actor: Actor): Promise<ScreeningResultView> {
    // As at registration: an officer screens intake for an agency they work for.
    if (!actor.agencyScope.includes(dto.agencyCode)) {
      throw new ForbiddenException({ message: `You may not register cases for ${dto.agencyCode}`, errors: [{ field: 'agencyCode', reason: 'not an agency you work for' }] });
    }
    const findings = await this.screening.screen(dto);
    // Recorded before anything is shown: a disclosure that is not on record does not happen.
    await this.dataSource.transaction((manager) => this.screening.auditDenouncerMatches(manager, findings, actor, { screening: true }));
    return { findings: await screeningViews(this.dataSource.manager, findings, actor) };
  }
}
