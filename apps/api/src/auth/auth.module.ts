import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../hardening/rate-limit';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier, LocalJwtVerifier } from './access-token.verifier';
import { AgencyDirectory } from './agency-directory.service';
import { authConfigFromEnv } from './auth-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AUTH_CONFIG } from './auth.tokens';
import { DemoUsers } from './demo-users.service';

/** Authentication (local accounts now, OIDC later through AccessTokenVerifier) and the global access guard. */
@Global()
@Module({
  imports: [RateLimitModule],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_CONFIG, useFactory: () => authConfigFromEnv() },
    LocalJwtVerifier,
    { provide: AccessTokenVerifier, useExisting: LocalJwtVerifier },
    AgencyDirectory,
    AuthService,
    DemoUsers,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AgencyDirectory],
})
export class AuthModule {}
