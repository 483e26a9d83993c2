import { BadRequestException, Controller, Get, InternalServerErrorException, Logger, NotFoundException, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { PeriodicReportEntity } from '@donthu/persistence';
import { loadReportFile, reportFileName, sha256Hex } from '@donthu/reporting';
import { contentDisposition } from '../../attachments/content/file-name';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { mayReadReport } from '../report-view';

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const ReportIdParam = () =>
  Param(
    'id',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'id', reason: 'must be a report id (UUID)' }] }) }),
  );

@ApiTags('reports')
@Controller('api/v1/reports')
export class DownloadReportController {
  private readonly logger = new Logger(DownloadReportController.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/xlsx')
  @RequirePermission('read_report')
  @ApiOperation({ summary: 'Tải báo cáo (XLSX, biểu mẫu) / download the report as the official tables', description: 'X-Content-SHA256: the SHA-256 kept with the report, checked before the file is sent.' })
  @ApiProduces(MEDIA_TYPES.xlsx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No such report within your jurisdiction' })
  xlsx(@ReportIdParam() id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    return this.download(id, 'xlsx', actor, response);
  }

  @Get(':id/csv')
  @RequirePermission('read_report')
  @ApiOperation({ summary: 'Tải báo cáo (CSV) / download the report as CSV (UTF-8 with BOM, one row per indicator)', description: 'X-Content-SHA256 as for the XLSX.' })
  @ApiProduces(MEDIA_TYPES.csv)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No such report within your jurisdiction' })
  csv(@ReportIdParam() id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    return this.download(id, 'csv', actor, response);
  }

  private async download(id: string, format: 'xlsx' | 'csv', actor: Actor, response: Response): Promise<StreamableFile> {
    const report = await this.dataSource.getRepository(PeriodicReportEntity).findOneBy({ id });
    // Out of the actor's jurisdiction reads as absent, like an out-of-scope case.
    if (!report || !mayReadReport(report, actor.agencyScope)) throw new NotFoundException({ message: `Report ${id} not found`, errors: [{ field: 'id', reason: 'no report with this id within your jurisdiction' }] });
    const file = await loadReportFile(this.dataSource.manager, id, format);
    if (!file || sha256Hex(file.bytes) !== file.sha256) {
      this.logger.error({ reportId: id, format }, 'report file not served: it does not match its checksum');
      throw new InternalServerErrorException({ message: 'The stored report file is damaged: it is not served' });
    }
    const name = reportFileName({ period: { kind: report.periodKind, year: report.year }, scope: { agencyCode: report.scopeAgencyCode, includeSubordinates: report.includeSubordinates } }, format);
    response.setHeader('Content-Type', MEDIA_TYPES[format]);
    response.setHeader('Content-Length', String(file.bytes.length));
    response.setHeader('Content-Disposition', contentDisposition(name));
    response.setHeader('X-Content-SHA256', file.sha256);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.bytes);
  }
}
