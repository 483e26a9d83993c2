import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ApiErrorBody } from '../common/api-error';
import { perMinuteFromEnv, RateLimit } from '../hardening/rate-limit';
import { Public } from './access.decorators';
import { AuthService, type Session } from './auth.service';

export class LoginDto {
  @ApiProperty({ example: 'demo.agency_head.UBND-HN' })
  @IsString()
  @Length(1, 200)
  username!: string;

  @ApiProperty({ example: 'donthu-demo' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class SessionUserView {
  @ApiProperty({ example: 'demo.agency_head.UBND-HN' }) id!: string;
  @ApiProperty({ example: 'Demo agency_head UBND-HN' }) displayName!: string;
  @ApiProperty({ example: 'agency_head' }) role!: string;
  @ApiProperty({ example: 'UBND-HN' }) agencyCode!: string;
}

/** What login and refresh return: a short-lived access token and the next refresh token. */
export class SessionView implements Session {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Works once: exchange it at /api/v1/auth/refresh' }) refreshToken!: string;
  @ApiProperty({ example: 900, description: 'Seconds the access token lives' }) expiresIn!: number;
  @ApiProperty({ type: SessionUserView }) user!: SessionUserView;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RateLimit(perMinuteFromEnv('LOGIN_RATE_LIMIT', 10))
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập / log in', description: 'Returns a short-lived access token (Bearer) and a rotating refresh token. Locked after repeated failures (423).' })
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'Wrong username or password' })
  @ApiResponse({ status: 423, type: ApiErrorBody, description: 'Tài khoản bị khóa tạm thời / locked after repeated failures (LOGIN_MAX_FAILURES)' })
  login(@Body() dto: LoginDto): Promise<Session> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @Public()
  @RateLimit(perMinuteFromEnv('LOGIN_RATE_LIMIT', 10))
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Làm mới phiên / rotate the refresh token', description: 'A refresh token works once; reusing it revokes the session.' })
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ type: ApiErrorBody, description: 'Unknown, expired or reused refresh token' })
  refresh(@Body() dto: RefreshDto): Promise<Session> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Đăng xuất / revoke the session' })
  @ApiNoContentResponse({ description: 'Revoked (also when the token was unknown: nothing to tell an attacker)' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
