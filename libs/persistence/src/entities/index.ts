import { AuditEventEntity } from './audit-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CaseClockEntity } from './case-clock.entity';
import { CaseEntity } from './case.entity';
import { CasePartyEntity } from './case-party.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NotificationEntity } from './notification.entity';

export { AuditEventEntity, CalendarYearEntity, CaseClockEntity, CaseEntity, CasePartyEntity, IdempotencyKeyEntity, NotificationEntity };
export type { CasePartyRole } from './case-party.entity';
export type { AuditStreamType } from './audit-event.entity';

export const ENTITIES = [CaseEntity, CasePartyEntity, AuditEventEntity, IdempotencyKeyEntity, CaseClockEntity, NotificationEntity, CalendarYearEntity];
