import { Inject, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { ATTACHMENTS_CONFIG, attachmentsConfigFromEnv, type AttachmentsConfig } from '../attachments.config';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store';
import { FilesystemAttachmentStore } from './filesystem-attachment-store';
import { S3AttachmentStore } from './s3-attachment-store';

/**
 * The store the settings select. The S3 store's bucket is checked first: a bucket that does not
 * exist or may not be used stops the api at start; a service that does not answer is logged and
 * the api starts (uploads and downloads fail until it answers).
 */
export async function storeFor(config: AttachmentsConfig): Promise<AttachmentStore> {
  switch (config.store.kind) {
    case 'filesystem':
      return new FilesystemAttachmentStore(config.store.dir);
    case 's3': {
      const store = new S3AttachmentStore(config.store);
      try {
        const check = await store.checkBucket();
        if (!check.ok) new Logger('AttachmentStore').warn(`the S3-compatible attachment store is not reachable at start: ${check.reason}`);
      } catch (error) {
        store.destroy();
        throw error;
      }
      return store;
    }
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
export class AttachmentStoreModule implements OnModuleDestroy {
  constructor(@Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore) {}

  onModuleDestroy(): void {
    if (this.store instanceof S3AttachmentStore) this.store.destroy();
  }
}
