import { Module } from '@nestjs/common';
import { IntakeScreeningService } from './intake-screening.service';
import { ScreenIntakeController } from './screen-intake.controller';

/**
 * Duplicate, repeat and bypassed-level detection at intake (issue #7 item 5): on request before
 * registering (POST /api/v1/intake/screening), and at registration, stored with the case.
 */
@Module({
  controllers: [ScreenIntakeController],
  providers: [IntakeScreeningService],
  exports: [IntakeScreeningService],
})
export class IntakeScreeningModule {}
