import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaseAttachmentEntity } from '@donthu/persistence';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { CaseCodeParam } from '../../cases/get-case/case-code.param';
import { ApiErrorBody } from '../../common/api-error';
import { AttachmentView } from '../attachment-view';
import { findCaseOr404 } from '../../cases/get-case/find-case';

@ApiTags('attachments')
@Controller('api/v1/cases')
export class ListAttachmentsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':code/attachments')
  @RequirePermission('read_attachment')
  @ApiOperation({ summary: 'Tài liệu đính kèm / the files attached to a case, oldest first (metadata and checksums)' })
  @ApiOkResponse({ type: [AttachmentView] })
  @ApiForbiddenResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async list(@CaseCodeParam() code: string, @CurrentActor() actor: Actor): Promise<AttachmentView[]> {
    const entity = await findCaseOr404(this.dataSource, code, actor);
    const rows = await this.dataSource.getRepository(CaseAttachmentEntity).find({ where: { caseId: entity.id }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => AttachmentView.of(row));
  }
}
