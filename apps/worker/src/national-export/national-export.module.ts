import { Module } from '@nestjs/common';
import { WorkerTemporalClientModule } from '../temporal-client/worker-temporal-client';
import { NATIONAL_EXPORT_CONFIG, NationalExportActivitiesService } from './national-export-activities.service';
import { nationalExportConfigFromEnv } from './national-export-config';
import { NationalExportWatcherService } from './national-export-watcher.service';

/**
 * Export of case records to the national complaints database (docs/national-export.md): the
 * activity (registered with the worker by TemporalWorkerService) and, when NATIONAL_DB_URL is set,
 * the service that keeps the export workflow running. A bad setting stops the worker at start.
 */
@Module({
  imports: [WorkerTemporalClientModule],
  providers: [{ provide: NATIONAL_EXPORT_CONFIG, useFactory: () => nationalExportConfigFromEnv() ?? null }, NationalExportActivitiesService, NationalExportWatcherService],
  exports: [NationalExportActivitiesService],
})
export class NationalExportModule {}
