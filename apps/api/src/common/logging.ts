import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

/**
 * Structured JSON logs with a request id. Bodies are never logged (they carry petitioners' and
 * denouncers' personal data); headers that could identify a user are redacted.
 */
export function loggerParams(env: NodeJS.ProcessEnv = process.env): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL ?? 'info',
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(given) ? given : randomUUID();
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tracking-secret"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
      customProps: () => ({ service: 'api' }),
    },
  };
}
