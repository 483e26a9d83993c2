import { BadRequestException, Body, Controller, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { appendNextAuditEvent, CaseAttachmentEntity } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { CaseCodeParam } from '../../cases/get-case/case-code.param';
import { ApiErrorBody } from '../../common/api-error';
import { AttachmentView } from '../attachment-view';
import { MAX_DESCRIPTION_LENGTH } from '../attachments.config';
import { sanitizeFileName } from '../content/file-name';
import { findCaseOr404 } from '../../cases/get-case/find-case';
import type { StoredUpload } from './attachment-storage-engine';
import { UploadAttachmentDto } from './upload-attachment.dto';
import { markAttachmentCommitted, UploadAttachmentInterceptor, type UploadRequest } from './upload-attachment.interceptor';

/** The multipart part that carries the file. */
export const FILE_FIELD = 'file';

@ApiTags('attachments')
@Controller('api/v1/cases')
export class UploadAttachmentController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post(':code/attachments')
  @RequirePermission('upload_attachment')
  @UseInterceptors(UploadAttachmentInterceptor, FileInterceptor(FILE_FIELD))
  @ApiOperation({
    summary: 'Đính kèm tài liệu / attach a file to a case (scan of a letter, evidence)',
    description:
      'multipart/form-data with the part `file` and optionally `description`. The type is judged from the content: PDF, JPEG, PNG, TIFF, WebP, ' +
      'OpenDocument text (ODT); anything else is 415. Larger than ATTACHMENT_MAX_BYTES is 413, empty is 400. The SHA-256 is computed while storing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_FIELD],
      properties: {
        [FILE_FIELD]: { type: 'string', format: 'binary' },
        description: { type: 'string', maxLength: MAX_DESCRIPTION_LENGTH },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiBadRequestResponse({ type: ApiErrorBody, description: 'No file, an empty file, or a bad description' })
  @ApiForbiddenResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiPayloadTooLargeResponse({ type: ApiErrorBody })
  @ApiUnsupportedMediaTypeResponse({ type: ApiErrorBody })
  async upload(
    @CaseCodeParam() code: string,
    @UploadedFile() file: StoredUpload | undefined,
    @Body() body: UploadAttachmentDto,
    @CurrentActor() actor: Actor,
    @Req() request: UploadRequest,
  ): Promise<AttachmentView> {
    if (!file) {
      throw new BadRequestException({
        message: 'Request validation failed',
        errors: [{ field: FILE_FIELD, reason: `is required: send the file as the multipart/form-data part "${FILE_FIELD}"` }],
      });
    }
    const entity = await findCaseOr404(this.dataSource, code, actor);
    const description = body.description?.trim() || null;
    const row = await this.dataSource.transaction(async (manager) => {
      const attachment = manager.create(CaseAttachmentEntity, {
        id: file.attachmentId,
        caseId: entity.id,
        fileName: sanitizeFileName(file.originalname),
        mediaType: file.mediaType,
        sizeBytes: file.size,
        sha256: file.sha256,
        description,
        uploadedBy: actor.id,
        uploadedAt: new Date(),
      });
      await manager.insert(CaseAttachmentEntity, attachment);
      // The facts of the file, never its content or description (which may name people).
      await appendNextAuditEvent(manager, {
        streamType: 'attachment',
        streamId: entity.id,
        type: 'attachment.uploaded',
        actor: actor.id,
        payload: {
          caseCode: entity.code,
          attachmentId: attachment.id,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          sizeBytes: attachment.sizeBytes,
          sha256: attachment.sha256,
          role: actor.role,
        },
      });
      return attachment;
    });
    markAttachmentCommitted(request);
    return AttachmentView.of(row);
  }
}
