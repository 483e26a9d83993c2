import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  aeadOpen,
  aeadSeal,
  EnvelopeCipher,
  IdentityVault,
  identityVaultFromEnv,
  Keyring,
  newPseudonym,
  normaliseIdNumber,
  normalisePhone,
  UnknownKeyError,
  vaultConfigFromEnv,
  VaultIntegrityError,
  type Identity,
  type SealedRecord,
} from './index';

const key = () => randomBytes(32);
const b64 = (k: Buffer) => k.toString('base64');
const flip = (bytes: Buffer, index: number) => {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
};

const IDENTITY: Identity = { fullName: 'Trần Văn Tố Giác', address: 'Số 7 ngõ Huế, Hà Nội', phone: '+84 912 000 111', email: 'to.giac@example.vn', idNumber: '001 088 123 456' };

describe('AES-256-GCM seal/open', () => {
  const k = key();

  it('round-trips bytes and hides them', () => {
    const sealed = aeadSeal(k, Buffer.from('Nguyễn Thị Hoà'), 'ctx');
    expect(sealed.toString('utf8')).not.toContain('Nguy');
    expect(aeadOpen(k, sealed, 'ctx').toString('utf8')).toBe('Nguyễn Thị Hoà');
  });

  it('uses a fresh IV each time (same plaintext, different bytes)', () => {
    expect(aeadSeal(k, Buffer.from('x'), 'ctx').equals(aeadSeal(k, Buffer.from('x'), 'ctx'))).toBe(false);
  });

  it.each([
    ['the version byte', 0],
    ['the IV', 5],
    ['the tag', 20],
    ['the ciphertext', 30],
  ])('detects a flipped bit in %s (GCM tag)', (_, index) => {
    const sealed = aeadSeal(k, Buffer.from('a secret of some length'), 'ctx');
    expect(() => aeadOpen(k, flip(sealed, index), 'ctx')).toThrow(VaultIntegrityError);
  });

  it('refuses another key, another AAD and a truncated value', () => {
    const sealed = aeadSeal(k, Buffer.from('secret'), 'ctx');
    expect(() => aeadOpen(key(), sealed, 'ctx')).toThrow(VaultIntegrityError);
    expect(() => aeadOpen(k, sealed, 'other')).toThrow(VaultIntegrityError);
    expect(() => aeadOpen(k, sealed.subarray(0, 20), 'ctx')).toThrow(VaultIntegrityError);
    expect(() => aeadOpen(k, sealed.subarray(0, sealed.length - 1), 'ctx')).toThrow(VaultIntegrityError);
  });

  it('takes 32-byte keys only', () => {
    expect(() => aeadSeal(randomBytes(16), Buffer.from('x'), 'ctx')).toThrow(/32 bytes/);
  });
});

describe('keyring', () => {
  it('parses keyId:base64 lists with an active id', () => {
    const ring = Keyring.parse(`k1:${b64(key())}, k2:${b64(key())}`, 'k2');
    expect(ring.ids()).toEqual(['k1', 'k2']);
    expect(ring.active.id).toBe('k2');
  });

  it('defaults the active id only when a single key is listed', () => {
    expect(Keyring.parse(`only:${b64(key())}`, undefined).activeKeyId).toBe('only');
    expect(() => Keyring.parse(`k1:${b64(key())},k2:${b64(key())}`, undefined)).toThrow(/VAULT_ACTIVE_KEY_ID/);
  });

  it('refuses short keys, bad ids, duplicates and an unknown active id, never echoing a key', () => {
    const short = randomBytes(16).toString('base64');
    const error = (() => {
      try {
        Keyring.parse(`k1:${short}`, 'k1');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/32 random bytes/);
    expect(error?.message).not.toContain(short);
    expect(() => Keyring.parse(`bad id:${b64(key())}`, 'bad id')).toThrow(/key id/);
    expect(() => Keyring.parse(`k1:${b64(key())},k1:${b64(key())}`, 'k1')).toThrow(/twice/);
    expect(() => Keyring.parse(`k1:${b64(key())}`, 'k9')).toThrow(/is not one of/);
    expect(() => Keyring.parse('k1', 'k1')).toThrow(/keyId:base64/);
  });

  it('names an unknown key id loudly', () => {
    const ring = Keyring.parse(`k1:${b64(key())}`, 'k1');
    expect(() => ring.key('k0')).toThrow(UnknownKeyError);
    expect(() => ring.key('k0')).toThrow(/key id "k0" is not in VAULT_KEYS \(known: k1\)/);
  });

  it('derives distinct, stable keys per purpose', () => {
    const ring = Keyring.parse(`k1:${b64(key())}`, 'k1');
    const a = ring.derive('purpose a', 'a-', { keys: 'A', activeKeyId: 'A_ACTIVE' });
    const again = ring.derive('purpose a', 'a-', { keys: 'A', activeKeyId: 'A_ACTIVE' });
    const b = ring.derive('purpose b', 'b-', { keys: 'B', activeKeyId: 'B_ACTIVE' });
    expect(a.activeKeyId).toBe('a-k1');
    expect(a.active.key.equals(again.active.key)).toBe(true);
    expect(a.active.key.equals(b.active.key)).toBe(false);
    expect(a.active.key.equals(ring.active.key)).toBe(false);
  });
});

describe('envelope encryption', () => {
  const [k1, k2, k3] = [key(), key(), key()];
  const ring = (entries: Array<[string, Buffer]>, active: string) => Keyring.of(entries, active);

  it('seals each record under its own data key, wrapped by the active master key', () => {
    const cipher = new EnvelopeCipher(ring([['k1', k1]], 'k1'));
    const a = cipher.seal(Buffer.from('same'), 'row-1');
    const b = cipher.seal(Buffer.from('same'), 'row-2');
    expect(a.keyId).toBe('k1');
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
    expect(cipher.open(a, 'row-1').toString()).toBe('same');
  });

  it('binds a record to its context: copied to another row it no longer opens', () => {
    const cipher = new EnvelopeCipher(ring([['k1', k1]], 'k1'));
    const sealed = cipher.seal(Buffer.from('secret'), 'case_parties:a');
    expect(() => cipher.open(sealed, 'case_parties:b')).toThrow(VaultIntegrityError);
  });

  it('detects tampering with the ciphertext or the wrapped key', () => {
    const cipher = new EnvelopeCipher(ring([['k1', k1]], 'k1'));
    const sealed = cipher.seal(Buffer.from('secret'), 'ctx');
    expect(() => cipher.open({ ...sealed, ciphertext: flip(sealed.ciphertext, sealed.ciphertext.length - 1) }, 'ctx')).toThrow(VaultIntegrityError);
    expect(() => cipher.open({ ...sealed, wrappedKey: flip(sealed.wrappedKey, 40) }, 'ctx')).toThrow(VaultIntegrityError);
  });

  it('refuses a record whose key id was edited to another known key (the wrap is bound to its key id)', () => {
    const cipher = new EnvelopeCipher(ring([['k1', k1], ['k2', k2]], 'k1'));
    const sealed = cipher.seal(Buffer.from('secret'), 'ctx');
    expect(() => cipher.open({ ...sealed, keyId: 'k2' }, 'ctx')).toThrow(VaultIntegrityError);
  });

  it('fails loudly on a record wrapped with an unknown key id', () => {
    const sealed = new EnvelopeCipher(ring([['k1', k1]], 'k1')).seal(Buffer.from('secret'), 'ctx');
    const without = new EnvelopeCipher(ring([['k2', k2]], 'k2'));
    expect(() => without.open(sealed, 'ctx')).toThrow(UnknownKeyError);
    expect(() => without.rewrap(sealed, 'ctx')).toThrow(/key id "k1" is not in VAULT_KEYS/);
  });

  it('rotates: add a key, make it active, re-wrap, remove the old key, and everything still opens', () => {
    const before = new EnvelopeCipher(ring([['k1', k1]], 'k1'));
    const records = Array.from({ length: 25 }, (_, i) => ({ context: `row-${i}`, record: before.seal(Buffer.from(`value ${i}`), `row-${i}`) }));

    const during = new EnvelopeCipher(ring([['k1', k1], ['k2', k2]], 'k2'));
    expect(records.every(({ record }) => !during.isCurrent(record))).toBe(true);
    // Half done (an interrupted run), then the rest: both halves open under the rotated keyring.
    const rotated: SealedRecord[] = records.map(({ record, context }, i) => (i < 12 ? { ...record, ...during.rewrap(record, context) } : record));
    const resumed = rotated.map((record, i) => (during.isCurrent(record) ? record : { ...record, ...during.rewrap(record, records[i]!.context) }));
    expect(resumed.every((r) => r.keyId === 'k2')).toBe(true);
    // Only the data keys were re-wrapped: every ciphertext is byte for byte what it was.
    expect(resumed.every((r, i) => r.ciphertext.equals(records[i]!.record.ciphertext))).toBe(true);

    const after = new EnvelopeCipher(ring([['k2', k2]], 'k2'));
    resumed.forEach((record, i) => expect(after.open(record, `row-${i}`).toString()).toBe(`value ${i}`));
    expect(() => after.open(records[0]!.record, 'row-0')).toThrow(UnknownKeyError);

    // Re-encryption (new data key, new ciphertext) for a suspected data-key leak.
    const third = new EnvelopeCipher(ring([['k2', k2], ['k3', k3]], 'k3'));
    const fresh = third.reencrypt(resumed[0]!, 'row-0');
    expect(fresh.keyId).toBe('k3');
    expect(fresh.ciphertext.equals(resumed[0]!.ciphertext)).toBe(false);
    expect(third.open(fresh, 'row-0').toString()).toBe('value 0');
  });
});

describe('identity vault', () => {
  const blindKey = key();
  const vault = new IdentityVault(Keyring.of([['k1', key()]], 'k1'), blindKey);

  it('seals an identity with none of its fields readable, and opens it again', () => {
    const sealed = vault.seal(IDENTITY, 'case_parties:1');
    const stored = Buffer.concat([sealed.wrappedKey, sealed.ciphertext]).toString('latin1') + sealed.idNumberIndex + sealed.phoneIndex;
    for (const fragment of ['Trần', 'Tr', 'ngõ Huế', '912', '000 111', 'to.giac', '001 088', '001088123456']) {
      expect(stored).not.toContain(fragment);
      expect(Buffer.concat([sealed.wrappedKey, sealed.ciphertext]).includes(Buffer.from(fragment, 'utf8'))).toBe(false);
    }
    expect(vault.open(sealed, 'case_parties:1')).toEqual(IDENTITY);
  });

  it('keeps absent fields absent', () => {
    const sealed = vault.seal({ fullName: 'A', address: null, phone: null, email: null, idNumber: null }, 'ctx');
    expect(sealed).toMatchObject({ idNumberIndex: null, phoneIndex: null });
    expect(vault.open(sealed, 'ctx')).toEqual({ fullName: 'A', address: null, phone: null, email: null, idNumber: null });
  });

  it('indexes ID numbers and phones by keyed HMAC of their normalised form', () => {
    const a = vault.seal(IDENTITY, 'a');
    const b = vault.seal({ ...IDENTITY, idNumber: '001088123456', phone: '0912000111' }, 'b');
    expect(a.idNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.idNumberIndex).toBe(b.idNumberIndex);
    expect(a.phoneIndex).toBe(b.phoneIndex);
    expect(a.idNumberIndex).not.toBe(a.phoneIndex);
    const otherKey = new IdentityVault(Keyring.of([['k1', key()]], 'k1'), key());
    expect(otherKey.idNumberIndex('001088123456')).not.toBe(a.idNumberIndex);
  });

  it('keeps blind indexes across a master-key rotation (their key is separate)', () => {
    const rotated = new IdentityVault(Keyring.of([['k9', key()]], 'k9'), blindKey);
    expect(rotated.idNumberIndex(IDENTITY.idNumber)).toBe(vault.idNumberIndex(IDENTITY.idNumber));
  });

  it('normalises ID numbers and Vietnamese phone numbers', () => {
    expect(normaliseIdNumber(' 001-190.012 345 ')).toBe('001190012345');
    expect(normaliseIdNumber('b1234567')).toBe('B1234567');
    expect(normaliseIdNumber(' - ')).toBeNull();
    expect(['0912345678', '+84 912 345 678', '0084912345678', '84912345678', '091.234.5678'].map(normalisePhone)).toEqual(Array(5).fill('0912345678'));
    expect(normalisePhone('')).toBeNull();
  });
});

describe('pseudonyms', () => {
  it('are a prefix and 12 random Crockford base32 characters', () => {
    const names = Array.from({ length: 2000 }, () => newPseudonym('NTC'));
    for (const name of names) expect(name).toMatch(/^NTC-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('vault configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads VAULT_KEYS, VAULT_ACTIVE_KEY_ID and VAULT_BLIND_INDEX_KEY', () => {
    const config = vaultConfigFromEnv({ VAULT_KEYS: `a:${b64(key())},b:${b64(key())}`, VAULT_ACTIVE_KEY_ID: 'b', VAULT_BLIND_INDEX_KEY: b64(key()) });
    expect(config.keyring.activeKeyId).toBe('b');
    expect(config.devKeyFile).toBeNull();
  });

  it('refuses VAULT_KEYS without a blind-index key, and a half configuration', () => {
    expect(() => vaultConfigFromEnv({ VAULT_KEYS: `a:${b64(key())}` })).toThrow(/VAULT_BLIND_INDEX_KEY/);
    expect(() => vaultConfigFromEnv({ VAULT_ACTIVE_KEY_ID: 'a', VAULT_DEV_KEY_FILE: path.join(dir, 'k') })).toThrow(/VAULT_KEYS is not/);
  });

  it('refuses to start without keys in production', () => {
    expect(() => vaultConfigFromEnv({ NODE_ENV: 'production', VAULT_DEV_KEY_FILE: path.join(dir, 'k') })).toThrow(/must be set in production/);
  });

  it('creates a development key once (mode 0600), reuses it, and warns once', () => {
    const file = path.join(dir, 'nested', 'vault-dev-key');
    const first = vaultConfigFromEnv({ VAULT_DEV_KEY_FILE: file });
    expect(first.devKeyFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = vaultConfigFromEnv({ VAULT_DEV_KEY_FILE: file });
    expect(second.keyring.active.key.equals(first.keyring.active.key)).toBe(true);
    expect(second.blindIndexKey.equals(first.blindIndexKey)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('"keyId":"dev"');

    const warnings: string[] = [];
    const vault = identityVaultFromEnv({ env: { VAULT_DEV_KEY_FILE: file }, warn: (m) => warnings.push(m) });
    identityVaultFromEnv({ env: { VAULT_DEV_KEY_FILE: file }, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/DEVELOPMENT key .*never use it in production/i);
    expect(vault.open(vault.seal(IDENTITY, 'x'), 'x')).toEqual(IDENTITY);
  });
});
