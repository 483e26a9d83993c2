import { AuditEventEntity } from './audit-event.entity';
import { CaseEntity } from './case.entity';
import { CasePartyEntity } from './case-party.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export { AuditEventEntity, CaseEntity, CasePartyEntity, IdempotencyKeyEntity };
export type { CasePartyRole } from './case-party.entity';
export type { AuditStreamType } from './audit-event.entity';

export const ENTITIES = [CaseEntity, CasePartyEntity, AuditEventEntity, IdempotencyKeyEntity];
