import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { aeadOpen, aeadSeal, Keyring, vaultConfigFromEnv, warnDevKey, type KeyringSource } from '@donthu/vault';

/** Metadata of an encrypted payload, as in Temporal's encryption samples (and its codec servers). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID = 'encryption-key-id';

export const CODEC_KEYRING_SOURCE: KeyringSource = { keys: 'TEMPORAL_CODEC_KEYS', activeKeyId: 'TEMPORAL_CODEC_ACTIVE_KEY_ID' };
const DERIVATION_INFO = 'donthu/temporal-payload-codec/v1';

const utf8 = new TextEncoder();
const text = new TextDecoder();
const aadFor = (keyId: string) => `donthu/temporal-payload/v1|${keyId}`;

/**
 * Encrypts every payload the client and the worker send to Temporal (workflow and activity inputs
 * and results, update arguments with officers' free-text notes, query results…) with AES-256-GCM:
 * the history Temporal stores holds no readable personal data. The whole Payload (its metadata and
 * data) is protobuf-encoded and sealed; the encryption key id travels in the clear so that any key
 * of the keyring decodes. Search attributes do not pass through codecs (they never hold personal data).
 *
 * Payloads without the encrypted encoding (histories recorded before the codec, or by a client
 * without it) are passed through unchanged, so that old histories still replay.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(readonly keyring: Keyring) {}

  encode(payloads: Payload[]): Promise<Payload[]> {
    return settle(() => {
      const { id, key } = this.keyring.active;
      return payloads.map((payload) => ({
        metadata: { encoding: utf8.encode(ENCRYPTED_ENCODING), [ENCRYPTION_KEY_ID]: utf8.encode(id) },
        data: aeadSeal(key, temporal.api.common.v1.Payload.encode(payload).finish(), aadFor(id)),
      }));
    });
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return settle(() =>
      payloads.map((payload) => {
        const encoding = payload.metadata?.encoding;
        if (!encoding || text.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
        const keyIdBytes = payload.metadata?.[ENCRYPTION_KEY_ID];
        if (!keyIdBytes) throw new Error(`an encrypted payload without ${ENCRYPTION_KEY_ID}`);
        const keyId = text.decode(keyIdBytes);
        // An unknown key id throws (UnknownKeyError): a history we cannot read must fail loudly.
        const plain = aeadOpen(this.keyring.key(keyId), payload.data ?? new Uint8Array(), aadFor(keyId));
        return temporal.api.common.v1.Payload.decode(plain);
      }),
    );
  }
}

/** The codec interface is asynchronous: errors become rejections, never synchronous throws. */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The codec's keys: `TEMPORAL_CODEC_KEYS` (`keyId:base64,…`) and `TEMPORAL_CODEC_ACTIVE_KEY_ID`.
 *
 * Separate from the vault's master keys on purpose: a vault key can be retired once `vault:rotate`
 * has re-wrapped its data keys, but a Temporal history is never rewritten, so a codec key must stay
 * configured as long as any history it encrypted exists (open cases run for years, plus the
 * namespace's retention). Deriving codec keys from vault keys would tie the two lifetimes together.
 * When they are not set outside production (`npm start`, tests), they are derived from the vault's
 * keys by HKDF (domain-separated); with NODE_ENV=production they must be set.
 */
export function codecKeyringFromEnv(env: NodeJS.ProcessEnv = process.env, warn?: (message: string) => void): Keyring {
  if (env.TEMPORAL_CODEC_KEYS?.trim()) return Keyring.parse(env.TEMPORAL_CODEC_KEYS, env.TEMPORAL_CODEC_ACTIVE_KEY_ID, CODEC_KEYRING_SOURCE);
  if (env.TEMPORAL_CODEC_ACTIVE_KEY_ID) throw new Error('TEMPORAL_CODEC_ACTIVE_KEY_ID is set but TEMPORAL_CODEC_KEYS is not');
  if (env.NODE_ENV === 'production') {
    throw new Error('TEMPORAL_CODEC_KEYS and TEMPORAL_CODEC_ACTIVE_KEY_ID must be set in production: workflow histories are never stored readable');
  }
  const vault = vaultConfigFromEnv(env);
  if (vault.devKeyFile) warnDevKey(vault.devKeyFile, warn);
  return vault.keyring.derive(DERIVATION_INFO, 'vault-', CODEC_KEYRING_SOURCE);
}

/** The data converter every Temporal client, worker and replayer of the project uses. */
export function temporalDataConverter(env: NodeJS.ProcessEnv = process.env, warn?: (message: string) => void): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(codecKeyringFromEnv(env, warn))] };
}
