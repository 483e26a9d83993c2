import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { normalizeTrackingSecret, TRACKING_SECRET_FORMAT } from '../tracking-secret';

export const TRACKING_SECRET_HEADER = 'X-Tracking-Secret';

function refuse(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: 'Request validation failed', errors: [{ field, reason }] });
}

/**
 * The receipt's secret, from the `X-Tracking-Secret` header only, in canonical form. Its format is
 * checked before any lookup (it says nothing about any case). A secret in the query string is
 * refused: URLs end up in access logs (ours log the URL), browser history, proxies and Referer
 * headers. A printed receipt's QR code can carry it after `#` (never sent to a server) for the
 * tracking page to send in this header.
 */
export const TrackingSecret = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<Request>();
  if (request.query.secret !== undefined) {
    throw refuse('secret', `send the tracking secret in the ${TRACKING_SECRET_HEADER} header, never in the URL`);
  }
  const given = request.header(TRACKING_SECRET_HEADER);
  if (given === undefined || given.trim() === '') throw refuse(TRACKING_SECRET_HEADER, 'is required: the secret printed on the receipt');
  const canonical = normalizeTrackingSecret(given);
  if (!canonical) throw refuse(TRACKING_SECRET_HEADER, `must be ${TRACKING_SECRET_FORMAT}`);
  return canonical;
});
