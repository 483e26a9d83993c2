import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const ERROR_BODY = { $ref: '#/components/schemas/ApiErrorBody' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Answers any operation can give without its controller saying so, added to the document so that
 * clients (and the fuzzer, test/fuzz) find every status code documented: 400 from the global
 * validation pipe wherever a request has parameters or a body (unknown query parameters are
 * refused too), 413 from the body limit wherever there is a body; and every error as JSON.
 * 401/403 come with @RequirePermission, 429 with @RateLimit.
 */
export function documentCommonResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const add = (status: string, description: string) => {
        operation.responses[status] ??= { description, content: { 'application/json': { schema: ERROR_BODY } } };
      };
      // Errors are JSON (HttpExceptionFilter) even where the success is a file: @ApiProduces
      // (downloads) would otherwise claim its media types for every status.
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = (response as { content?: Record<string, unknown> }).content;
        if (Number(status) >= 400 && content && Object.keys(content).some((type) => type !== 'application/json')) {
          (response as { content?: Record<string, unknown> }).content = { 'application/json': { schema: ERROR_BODY } };
        }
      }
      const hasBody = operation.requestBody !== undefined;
      if (hasBody || (operation.parameters?.length ?? 0) > 0 || method === 'get') add('400', 'Yêu cầu không hợp lệ / a parameter or field is invalid (field and reason in `errors`)');
      if (hasBody) add('413', 'Nội dung quá lớn / the body is larger than BODY_LIMIT');
    }
  }
  return document;
}

/** The OpenAPI document served at /docs/openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
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
  return documentCommonResponses(document);
}
