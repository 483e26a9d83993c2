import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { RefuseControlCharactersPipe } from './common/control-characters.pipe';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { buildOpenApiDocument } from './common/openapi-document';
import { createValidationPipe } from './common/validation';
import { applyHttpHardening } from './hardening/http-hardening';
import { TraceRouteInterceptor } from './tracing/trace-route.interceptor';
import { serveWebConsole } from './web-console/serve-web-console';

/** Everything main.ts and the end-to-end tests set up the same way. */
export function configureApp(app: INestApplication): INestApplication {
  // Before anything else: helmet, CORS (closed unless CORS_ORIGINS), body limit, trusted proxies.
  applyHttpHardening(app);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new RefuseControlCharactersPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new TraceRouteInterceptor());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // The web console at / (after the docs; /api, /docs and /health are never shadowed).
  serveWebConsole(app as NestExpressApplication);
  return app;
}
