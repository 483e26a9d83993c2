import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/**
 * Names the request's trace span after its route pattern (`POST /api/v1/cases/:code/accept`) and
 * records it as `http.route`: the HTTP instrumentation alone knows only the method, and the URL
 * itself (with a case code, or a name in a search) is never exported. No-op without tracing.
 */
@Injectable()
export class TraceRouteInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = trace.getActiveSpan();
    if (span && context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const route = (request.route as { path?: string } | undefined)?.path;
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
    }
    return next.handle();
  }
}
