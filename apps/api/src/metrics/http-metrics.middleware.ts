import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiMetrics } from './api-metrics.service';

/** Counts and times every request under its route pattern (`/api/v1/cases/:code`, never the code itself). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ApiMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer();
    response.once('finish', () => {
      // The matched route's pattern; requests no route matched share one label (no cardinality from scanners).
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ method: request.method, route });
      this.metrics.httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
