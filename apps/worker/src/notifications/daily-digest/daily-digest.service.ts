import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScheduleOptions } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DAILY_DIGEST_TIME, dailyDigestScheduleId, type DailyDigestActivities, type DailyDigestInput, type DailyDigestResult } from '../../../../../workflows/src/notifications/daily-digest-contract';
import { dailyDigestWorkflow } from '../../../../../workflows/src/notifications/daily-digest.workflow';
import { ensureSchedule } from '../../schedules/ensure-schedule';
import { WorkerTemporalClient } from '../../temporal-client/worker-temporal-client';
import { produceDailyDigests } from './daily-digest';

/** The daily digest's schedule: every day at 07:00 Asia/Ho_Chi_Minh, on this deployment's task queue. */
export function dailyDigestSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: dailyDigestScheduleId(taskQueue),
    spec: { calendars: [{ hour: DAILY_DIGEST_TIME.hour, minute: DAILY_DIGEST_TIME.minute }], timezone: DAILY_DIGEST_TIME.timeZone },
    action: { type: 'startWorkflow', workflowType: dailyDigestWorkflow, taskQueue, workflowId: `${dailyDigestScheduleId(taskQueue)}-run` },
    // A morning digest is worth sending late in the morning, not the next day (the next one is due then).
    policies: { overlap: 'SKIP', catchupWindow: '6 hours' },
  };
}

/**
 * The daily digest per officer: its activity (a Nest service) and its Temporal Schedule, created or
 * brought up to date at every worker start (ensureSchedule: idempotent).
 */
@Injectable()
export class DailyDigestService implements DailyDigestActivities, OnApplicationBootstrap {
  private readonly logger = new Logger('DailyDigest');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: WorkerTemporalClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const schedule = dailyDigestSchedule(this.temporal.config.taskQueue);
    try {
      const outcome = await ensureSchedule(await this.temporal.get(), schedule);
      this.logger.log({ scheduleId: schedule.scheduleId, outcome }, 'daily digest schedule ready (07:00 Asia/Ho_Chi_Minh)');
    } catch (error) {
      // A server without schedules (the time-skipping test server) or a transient failure: the next start tries again.
      this.logger.warn({ err: error, scheduleId: schedule.scheduleId }, 'could not create the daily digest schedule');
    }
  }

  async produceDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult> {
    const result = await produceDailyDigests(this.dataSource, input.atMs);
    this.logger.log({ ...result }, 'daily digests written to the outbox');
    return result;
  }

  asActivities(): DailyDigestActivities {
    return { produceDailyDigests: this.produceDailyDigests.bind(this) };
  }
}
