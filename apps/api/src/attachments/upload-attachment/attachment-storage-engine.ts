import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { InspectingStream } from '../content/inspecting-stream';
import type { AllowedMediaType } from '../content/media-type';
import { AttachmentKeyExistsError, type AttachmentStore } from '../storage/attachment-store';

/** A file part as multer hands it to a storage engine. */
export interface IncomingFilePart {
  fieldname: string;
  originalname?: string;
  stream: Readable;
}

/** What the engine adds to `req.file` once the content is stored. */
export interface StoredContent {
  attachmentId: string;
  mediaType: AllowedMediaType;
  size: number;
  sha256: string;
}

export type StoredUpload = IncomingFilePart & StoredContent;

type HandleCallback = (error: Error | null, info?: StoredContent) => void;

/**
 * A multer storage engine that streams each file into the attachment store under a fresh id,
 * checking its type from its first bytes, hashing and counting it on the way. Nothing is buffered
 * whole; a refused or failed file leaves nothing stored (the store's put guarantees it), and multer
 * calls `_removeFile` for a stored file when the request fails after it.
 */
export class AttachmentStorageEngine {
  constructor(
    private readonly store: AttachmentStore,
    private readonly maxBytes: number,
  ) {}

  _handleFile(_req: unknown, file: IncomingFilePart, callback: HandleCallback): void {
    this.storeContent(file).then(
      (info) => callback(null, info),
      (error: Error) => callback(error),
    );
  }

  _removeFile(_req: unknown, file: Partial<StoredContent>, callback: (error: Error | null) => void): void {
    if (!file.attachmentId) {
      callback(null);
      return;
    }
    this.store.remove(file.attachmentId).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }

  private async storeContent(file: IncomingFilePart): Promise<StoredContent> {
    const attachmentId = randomUUID();
    const inspector = new InspectingStream(this.maxBytes);
    const source = file.stream;
    // busboy cuts the part off past multer's fileSize limit and says so; the inspector refuses
    // oversized content by itself as well.
    source.once('limit', () => inspector.destroy(new Error('file size limit reached')));
    source.once('error', (error: Error) => inspector.destroy(error));
    // When the inspector fails, the rest of the part is read and dropped so that the request
    // body goes on being parsed (multer then answers with the error).
    inspector.once('error', () => {
      source.unpipe(inspector);
      source.resume();
    });
    source.pipe(inspector);
    try {
      await this.store.put(attachmentId, inspector);
    } catch (error) {
      // Whatever a failed put left goes, unless the key held content already: that is not ours.
      if (!(error instanceof AttachmentKeyExistsError)) await this.store.remove(attachmentId);
      // The inspector's own refusal (type, size, empty) is the reason, not how the write ended.
      throw inspector.errored ?? error;
    }
    return { attachmentId, mediaType: inspector.mediaType, size: inspector.size, sha256: inspector.sha256 };
  }
}
