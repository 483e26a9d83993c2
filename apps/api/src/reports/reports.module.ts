import { Module } from '@nestjs/common';
import { DownloadReportController } from './download-report/download-report.controller';
import { GenerateReportController } from './generate-report/generate-report.controller';
import { ListReportsController } from './list-reports/list-reports.controller';

/**
 * Periodic reports (Thông tư 01/2024/TT-TTCP; legal-rules.md §6): made on demand here, and by the
 * worker's Temporal Schedules at each cut-off (apps/worker/src/reports); listed and downloaded
 * within the caller's jurisdiction.
 */
@Module({ controllers: [GenerateReportController, ListReportsController, DownloadReportController] })
export class ReportsModule {}
