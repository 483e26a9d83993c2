import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { context, trace, type Context } from '@opentelemetry/api';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

/**
 * Structured JSON logs (pino) with a request id, for the api and the worker alike. Bodies are never
 * logged (they carry petitioners' and denouncers' personal data), query strings are dropped from
 * logged URLs, headers that could identify a user are redacted. LOG_FILE sends them to a file
 * (appended) instead of stdout. With tracing on (libs/tracing), each line carries the trace and
 * span it was written in, so an operator goes from a log line to its trace and back.
 */
export function loggerParams(service: 'api' | 'worker', env: NodeJS.ProcessEnv = process.env): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL ?? 'info',
      ...(env.LOG_FILE ? { stream: pino.destination({ dest: env.LOG_FILE, append: true, sync: true }) } : {}),
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(given) ? given : randomUUID();
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tracking-secret"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      },
      customProps: () => ({ service }),
      mixin: () => traceFields(),
    },
  };
}

/** `trace_id` and `span_id` of the span active in `ctx`, if any (none when tracing is off). */
export function traceFields(ctx: Context = context.active()): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(ctx)?.spanContext();
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
