import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { RefuseControlCharactersPipe } from './common/control-characters.pipe';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { buildOpenApiDocument } from './common/openapi-document';
import { createValidationPipe } from './common/validation';
import { applyHttpHardening } from './hardening/http-hardening';

/** Everything main.ts and the end-to-end tests set up the same way. */
export function configureApp(app: INestApplication): INestApplication {
  // Before anything else: helmet, CORS (closed unless CORS_ORIGINS), body limit, trusted proxies.
  applyHttpHardening(app);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new RefuseControlCharactersPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
