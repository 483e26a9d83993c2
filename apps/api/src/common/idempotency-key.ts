import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The optional `Idempotency-Key` header, validated: 8–200 characters of letters, digits, `_.:-`. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new BadRequestException({
      message: 'Request validation failed',
      errors: [{ field: 'Idempotency-Key', reason: 'must be 8 to 200 characters of letters, digits and _ . : -' }],
    });
  }
  return value;
});
