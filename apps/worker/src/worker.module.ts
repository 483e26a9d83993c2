import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from '@donthu/logging';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { CaseActivitiesService } from './activities/case-activities.service';
import { NationalExportModule } from './national-export/national-export.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReportsModule } from './reports/reports.module';
import { TemporalWorkerService, workerTemporalConfigProvider } from './temporal-worker.service';

@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: () => loggerParams('worker') }),
    TypeOrmModule.forRootAsync({ useFactory: () => databaseOptionsFromEnv() }),
    NotificationsModule,
    NationalExportModule,
    ReportsModule,
  ],
  providers: [CaseActivitiesService, TemporalWorkerService, workerTemporalConfigProvider],
})
export class WorkerModule {}
