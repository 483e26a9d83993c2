import { Body, Controller, ForbiddenException, HttpCode, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { InvalidInputError, REPORT_PERIOD_CITATION } from '@donthu/domain';
import { checkReportRequest, generatePeriodicReport } from '@donthu/reporting';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { AgencyDirectory } from '../../auth/agency-directory.service';
import { ApiErrorBody } from '../../common/api-error';
import { badRequestFrom } from '../../common/domain-errors';
import { GeneratedReportView, mayReadReport, reportView } from '../report-view';
import { GenerateReportDto } from './generate-report.dto';

/** Refusals that are about the request's meaning, not its shape: 422 (a period not over, an agency not in the directory). */
const UNPROCESSABLE = new Set(['period_not_ended', 'unknown_agency']);

@ApiTags('reports')
@Controller('api/v1/reports')
export class GenerateReportController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgencyDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('generate_report')
  @ApiOperation({
    summary: 'Lập báo cáo định kỳ / make a periodic report (Thông tư 01/2024/TT-TTCP) now',
    description:
      `${REPORT_PERIOD_CITATION}. The figures are computed from the cases as recorded now, each act dated by its effective date, ` +
      'and kept with the XLSX (the official tables) and the CSV and their SHA-256; an audit event records it. Only a period that has ended ' +
      '(from the day after its cut-off), only within your jurisdiction.',
  })
  @ApiCreatedResponse({ type: GeneratedReportView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown period kind, a year out of range, a malformed agency code, an unknown field' })
  @ApiForbiddenResponse({ type: ApiErrorBody, description: 'The agency (or one below it, with includeSubordinates) is outside your jurisdiction' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'The period has not ended yet, or the agency is not in the directory' })
  async generate(@Body() dto: GenerateReportDto, @CurrentActor() actor: Actor): Promise<GeneratedReportView> {
    const nowMs = Date.now();
    const tree = await this.agencies.tree();
    const request = { periodKind: dto.periodKind, year: dto.year, agencyCode: dto.agencyCode, includeSubordinates: dto.includeSubordinates ?? false, nowMs };
    let agencies: string[];
    try {
      agencies = checkReportRequest(tree, request).agencies;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      if (!UNPROCESSABLE.has(error.code)) throw badRequestFrom([{ field: error.field, reason: error.reason }]);
      throw new UnprocessableEntityException({ message: error.reason.en, errors: [{ field: error.field, reason: error.reason.en, reasonVi: error.reason.vi }] });
    }
    // Jurisdiction: every agency the report covers must be one the actor may see.
    if (!mayReadReport({ scopeAgencies: agencies }, actor.agencyScope)) {
      throw new ForbiddenException({
        message: 'Outside your jurisdiction',
        errors: [{ field: 'agencyCode', reason: dto.includeSubordinates ? 'this agency or one below it is outside your jurisdiction' : 'outside your jurisdiction' }],
      });
    }
    const { report, created } = await generatePeriodicReport(this.dataSource, { ...request, trigger: 'on_demand', generatedBy: actor.id }, tree);
    const figures = report.figures as { totals?: Record<string, number | null> };
    return { ...reportView(report), totals: figures.totals ?? {}, created };
  }
}
