import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { loggerParams } from '@donthu/logging';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { LegalModule } from './legal/legal.module';
import { MetricsModule } from './metrics/metrics.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { ReportsModule } from './reports/reports.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TrackingModule } from './tracking/tracking.module';
import { FlushTracesOnShutdown } from '@donthu/tracing';

@Module({
  imports: [
    // Read when the module starts (not when it is imported), so the environment can still change.
    LoggerModule.forRootAsync({ useFactory: () => loggerParams('api') }),
    // Migrations run at start; synchronize is never on.
    TypeOrmModule.forRootAsync({ useFactory: () => ({ ...databaseOptionsFromEnv(), migrationsRun: process.env.MIGRATIONS_RUN !== 'false' }) }),
    AuthModule,
    DirectoryModule,
    TemporalClientModule,
    CalendarModule,
    HealthModule,
    CasesModule,
    LegalModule,
    AuditModule,
    AttachmentsModule,
    TrackingModule,
    MonitoringModule,
    MetricsModule,
    NotificationsApiModule,
    ReportsModule,
  ],
  providers: [FlushTracesOnShutdown],
})
export class AppModule {}
