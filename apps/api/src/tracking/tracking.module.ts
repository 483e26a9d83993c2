import { Module } from '@nestjs/common';
import { RateLimitModule } from '../hardening/rate-limit';
import { TrackCaseController } from './track-case/track-case.controller';
import { TrackCaseService } from './track-case/track-case.service';

/** Citizen tracking (tra cứu): public, rate-limited, by code and receipt secret. Secrets are issued at intake. */
@Module({ imports: [RateLimitModule], controllers: [TrackCaseController], providers: [TrackCaseService] })
export class TrackingModule {}
