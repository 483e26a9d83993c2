import { randomBytes } from 'node:crypto';
import { aeadOpen, aeadSeal, KEY_BYTES } from './aead';
import type { Keyring } from './keyring';

/** A value under envelope encryption: its own data key, wrapped by the master key `keyId`. */
export interface SealedRecord {
  keyId: string;
  /** The data key, AES-256-GCM-sealed under master key `keyId`. */
  wrappedKey: Buffer;
  /** The value, AES-256-GCM-sealed under the data key. */
  ciphertext: Buffer;
}

export type WrappedKey = Pick<SealedRecord, 'keyId' | 'wrappedKey'>;

// The AAD binds each sealed value to where it belongs (`context`, e.g. the row) and each wrapped
// key to its master key id: a blob copied to another row, or a key id edited, no longer opens.
const dataAad = (context: string) => `donthu/vault/v1/data|${context}`;
const wrapAad = (keyId: string, context: string) => `donthu/vault/v1/wrap|${keyId}|${context}`;

/**
 * Envelope encryption: a random data key per record encrypts the record; the active master key
 * wraps the data key. Rotating a master key re-wraps 32-byte data keys only, never the records.
 */
export class EnvelopeCipher {
  constructor(readonly keyring: Keyring) {}

  seal(plaintext: Uint8Array, context: string): SealedRecord {
    const dataKey = randomBytes(KEY_BYTES);
    try {
      const ciphertext = aeadSeal(dataKey, plaintext, dataAad(context));
      return { ...this.wrap(dataKey, context), ciphertext };
    } finally {
      dataKey.fill(0);
    }
  }

  open(record: SealedRecord, context: string): Buffer {
    const dataKey = this.unwrap(record, context);
    try {
      return aeadOpen(dataKey, record.ciphertext, dataAad(context));
    } finally {
      dataKey.fill(0);
    }
  }

  /** True when the record's data key is wrapped by the active master key. */
  isCurrent(record: Pick<SealedRecord, 'keyId'>): boolean {
    return record.keyId === this.keyring.activeKeyId;
  }

  /** The same data key wrapped by the active master key (the ciphertext stays as it is). */
  rewrap(record: WrappedKey, context: string): WrappedKey {
    const dataKey = this.unwrap(record, context);
    try {
      return this.wrap(dataKey, context);
    } finally {
      dataKey.fill(0);
    }
  }

  /** A new data key and a new ciphertext: for when a data key itself may have leaked. */
  reencrypt(record: SealedRecord, context: string): SealedRecord {
    const plaintext = this.open(record, context);
    try {
      return this.seal(plaintext, context);
    } finally {
      plaintext.fill(0);
    }
  }

  private wrap(dataKey: Buffer, context: string): WrappedKey {
    const { id, key } = this.keyring.active;
    return { keyId: id, wrappedKey: aeadSeal(key, dataKey, wrapAad(id, context)) };
  }

  private unwrap(record: WrappedKey, context: string): Buffer {
    return aeadOpen(this.keyring.key(record.keyId), record.wrappedKey, wrapAad(record.keyId, context));
  }
}
