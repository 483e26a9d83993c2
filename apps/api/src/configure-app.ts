import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { applyHttpHardening } from './hardening/http-hardening';

/** Everything main.ts and the end-to-end tests set up the same way. */
export function configureApp(app: INestApplication): INestApplication {
  // Before anything else: helmet, CORS (closed unless CORS_ORIGINS), body limit, trusted proxies.
  applyHttpHardening(app);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('donthu API')
      .setDescription('Hệ thống quản lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh / case system for complaints, denunciations and recommendations')
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
