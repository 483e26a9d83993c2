import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM from node:crypto (OpenSSL), used as-is: 96-bit random IV, 128-bit tag, AAD. */
const ALGORITHM = 'aes-256-gcm';
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every sealed value: lets a later format coexist with this one. */
const FORMAT_V1 = 0x01;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** A sealed value could not be opened: wrong key, wrong context or tampered bytes (GCM tag mismatch). */
export class VaultIntegrityError extends Error {
  override readonly name = 'VaultIntegrityError';
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`an AES-256 key has ${KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * `0x01 | iv (12) | tag (16) | ciphertext`. A fresh random IV per call: with random IVs one key
 * may seal at most 2^32 values (NIST SP 800-38D 8.3), far above what one key sees here
 * (one wrap per party row; one payload per Temporal event between codec key rotations).
 */
export function aeadSeal(key: Buffer, plaintext: Uint8Array, aad: string): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens what aeadSeal sealed with the same key and AAD; anything else throws VaultIntegrityError. */
export function aeadOpen(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  assertKey(key);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < HEADER_BYTES) throw new VaultIntegrityError('sealed value is too short');
  if (bytes[0] !== FORMAT_V1) throw new VaultIntegrityError(`unknown sealed format ${bytes[0]}`);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, HEADER_BYTES);
  // authTagLength pins the tag to 16 bytes: a truncated tag is refused, not checked on fewer bits.
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new VaultIntegrityError('sealed value failed authentication (wrong key or context, or tampered)');
  }
}
