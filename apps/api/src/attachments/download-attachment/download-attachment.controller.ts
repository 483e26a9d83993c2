import { Controller, Get, Inject, InternalServerErrorException, Logger, NotFoundException, Res, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiInternalServerErrorResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { CaseAttachmentEntity } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { CaseCodeParam } from '../../cases/get-case/case-code.param';
import { ApiErrorBody } from '../../common/api-error';
import { contentDisposition, downloadFileName } from '../content/file-name';
import { ALLOWED_MEDIA_TYPES } from '../content/media-type';
import { findCaseOr404 } from '../../cases/get-case/find-case';
import { ATTACHMENT_STORE, AttachmentContentMissingError, type AttachmentStore } from '../storage/attachment-store';
import { AttachmentIdParam } from './attachment-id.param';
import { readVerifiedContent } from './read-verified-content';

@ApiTags('attachments')
@Controller('api/v1/cases')
export class DownloadAttachmentController {
  private readonly logger = new Logger(DownloadAttachmentController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  @Get(':code/attachments/:id')
  @RequirePermission('read_attachment')
  @ApiOperation({
    summary: 'Tải tài liệu đính kèm / download an attachment',
    description: 'Served as an attachment with the media type detected at upload, only after its SHA-256 has been checked (a mismatch is a 500, logged).',
  })
  // The file's own media type on success; errors are JSON like everywhere else.
  @ApiOkResponse({ content: Object.fromEntries(ALLOWED_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) })
  @ApiForbiddenResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiInternalServerErrorResponse({ type: ApiErrorBody, description: 'The stored content is missing or does not match its checksum' })
  async download(
    @CaseCodeParam() code: string,
    @AttachmentIdParam() id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const entity = await findCaseOr404(this.dataSource, code, actor);
    const row = await this.dataSource.getRepository(CaseAttachmentEntity).findOne({ where: { id, caseId: entity.id } });
    if (!row) throw new NotFoundException({ message: `Attachment ${id} not found`, errors: [{ field: 'id', reason: 'no attachment with this id on this case' }] });

    const verified = await readVerifiedContent(this.store, row).catch((error: unknown) => {
      if (error instanceof AttachmentContentMissingError) return { ok: false as const, problem: 'stored content is missing', details: {} };
      throw error;
    });
    if (!verified.ok) {
      this.logger.error({ attachmentId: row.id, caseId: row.caseId, store: this.store.kind, problem: verified.problem, ...verified.details }, 'attachment not served: its stored content is damaged');
      throw new InternalServerErrorException({ message: 'The stored attachment is missing or damaged: it is not served' });
    }

    response.setHeader('Content-Type', row.mediaType);
    response.setHeader('Content-Length', String(verified.content.length));
    response.setHeader('Content-Disposition', contentDisposition(downloadFileName(row.fileName, row.mediaType)));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(verified.content);
  }
}
