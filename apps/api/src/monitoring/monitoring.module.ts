import { Module } from '@nestjs/common';
import { MonitoringSummaryController } from './monitoring-summary/monitoring-summary.controller';
import { OnTimeRateController } from './on-time-rate/on-time-rate.controller';
import { OverdueClocksController } from './overdue-clocks/overdue-clocks.controller';
import { PriorityCasesController } from './priority-cases/priority-cases.controller';
import { TrendController } from './trend/trend.controller';

/**
 * Monitoring of statutory deadlines (legal-rules.md §6) for inspectorates and agency heads: what
 * is due soon or overdue now, and how much was resolved on time. Reads PostgreSQL only, always
 * within the caller's agencies.
 */
@Module({ controllers: [MonitoringSummaryController, OverdueClocksController, OnTimeRateController, PriorityCasesController, TrendController] })
export class MonitoringModule {}
