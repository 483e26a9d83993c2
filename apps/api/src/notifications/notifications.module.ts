import { Module } from '@nestjs/common';
import { ListNotificationsController } from './list-notifications/list-notifications.controller';

/** The notification outbox as the staff see it: what was sent, what waits, what failed and why. */
@Module({ controllers: [ListNotificationsController] })
export class NotificationsApiModule {}
