import { Module } from '@nestjs/common';
import { WorkerTemporalClientModule } from '../temporal-client/worker-temporal-client';
import { DailyDigestService } from './daily-digest/daily-digest.service';
import { MAIL_TRANSPORT, mailTransportFromConfig } from './mail-transport';
import { NOTIFICATION_CONFIG, NotificationActivitiesService } from './notification-activities.service';
import { notificationConfigFromEnv, type NotificationConfig } from './notification-config';
import { NotificationDispatcherService } from './notification-dispatcher.service';

/**
 * E-mail delivery of the notification outbox: the dispatcher's activity (registered with the
 * worker by TemporalWorkerService), the mail transport, and the service that keeps the
 * dispatcher workflow running. A bad setting stops the worker at start.
 */
@Module({
  imports: [WorkerTemporalClientModule],
  providers: [
    { provide: NOTIFICATION_CONFIG, useFactory: () => notificationConfigFromEnv() },
    { provide: MAIL_TRANSPORT, useFactory: (config: NotificationConfig) => mailTransportFromConfig(config), inject: [NOTIFICATION_CONFIG] },
    NotificationActivitiesService,
    NotificationDispatcherService,
    DailyDigestService,
  ],
  exports: [NotificationActivitiesService, DailyDigestService],
})
export class NotificationsModule {}
