import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { loggerParams } from './common/logging';
import { HealthModule } from './health/health.module';
import { LegalModule } from './legal/legal.module';
import { TemporalClientModule } from './temporal/temporal-client.module';

@Module({
  imports: [
    LoggerModule.forRoot(loggerParams()),
    // Migrations run at start; synchronize is never on.
    TypeOrmModule.forRootAsync({ useFactory: () => ({ ...databaseOptionsFromEnv(), migrationsRun: true }) }),
    TemporalClientModule,
    CalendarModule,
    HealthModule,
    CasesModule,
    LegalModule,
    AuditModule,
  ],
})
export class AppModule {}
