import { AgencyEntity } from './agency.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CaseAttachmentEntity } from './case-attachment.entity';
import { CaseClockEntity } from './case-clock.entity';
import { CaseEntity } from './case.entity';
import { CasePartyEntity } from './case-party.entity';
import { CaseTrackingEntity } from './case-tracking.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NationalExportRecordEntity } from './national-export-record.entity';
import { NotificationEntity } from './notification.entity';
import { PeriodicReportEntity } from './periodic-report.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export { AgencyEntity, RefreshTokenEntity, UserEntity };
export { AuditEventEntity, CalendarYearEntity, CaseClockEntity, CaseEntity, CasePartyEntity, IdempotencyKeyEntity, NotificationEntity };
export { CaseAttachmentEntity };
export { CaseTrackingEntity };
export { NationalExportRecordEntity };
export { PeriodicReportEntity };
export type { ReportTrigger } from './periodic-report.entity';
export type { CasePartyRole } from './case-party.entity';
export type { AuditStreamType } from './audit-event.entity';

export const ENTITIES = [AgencyEntity, UserEntity, RefreshTokenEntity, CaseEntity, CasePartyEntity, AuditEventEntity, IdempotencyKeyEntity, CaseClockEntity, NotificationEntity, CalendarYearEntity, CaseAttachmentEntity, CaseTrackingEntity, NationalExportRecordEntity, PeriodicReportEntity];
