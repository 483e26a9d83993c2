import { Module } from '@nestjs/common';
import { VerifyAuditController } from './verify-audit/verify-audit.controller';

/** The audit trail as evidence: verifying that what is stored is what was written. */
@Module({ controllers: [VerifyAuditController] })
export class AuditModule {}
