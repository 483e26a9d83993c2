import { Module } from '@nestjs/common';
import { MulterModule, type MulterModuleOptions } from '@nestjs/platform-express';
import { ATTACHMENTS_CONFIG, MAX_DESCRIPTION_LENGTH, type AttachmentsConfig } from './attachments.config';
import { DownloadAttachmentController } from './download-attachment/download-attachment.controller';
import { ListAttachmentsController } from './list-attachments/list-attachments.controller';
import { ATTACHMENT_STORE, type AttachmentStore } from './storage/attachment-store';
import { AttachmentStoreModule } from './storage/attachment-store.module';
import { AttachmentStorageEngine } from './upload-attachment/attachment-storage-engine';
import { UploadAttachmentController } from './upload-attachment/upload-attachment.controller';
import { UploadAttachmentInterceptor } from './upload-attachment/upload-attachment.interceptor';

/**
 * multer, as FileInterceptor uses it here: files stream into the attachment store (never into
 * memory or a temp folder of multer's), one file and one text field per request, cut off past
 * the size limit while streaming; file names are read as UTF-8 (Vietnamese names).
 */
export function multerOptions(store: AttachmentStore, config: AttachmentsConfig): MulterModuleOptions {
  return {
    storage: new AttachmentStorageEngine(store, config.maxBytes),
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxBytes, files: 1, fields: 1, parts: 2, fieldNameSize: 100, fieldSize: 4 * MAX_DESCRIPTION_LENGTH, headerPairs: 20 },
  };
}

/** Files attached to cases (issue 6, item 6): upload, list, download. */
@Module({
  imports: [
    AttachmentStoreModule,
    MulterModule.registerAsync({ imports: [AttachmentStoreModule], inject: [ATTACHMENT_STORE, ATTACHMENTS_CONFIG], useFactory: multerOptions }),
  ],
  controllers: [UploadAttachmentController, ListAttachmentsController, DownloadAttachmentController],
  providers: [UploadAttachmentInterceptor],
})
export class AttachmentsModule {}
