import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from '@donthu/logging';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { CaseActivitiesService } from './activities/case-activities.service';
import { NotificationsModule } from './notifications/notifications.module';
import { TemporalWorkerService, workerTemporalConfigProvider } from './temporal-worker.service';

@Module({
  imports: [
    LoggerModule.forRootAsync({ useFactory: () => loggerParams('worker') }),
    TypeOrmModule.forRootAsync({ useFactory: () => databaseOptionsFromEnv() }),
    NotificationsModule,
  ],
  providers: [CaseActivitiesService, TemporalWorkerService, workerTemporalConfigProvider],
})
export class WorkerModule {}
