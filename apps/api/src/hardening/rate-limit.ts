import { applyDecorators, HttpException, HttpStatus, Injectable, Module, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiErrorBody } from '../common/api-error';

/** Every limit counts requests per client address over one minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

const THROTTLER = ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: RATE_LIMIT_WINDOW_MS, limit: 60 }] });

/**
 * The throttler, configured once for the whole api but applied nowhere by itself: a feature module
 * imports RateLimitModule (the same instance wherever imported) and an endpoint opts in with
 * `@RateLimit(perMinute)` (citizen tracking, login). Counters live in this process's
 * memory: behind several api instances each counts on its own (a shared store is a later step).
 * The client address is `req.ip`, which honours `TRUST_PROXY` (http-hardening.ts).
 */
@Module({
  imports: [THROTTLER],
  exports: [THROTTLER],
})
export class RateLimitModule {}

/** The throttler's 429 in the api's one error shape (ApiErrorBody), with Retry-After set by the guard. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reason = `at most ${detail.limit} requests per minute from one address; retry after ${detail.timeToBlockExpire} s`;
    return Promise.reject(new HttpException({ message: 'Too many requests', errors: [{ field: 'request', reason }] }, HttpStatus.TOO_MANY_REQUESTS));
  }
}

/** A positive integer from the environment (read when a request is counted), else the default. */
export function perMinuteFromEnv(variable: string, fallback: number): () => number {
  return () => {
    const raw = process.env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive integer (requests per minute), got "${raw}"`);
    return value;
  };
}

/** Limits this endpoint to `perMinute` requests a minute per client address (429 beyond, in the one error shape). */
export function RateLimit(perMinute: number | (() => number)): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(RateLimitGuard),
    Throttle({ default: { limit: typeof perMinute === 'number' ? perMinute : () => perMinute(), ttl: RATE_LIMIT_WINDOW_MS } }),
    ApiTooManyRequestsResponse({ type: ApiErrorBody, description: 'Rate limit reached: see the Retry-After header (seconds)' }),
  );
}
