import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { NotificationActivities, NotificationDeliveryRound } from '../../../../workflows/src/notifications/notification-contract';
import { describeError } from '../outbox/describe-error';
import { MAIL_TRANSPORT, type MailDelivery, type MailTransport } from './mail-transport';
import { retryDelayMs, type NotificationConfig } from './notification-config';
import { NotificationOutbox, type ClaimedNotification, type Recipient } from './notification-outbox';
import { notificationMessageId, renderNotification, type RenderedMessage } from './notification-templates';

export const NOTIFICATION_CONFIG = Symbol('NotificationConfig');

/** A round stops beginning new sends after this (well inside the activity's 10-minute limit). */
const ROUND_BUDGET_MS = 4 * 60_000;
/** Never sleep less than this between rounds, whatever is due (no hot loop on a row another process holds). */
const MIN_SLEEP_MS = 250;
/** Longest timer the dispatcher sets (a retry further away than this is looked at again then). */
const MAX_SLEEP_MS = 24 * 60 * 60_000;


/**
 * The dispatcher's activity, a Nest service (DI for the database, the configuration and the mail
 * transport). One round: claim due rows, and for each one resolve its recipients, record the
 * attempt, send, mark. Rows are independent: one row's failure is that row's retry, not the round's.
 */
@Injectable()
export class NotificationActivitiesService implements NotificationActivities, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDelivery');
  private readonly outbox: NotificationOutbox;

  /**
   * Fault injection for tests: called after the transport accepted a message and before the row
   * is marked sent. An exception thrown here leaves the round exactly as a crash in that window
   * would (the row stays `sending` under its lease, nothing is cleaned up).
   */
  afterAccepted: ((notificationId: string) => void) | undefined;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    this.outbox = new NotificationOutbox(dataSource);
  }

  async deliverPendingNotifications(): Promise<NotificationDeliveryRound> {
    const context = Context.current();
    // Temporal's clock, as the dispatcher's timers see it (also under a time-skipping test server).
    const nowMs = context.info.currentAttemptScheduledTimestampMs;
    const startedAt = Date.now();
    const token = randomUUID();
    const rows = await this.outbox.claim(token, this.config.batchSize, nowMs, this.config.claimLeaseMs);
    const round: NotificationDeliveryRound = { claimed: rows.length, sent: 0, resent: 0, retrying: 0, failed: 0, more: rows.length === this.config.batchSize, sleepMs: 0 };
    const begun = new Set<string>();
    try {
      for (const row of rows) {
        if (Date.now() - startedAt > ROUND_BUDGET_MS || context.cancellationSignal.aborted) {
          round.more = true;
          break;
        }
        context.heartbeat();
        begun.add(row.id);
        await this.deliver(row, token, nowMs, round);
        context.heartbeat();
      }
    } finally {
      // Rows never begun go back at once; a row begun and not marked (a crash after the send) is left to its lease.
      await this.outbox.release(
        token,
        rows.filter((r) => !begun.has(r.id)).map((r) => r.id),
      );
    }
    if (!round.more) {
      const dueInMs = await this.outbox.nextDueInMs(nowMs);
      // Nothing waiting: no timer at all (0); the watcher's signal wakes the dispatcher for new rows.
      round.sleepMs = dueInMs === undefined ? 0 : Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, Math.ceil(dueInMs)));
    }
    if (round.claimed > 0) this.logger.log({ round: { ...round }, transport: this.transport.description }, 'notification round');
    return round;
  }

  private async deliver(row: ClaimedNotification, token: string, nowMs: number, round: NotificationDeliveryRound): Promise<void> {
    // Everything the message needs, before anything is recorded: a row that cannot be rendered fails like a refused send.
    let recipients: Recipient[] = [];
    let message: RenderedMessage | undefined;
    let unprepared: string | undefined;
    try {
      recipients = await this.outbox.recipients(row);
      message = renderNotification(await this.outbox.facts(row));
    } catch (error) {
      unprepared = `could not prepare the message: ${describeError(error)}`;
    }
    const messageId = row.messageId ?? notificationMessageId(row.id, this.config.messageIdDomain);
    const attempt = await this.outbox.beginAttempt(
      row.id,
      token,
      messageId,
      recipients.map((r) => r.userId),
      this.config.claimLeaseMs,
    );
    if (!attempt) {
      this.logger.warn({ notification: row.id }, 'notification claim lapsed before sending: another round has it');
      return;
    }
    if (unprepared !== undefined || message === undefined) {
      await this.fail(row, token, attempt.attempts, nowMs, unprepared ?? 'could not prepare the message', round);
      return;
    }
    if (recipients.length === 0) {
      const nobody = row.recipientUserId !== null ? `user ${row.recipientUserId} is disabled or has no e-mail address` : `no enabled user with role ${row.recipientRole} in agency ${row.recipientAgency} has an e-mail address`;
      await this.fail(row, token, attempt.attempts, nowMs, `no recipient: ${nobody}`, round);
      return;
    }
    if (row.interrupted) {
      // The last claim ended without a mark, maybe after its send reached the server: same Message-ID again.
      this.logger.warn({ notification: row.id, messageId: attempt.messageId, attempt: attempt.attempts }, 're-sending a notification whose previous attempt was interrupted');
    }

    const { subject, text } = message;
    let delivery: MailDelivery;
    try {
      delivery = await this.transport.send({
        from: this.config.from,
        to: recipients.map((r) => r.email),
        subject,
        text,
        messageId: attempt.messageId,
        date: row.createdAt,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Donthu-Notification': `${row.id}; kind=${row.kind}` },
      });
    } catch (error) {
      await this.fail(row, token, attempt.attempts, nowMs, describeError(error), round);
      return;
    }
    if (delivery.accepted.length === 0) {
      await this.fail(row, token, attempt.attempts, nowMs, `every recipient was refused: ${delivery.response}`.slice(0, 500), round);
      return;
    }

    // The window: the server has the message, the row does not say so yet.
    this.afterAccepted?.(row.id);

    const refused = recipients.filter((r) => delivery.rejected.includes(r.email)).map((r) => r.userId);
    const note = refused.length > 0 ? `sent; refused by the server for ${refused.length} of ${recipients.length} recipients (users ${refused.join(', ')})` : null;
    if (await this.outbox.markSent(row.id, token, note)) {
      round.sent += 1;
      if (row.interrupted) round.resent += 1;
    } else {
      this.logger.warn({ notification: row.id, messageId: attempt.messageId }, 'notification sent but its claim had lapsed: the round that took it over marks it');
    }
  }

  private async fail(row: ClaimedNotification, token: string, attempts: number, nowMs: number, error: string, round: NotificationDeliveryRound): Promise<void> {
    const outcome = await this.outbox.markAttemptFailed(row.id, token, error, this.config.maxAttempts, nowMs + retryDelayMs(this.config, attempts));
    if (outcome === 'failed') round.failed += 1;
    else if (outcome === 'pending') round.retrying += 1;
    const level = outcome === 'failed' ? 'error' : 'warn';
    this.logger[level]({ notification: row.id, kind: row.kind, attempt: attempts, outcome, error }, outcome === 'failed' ? 'notification failed for good' : 'notification attempt failed: will retry');
  }

  /** The object handed to the Temporal worker: the activity bound to this service. */
  asActivities(): NotificationActivities {
    return { deliverPendingNotifications: this.deliverPendingNotifications.bind(this) };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
