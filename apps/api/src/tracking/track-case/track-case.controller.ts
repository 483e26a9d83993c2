import { Controller, Get, Header } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/access.decorators';
import { CaseCodeParam } from '../../cases/get-case/case-code.param';
import { ApiErrorBody } from '../../common/api-error';
import { perMinuteFromEnv, RateLimit } from '../../hardening/rate-limit';
import { TRACKING_SECRET_FORMAT } from '../tracking-secret';
import { TrackCaseService } from './track-case.service';
import { TRACKING_SECRET_HEADER, TrackingSecret } from './tracking-secret.header';
import { TrackingView } from './tracking.view';

/** TRACKING_RATE_LIMIT: requests per minute per client address (default 10). */
export const trackingRateLimit = perMinuteFromEnv('TRACKING_RATE_LIMIT', 10);

@ApiTags('tracking')
@Controller('api/v1/track')
export class TrackCaseController {
  constructor(private readonly service: TrackCaseService) {}

  @Get(':code')
  @Public()
  @RateLimit(trackingRateLimit)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Tra cứu đơn / track a case with the code and secret of its receipt',
    description:
      'For citizens, without logging in. Public status, current deadline and public milestones only: no personal data, no officer, note or internal step. ' +
      'An unknown code and a wrong secret get the same 404. Rate-limited per client address (TRACKING_RATE_LIMIT a minute, default 10).',
    security: [],
  })
  @ApiHeader({ name: TRACKING_SECRET_HEADER, required: true, description: `Mã bí mật trên phiếu tiếp nhận / the secret on the receipt: ${TRACKING_SECRET_FORMAT}. Never in the URL.` })
  @ApiOkResponse({ type: TrackingView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'Malformed code or secret, missing header, or a secret in the query string' })
  @ApiNotFoundResponse({ type: ApiErrorBody, description: 'No case with this code and secret (the same answer for both)' })
  track(@CaseCodeParam() code: string, @TrackingSecret() secret: string): Promise<TrackingView> {
    return this.service.track(code, secret);
  }
}
