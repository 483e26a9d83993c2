import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorBody, FieldError } from './api-error';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Every error leaves in one shape (ApiErrorBody). Unexpected errors are logged with the request
 * id and answered with a generic 500: no stack, SQL or personal data reaches the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const fromObject = typeof raw === 'object' && raw !== null ? (raw as { message?: unknown; errors?: FieldError[] }) : {};
      const message = Array.isArray(fromObject.message)
        ? fromObject.message.join('; ')
        : typeof fromObject.message === 'string'
          ? fromObject.message
          : typeof raw === 'string'
            ? raw
            : exception.message;
      // Every 4xx names a field: errors raised without one (malformed JSON reaches us as a bare
      // BadRequestException from Nest's body-parser mapping, an unknown route as a bare 404) get
      // the part of the request at fault.
      const errors = fromObject.errors ?? (statusCode < 500 ? [{ field: statusCode === 404 ? 'path' : 'body', reason: message }] : undefined);
      return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...(errors ? { errors } : {}) };
    }
    // body-parser errors (malformed JSON, body too large) arrive as plain errors with a status.
    const type = (exception as { type?: unknown })?.type;
    // body-parser reports a failed `verify` (invalid UTF-8, nesting too deep) as 403; it is a malformed request.
    const status = type === 'entity.verify.failed' ? HttpStatus.BAD_REQUEST : (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : type === 'entity.too.large'
            ? 'Request body is too large'
            : type === 'entity.verify.failed'
              ? (exception as Error).message
              : 'Request body could not be read';
      return { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, errors: [{ field: 'body', reason: message }] };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: STATUS_TEXT[500]!, message: 'Internal server error' };
  }
}
