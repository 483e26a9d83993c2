import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { Keyring, UnknownKeyError, VaultIntegrityError } from '@donthu/vault';
import { codecKeyringFromEnv, ENCRYPTED_ENCODING, EncryptionCodec, temporalDataConverter } from './payload-codec';

const b64 = () => randomBytes(32).toString('base64');
const ring = (entries: Array<[string, string]>, active: string) => Keyring.parse(entries.map(([id, k]) => `${id}:${k}`).join(','), active);
const NOTE = { command: 'accept', input: { note: 'Ông Lê Văn Tố, CCCD 001088123456, gọi 0912000111' } };
const bytesOf = (payloads: Payload[]) => Buffer.concat(payloads.flatMap((p) => [p.data ?? new Uint8Array(), ...Object.values(p.metadata ?? {})]));

describe('Temporal payload codec', () => {
  const k1 = b64();
  const k2 = b64();

  it('encrypts payloads: nothing of the value is readable, only the encoding and the key id', async () => {
    const codec = new EncryptionCodec(ring([['c1', k1]], 'c1'));
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(NOTE)]);
    expect(Buffer.from(encoded!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(encoded!.metadata!['encryption-key-id']!).toString()).toBe('c1');
    for (const fragment of ['Lê Văn', '001088123456', '0912000111', 'json/plain', 'accept']) expect(bytesOf([encoded!]).includes(Buffer.from(fragment))).toBe(false);
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(NOTE);
  });

  it('passes through payloads without its encoding (histories recorded before the codec)', async () => {
    const codec = new EncryptionCodec(ring([['c1', k1]], 'c1'));
    const plain = defaultPayloadConverter.toPayload(NOTE);
    const [out] = await codec.decode([plain]);
    expect(out).toBe(plain);
  });

  it('decodes with any configured key after a codec key rotation, and fails loudly on an unknown key id', async () => {
    const [old] = await new EncryptionCodec(ring([['c1', k1]], 'c1')).encode([defaultPayloadConverter.toPayload(NOTE)]);
    const rotated = new EncryptionCodec(ring([['c1', k1], ['c2', k2]], 'c2'));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old!]))[0]!)).toEqual(NOTE);
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(NOTE)]);
    expect(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString()).toBe('c2');
    await expect(new EncryptionCodec(ring([['c2', k2]], 'c2')).decode([old!])).rejects.toThrow(UnknownKeyError);
  });

  it('detects tampering and a key id swapped in the metadata', async () => {
    const codec = new EncryptionCodec(ring([['c1', k1], ['c2', k2]], 'c1'));
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(NOTE)]);
    const data = Buffer.from(encoded!.data!);
    data[data.length - 1] = data[data.length - 1]! ^ 1;
    await expect(codec.decode([{ ...encoded!, data }])).rejects.toThrow(VaultIntegrityError);
    await expect(codec.decode([{ ...encoded!, metadata: { ...encoded!.metadata, 'encryption-key-id': Buffer.from('c2') } }])).rejects.toThrow(VaultIntegrityError);
  });

  describe('keys from the environment', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'codec-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads TEMPORAL_CODEC_KEYS and TEMPORAL_CODEC_ACTIVE_KEY_ID', () => {
      expect(codecKeyringFromEnv({ TEMPORAL_CODEC_KEYS: `a:${k1},b:${k2}`, TEMPORAL_CODEC_ACTIVE_KEY_ID: 'a' }).activeKeyId).toBe('a');
      expect(() => codecKeyringFromEnv({ TEMPORAL_CODEC_KEYS: `a:${k1},b:${k2}` })).toThrow(/TEMPORAL_CODEC_ACTIVE_KEY_ID/);
    });

    it('derives its keys from the vault keys outside production, distinct from them', () => {
      const env = { VAULT_KEYS: `v1:${k1}`, VAULT_BLIND_INDEX_KEY: k2 };
      const derived = codecKeyringFromEnv(env);
      expect(derived.activeKeyId).toBe('vault-v1');
      expect(derived.active.key.equals(Buffer.from(k1, 'base64'))).toBe(false);
      expect(codecKeyringFromEnv(env).active.key.equals(derived.active.key)).toBe(true);
    });

    it('derives from the development key (with its warning) when nothing is configured', () => {
      const warnings: string[] = [];
      const file = path.join(dir, 'vault-dev-key');
      expect(codecKeyringFromEnv({ VAULT_DEV_KEY_FILE: file }, (m) => warnings.push(m)).activeKeyId).toBe('vault-dev');
      expect(warnings.join()).toContain(file);
    });

    it('refuses to start without codec keys in production, even with vault keys', () => {
      expect(() => temporalDataConverter({ NODE_ENV: 'production', VAULT_KEYS: `v1:${k1}`, VAULT_BLIND_INDEX_KEY: k2 })).toThrow(/TEMPORAL_CODEC_KEYS .* must be set in production/);
    });
  });
});
