import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { detectMediaType, SNIFF_BYTES, type AllowedMediaType } from './media-type';

/** Why an upload's content was refused; mapped to 400/413/415 by the api. */
export class RefusedContentError extends Error {
  constructor(
    readonly reason: 'empty' | 'too_large' | 'unsupported_type',
    message: string,
  ) {
    super(message);
    this.name = 'RefusedContentError';
  }
}

/**
 * Passes an upload through on its way to the store while checking it: the first bytes decide the
 * media type before any byte is passed on (a refused type is never written), every byte goes into
 * the SHA-256 and the size, and a file over `maxBytes` or an empty one fails the stream.
 */
export class InspectingStream extends Transform {
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private detected: AllowedMediaType | undefined;
  private digest: string | undefined;
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  /** The detected media type; set once the first bytes have passed. */
  get mediaType(): AllowedMediaType {
    if (!this.detected) throw new Error('the content has not been inspected yet');
    return this.detected;
  }

  /** Lower-case hex SHA-256 of everything that passed; available once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('the content has not been read to its end yet');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new RefusedContentError('too_large', `must be at most ${this.maxBytes} bytes`));
      return;
    }
    this.hash.update(chunk);
    if (this.detected) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) {
      callback();
      return;
    }
    callback(this.decide());
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) {
      callback(new RefusedContentError('empty', 'is empty'));
      return;
    }
    const error = this.detected ? null : this.decide();
    if (!error) this.digest = this.hash.digest('hex');
    callback(error);
  }

  private decide(): Error | null {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.detected = detectMediaType(head);
    if (!this.detected) {
      return new RefusedContentError('unsupported_type', 'must be a PDF, JPEG, PNG, TIFF, WebP or OpenDocument text (ODT) file, judged by its content');
    }
    this.push(head);
    return null;
  }
}
