import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { PeriodicReportEntity } from '@donthu/persistence';
import { toStoredReport } from '@donthu/reporting';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { reportView, ReportView } from '../report-view';
import { ListReportsQuery } from './list-reports.query';

export class ReportListView {
  @ApiProperty({ type: [ReportView] }) items!: ReportView[];
  @ApiProperty({ description: 'More reports match than `limit`: narrow the filters (year, agency, periodKind)' }) truncated!: boolean;
}

@ApiTags('reports')
@Controller('api/v1/reports')
export class ListReportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission('read_report')
  @ApiOperation({
    summary: 'Các báo cáo định kỳ đã lập / periodic reports kept, newest first',
    description: 'Only reports whose every agency is within your jurisdiction (a province’s report is not shown to one of its communes).',
  })
  @ApiOkResponse({ type: ReportListView })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  async list(@Query() query: ListReportsQuery, @CurrentActor() actor: Actor): Promise<ReportListView> {
    const qb = this.dataSource
      .getRepository(PeriodicReportEntity)
      .createQueryBuilder('r')
      // Jurisdiction: every agency of the report among the actor's (an empty scope sees nothing).
      .where('r.scopeAgencies <@ CAST(:scope AS text[])', { scope: [...actor.agencyScope] })
      .orderBy('r.generatedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(query.limit + 1);
    if (query.periodKind) qb.andWhere('r.periodKind = :kind', { kind: query.periodKind });
    if (query.year !== undefined) qb.andWhere('r.year = :year', { year: query.year });
    if (query.agency) qb.andWhere('r.scopeAgencyCode = :agency', { agency: query.agency });
    if (query.trigger) qb.andWhere('r.trigger = :trigger', { trigger: query.trigger });
    // The figures stay in the database: a list shows what each report is, its files are downloaded.
    const rows = await qb.select(['r.id', 'r.periodKind', 'r.year', 'r.periodFrom', 'r.periodTo', 'r.scopeAgencyCode', 'r.includeSubordinates', 'r.scopeAgencies', 'r.generatedAt', 'r.trigger', 'r.generatedBy', 'r.xlsxSha256', 'r.csvSha256']).getMany();
    return { items: rows.slice(0, query.limit).map((r) => reportView(toStoredReport(r))), truncated: rows.length > query.limit };
  }
}
