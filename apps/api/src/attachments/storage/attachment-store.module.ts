import { Module } from '@nestjs/common';
import { ATTACHMENTS_CONFIG, attachmentsConfigFromEnv, type AttachmentsConfig } from '../attachments.config';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store';
import { FilesystemAttachmentStore } from './filesystem-attachment-store';

function storeFor(config: AttachmentsConfig): AttachmentStore {
  switch (config.store.kind) {
    case 'filesystem':
      return new FilesystemAttachmentStore(config.store.dir);
  }
}

/** The attachment settings and the store they select, for the attachments module and its multer setup. */
@Module({
  providers: [
    { provide: ATTACHMENTS_CONFIG, useFactory: () => attachmentsConfigFromEnv() },
    { provide: ATTACHMENT_STORE, useFactory: storeFor, inject: [ATTACHMENTS_CONFIG] },
  ],
  exports: [ATTACHMENTS_CONFIG, ATTACHMENT_STORE],
})
export class AttachmentStoreModule {}
