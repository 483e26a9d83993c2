import { Module } from '@nestjs/common';
import { WorkerTemporalClientModule } from '../temporal-client/worker-temporal-client';
import { PeriodicReportService } from './periodic-report.service';

/** The automatic periodic reports (Thông tư 01/2024/TT-TTCP): activities registered by TemporalWorkerService, and their schedules. */
@Module({
  imports: [WorkerTemporalClientModule],
  providers: [PeriodicReportService],
  exports: [PeriodicReportService],
})
export class ReportsModule {}
