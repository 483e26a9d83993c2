import { registerDecorator } from 'class-validator';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../common/opaque-cursor';

/** Where a page of notifications ends (newest first): its last row's creation time and id. */
export interface NotificationPosition {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// PostgreSQL's timestamptz to the microsecond, as the repository writes it (UTC).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeNotificationCursor(p: NotificationPosition): string {
  return encodeOpaqueCursor([p.createdAt, p.id]);
}

export function decodeNotificationCursor(cursor: unknown): NotificationPosition | undefined {
  const key = decodeOpaqueCursor(cursor, 2);
  if (!key) return undefined;
  const [createdAt, id] = key;
  if (typeof createdAt !== 'string' || !INSTANT.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return undefined;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  return { createdAt, id };
}

export function IsNotificationCursor(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotificationCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => decodeNotificationCursor(value) !== undefined,
        defaultMessage: () => 'must be a nextCursor returned by an earlier page of this list',
      },
    });
}
