import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, outside the database rows. Keys are ids the api generates (UUIDs),
 * never names from a client. Stored objects are written once and never changed.
 */
export interface AttachmentStore {
  /** For logs and health: `filesystem`, `s3`… */
  readonly kind: string;

  /**
   * Stores `content` under `key`; resolves once it is durably stored. When it rejects (the content
   * stream failed, the disk is full…) nothing is left under `key`. Refuses a key that exists
   * (never overwrites), leaving what is there untouched.
   */
  put(key: string, content: Readable): Promise<void>;

  /** The stored bytes; rejects with AttachmentContentMissingError when there are none. */
  open(key: string): Promise<Readable>;

  /** Removes what is stored under `key`; does nothing when there is nothing. */
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('AttachmentStore');

export class AttachmentContentMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored content under attachment key ${key}`);
    this.name = 'AttachmentContentMissingError';
  }
}

/** `put` under a key that already holds content: refused, the stored content is kept as it was. */
export class AttachmentKeyExistsError extends Error {
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`content is already stored under attachment key ${key}: it is never overwritten`, options);
    this.name = 'AttachmentKeyExistsError';
  }
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys are lower-case UUIDs: checked again by every store, so that no key can name a path. */
export function assertAttachmentKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`not an attachment key: ${JSON.stringify(key)}`);
}
