import {
  BadRequestException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import type { RequestWithActor } from '../../auth/actor';
import { ATTACHMENTS_CONFIG, type AttachmentsConfig } from '../attachments.config';
import { RefusedContentError } from '../content/inspecting-stream';
import { findCaseOr404 } from '../../cases/get-case/find-case';
import { ATTACHMENT_STORE, type AttachmentStore } from '../storage/attachment-store';
import type { StoredContent } from './attachment-storage-engine';

export type UploadRequest = RequestWithActor & { file?: Partial<StoredContent>; attachmentCommitted?: boolean };

/** Marks the upload's row as committed: from then on its stored file is the attachment's, never removed. */
export function markAttachmentCommitted(request: UploadRequest): void {
  request.attachmentCommitted = true;
}

/**
 * Wraps the upload (bound before FileInterceptor, so it runs first and ends last):
 * - checks the case exists and is the actor's before a byte of the body is read (404),
 * - removes the stored file when anything after storing fails (validation of the other fields,
 *   the database), so that a failed upload leaves neither row nor file,
 * - gives refusals of the content the api's error shape, naming the field `file`.
 */
@Injectable()
export class UploadAttachmentInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(ATTACHMENTS_CONFIG) private readonly config: AttachmentsConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const actor = request.actor;
    if (!actor) throw new Error('attachment upload reached without an authenticated actor');
    const code = String(request.params.code);
    if (!CASE_CODE_PATTERN.test(code)) {
      throw new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'code', reason: 'must be a case code like UBND-HN-2026-000123' }] });
    }
    await findCaseOr404(this.dataSource, code, actor);
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.removeUncommitted(request)).pipe(mergeMap(() => throwError(() => this.toHttpError(error)))),
      ),
    );
  }

  private async removeUncommitted(request: UploadRequest): Promise<void> {
    const id = request.file?.attachmentId;
    if (!id || request.attachmentCommitted) return;
    await this.store.remove(id);
  }

  private toHttpError(error: unknown): unknown {
    const tooLarge = `must be at most ${this.config.maxBytes} bytes`;
    if (error instanceof RefusedContentError) {
      switch (error.reason) {
        case 'empty':
          return new BadRequestException({ message: 'The file is empty', errors: [{ field: 'file', reason: error.message }] });
        case 'too_large':
          return new PayloadTooLargeException({ message: 'The file is too large', errors: [{ field: 'file', reason: tooLarge }] });
        case 'unsupported_type':
          return new UnsupportedMediaTypeException({ message: 'The file type is not accepted', errors: [{ field: 'file', reason: error.message }] });
      }
    }
    if (error instanceof PayloadTooLargeException) {
      return new PayloadTooLargeException({ message: 'The file is too large', errors: [{ field: 'file', reason: tooLarge }] });
    }
    return error;
  }
}
