import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { S3StoreConfig } from '../attachments.config';
import { AttachmentContentMissingError, AttachmentKeyExistsError, assertAttachmentKey, type AttachmentStore } from './attachment-store';

/**
 * Content is sent in parts of this size (S3's smallest multipart part): a file up to one part goes
 * in a single PUT, a larger one as a multipart upload, one part at a time. So an upload holds at
 * most about one part in memory, whatever the file's size, and the length of a part is known
 * before it is sent (S3 refuses a streamed body of unknown length).
 */
export const S3_PART_SIZE = 5 * 1024 * 1024;

/** How long the start-up check of the bucket waits for an answer. */
const BUCKET_CHECK_TIMEOUT_MS = 10_000;

/** The outcome of the start-up check of the bucket, when the api may start. */
export type BucketCheck = { ok: true } | { ok: false; reason: string };

/**
 * Attachments as objects in one bucket of an S3-compatible service (`ATTACHMENTS_S3_*`), each
 * under its generated id as the whole key; nothing of the client's (name, type) is sent along.
 *
 * - Never overwritten: every write is conditional (`If-None-Match: *`, on the PUT and on the
 *   completion of a multipart upload), so the service refuses a key that exists (412) and the
 *   stored object stays as it was. The service must honour conditional writes (AWS S3 does since
 *   2024, moto does); keys are fresh UUIDs, so a service that ignored the header would still not
 *   be asked to overwrite anything in practice.
 * - Nothing half-written: an object appears only when its PUT or its multipart upload completes;
 *   a failed multipart upload is aborted (its parts deleted). Should the abort itself fail, the
 *   parts stay invisible until a bucket lifecycle rule (AbortIncompleteMultipartUpload) clears
 *   them (README).
 * - The bytes read back are checked against the row's size and SHA-256 by the download path, as
 *   for the filesystem store (readVerifiedContent); the SDK's CRC32 checksums guard each transfer.
 */
export class S3AttachmentStore implements AttachmentStore {
  readonly kind = 's3';
  readonly bucket: string;
  readonly endpoint: string;
  private readonly client: S3Client;

  constructor(config: S3StoreConfig) {
    this.bucket = config.bucket;
    this.endpoint = config.endpoint;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // A connection that does not open, or a transfer that stalls, fails instead of hanging a request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, content: Readable): Promise<void> {
    assertAttachmentKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: content, IfNoneMatch: '*', ContentType: 'application/octet-stream' },
      partSize: S3_PART_SIZE,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      content.destroy();
      if (isPreconditionFailed(error)) throw new AttachmentKeyExistsError(key, { cause: error });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    assertAttachmentKey(key);
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(Body instanceof Readable)) throw new Error(`the S3 client returned no readable body for attachment key ${key}`);
      return Body;
    } catch (error) {
      if (isNotFound(error)) throw new AttachmentContentMissingError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    assertAttachmentKey(key);
    try {
      // S3 answers 204 whether or not the key exists; some compatible services say 404.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /**
   * Asks the service about the bucket (HEAD). A refusal from the service (the bucket does not
   * exist, access denied, wrong region…) or no credentials at all is a configuration error:
   * thrown, so the api does not start. No answer (unreachable, timed out, a server error) is not: `{ ok: false }`, the api
   * starts and uploads fail until the service is back.
   */
  async checkBucket(): Promise<BucketCheck> {
    const where = `bucket "${this.bucket}" at ATTACHMENTS_S3_ENDPOINT=${this.endpoint}`;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(BUCKET_CHECK_TIMEOUT_MS) });
      return { ok: true };
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) throw new Error(`the attachment ${where} does not exist: create it (the api does not create buckets) or correct ATTACHMENTS_S3_BUCKET`);
      if (status === 401 || status === 403) {
        throw new Error(`access to the attachment ${where} is denied (${status}): check ATTACHMENTS_S3_ACCESS_KEY_ID / ATTACHMENTS_S3_SECRET_ACCESS_KEY and the bucket's policy`);
      }
      if (status !== undefined && status >= 300 && status < 500) {
        throw new Error(`the attachment ${where} is refused (${status}${nameOf(error)}): check ATTACHMENTS_S3_REGION and ATTACHMENTS_S3_FORCE_PATH_STYLE`);
      }
      if (error instanceof Error && error.name === 'CredentialsProviderError') {
        throw new Error(`no credentials for the attachment ${where}: set ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY (or the AWS SDK's own AWS_ACCESS_KEY_ID…, instance role): ${error.message}`);
      }
      return { ok: false, reason: `${where} did not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function nameOf(error: unknown): string {
  return error instanceof Error && error.name && error.name !== 'Error' && error.name !== 'UnknownError' ? `, ${error.name}` : '';
}

/** Nothing under the key: 404, but not a missing bucket (a configuration error, not a missing object). */
function isNotFound(error: unknown): boolean {
  if (error instanceof Error && error.name === 'NoSuchBucket') return false;
  return statusOf(error) === 404 || (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'));
}

function isPreconditionFailed(error: unknown): boolean {
  return statusOf(error) === 412 || (error instanceof Error && error.name === 'PreconditionFailed');
}
