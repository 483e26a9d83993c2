import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
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

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RateLimit(perMinuteFromEnv('LOGIN_RATE_LIMIT', 10))
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập / log in', description: 'Returns a short-lived access token (Bearer) and a rotating refresh token. Locked after repeated failures (423).' })
  @ApiOkResponse({ description: '{ accessToken, refreshToken, expiresIn, user }' })
  @ApiUnauthorizedResponse({ type: ApiErrorBody })
  login(@Body() dto: LoginDto): Promise<Session> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @Public()
  @RateLimit(perMinuteFromEnv('LOGIN_RATE_LIMIT', 10))
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Làm mới phiên / rotate the refresh token', description: 'A refresh token works once; reusing it revokes the session.' })
  @ApiUnauthorizedResponse({ type: ApiErrorBody })
  refresh(@Body() dto: RefreshDto): Promise<Session> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Đăng xuất / revoke the session' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
