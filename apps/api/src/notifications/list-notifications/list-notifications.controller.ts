import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiErrorBody } from '../../common/api-error';
import { commaList } from '../../monitoring/monitoring-params';
import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor';
import { ListNotificationsQuery, NOTIFICATION_STATUSES, type NotificationStatus } from './list-notifications.query';
import { findNotifications, type NotificationRow } from './list-notifications.repository';

/** One notification of the outbox and how its delivery went (no message text, no address). */
export class NotificationView implements NotificationRow {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'clock.overdue', description: 'clock.due_soon, clock.due_today, clock.overdue, clock.escalated_inspectorate, clock.escalated_superior, clock.very_overdue, case.transferred, digest.daily' })
  kind!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ example: 'agency_head', description: 'Vai trò người nhận / the role it is addressed to' }) recipientRole!: string;
  @ApiProperty({ example: 'UBND-HN', description: 'Cơ quan nhận / the agency it is addressed to' }) recipientAgency!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The one user a daily digest is for' }) recipientUserId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'UBND-HN-2026-000123' }) caseCode!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-26', description: 'The day of a daily digest' }) digestDate!: string | null;
  @ApiProperty({ description: 'Số lần gửi / delivery attempts so far' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Lỗi lần gửi gần nhất / why the last attempt failed (a note for a partly refused send)' }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Message-ID of its e-mail (the same on every attempt)' }) messageId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a pending notification is retried' }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
}

export class NotificationsPageView {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor!: string | null;
}

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class ListNotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Thông báo và tình trạng gửi / notifications and their delivery: pending, sent, failed (with the last error)',
    description:
      'An agency head, an inspectorate and an administrator see the notifications addressed to the agencies they may see; ' +
      'other officers those addressed to them (their role in their agency, their daily digest). Newest first, cursor pagination.',
  })
  @ApiOkResponse({ type: NotificationsPageView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'An unknown status, a malformed case code, limit or cursor, an unknown parameter' })
  @RequirePermission('read_notifications')
  async list(@Query() query: ListNotificationsQuery, @CurrentActor() actor: Actor): Promise<NotificationsPageView> {
    const { items, next } = await findNotifications(
      this.dataSource.manager,
      { id: actor.id, role: actor.role, agencyCode: actor.agencyCode, agencyScope: actor.agencyScope },
      { statuses: query.status === undefined ? undefined : (commaList(query.status) as NotificationStatus[]), caseCode: query.case },
      { limit: query.limit, after: query.cursor === undefined ? undefined : decodeNotificationCursor(query.cursor) },
    );
    return { items, nextCursor: next ? encodeNotificationCursor(next) : null };
  }
}
