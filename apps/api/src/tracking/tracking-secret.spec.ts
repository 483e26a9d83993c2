import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { IdentityVault, Keyring } from '@donthu/vault';
import { DUMMY_TRACKING_TAG, generateTrackingSecret, normalizeTrackingSecret, TRACKING_SECRET_ALPHABET, trackingSecretTag, verifyTrackingSecret } from './tracking-secret';

const vaultWith = (blindIndexKey: Buffer) => new IdentityVault(Keyring.of([['k1', randomBytes(32)]], 'k1'), blindIndexKey);
const vault = vaultWith(randomBytes(32));

describe('tracking secrets', () => {
  it('are 12 Crockford base32 characters in three groups of four', () => {
    for (let i = 0; i < 200; i++) expect(generateTrackingSecret()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(TRACKING_SECRET_ALPHABET).toHaveLength(32); // 5 bits a character: 60 bits in all
    expect(TRACKING_SECRET_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('do not repeat and use the whole alphabet evenly', () => {
    const secrets = Array.from({ length: 2000 }, generateTrackingSecret);
    expect(new Set(secrets).size).toBe(secrets.length);
    const counts = new Map<string, number>();
    for (const ch of secrets.join('').replace(/-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 24,000 characters: 750 expected each; a biased generator would stray far outside this band.
    for (const n of counts.values()) expect(n).toBeGreaterThan(600);
    for (const n of counts.values()) expect(n).toBeLessThan(900);
  });

  it('are read back whatever the case, dashes and spaces, with I/L/O read as 1/1/0', () => {
    expect(normalizeTrackingSecret('7KQ2-M9XD-4TRW')).toBe('7KQ2M9XD4TRW');
    expect(normalizeTrackingSecret(' 7kq2 m9xd 4trw ')).toBe('7KQ2M9XD4TRW');
    expect(normalizeTrackingSecret('O1L2-I9XD-4TRW')).toBe('0112' + '19XD4TRW');
    expect(normalizeTrackingSecret('7KQ2-M9XD-4TR')).toBeUndefined(); // too short
    expect(normalizeTrackingSecret('7KQ2-M9XD-4TRWX')).toBeUndefined(); // too long
    expect(normalizeTrackingSecret('7KQ2-M9XD-4TRU')).toBeUndefined(); // U is not in the alphabet
    expect(normalizeTrackingSecret('7KQ2-M9XD-4TR!')).toBeUndefined();
  });

  it('are stored as a keyed HMAC tag, never as themselves, the same however typed', () => {
    const secret = generateTrackingSecret();
    const tag = trackingSecretTag(vault, secret);
    expect(tag).toMatch(/^hmac-sha256:v1:[0-9a-f]{64}$/);
    expect(tag).not.toContain(secret.replace(/-/g, ''));
    expect(trackingSecretTag(vault, secret.toLowerCase().replace(/-/g, ' '))).toBe(tag);
    // Another key (another installation, or a stolen table without the key) gives another tag.
    expect(trackingSecretTag(vaultWith(randomBytes(32)), secret)).not.toBe(tag);
    expect(() => trackingSecretTag(vault, 'not a secret')).toThrow(RangeError);
  });

  it('verify the right secret, typed any way, and refuse any other', async () => {
    const secret = generateTrackingSecret();
    const tag = trackingSecretTag(vault, secret);
    await expect(verifyTrackingSecret(vault, tag, normalizeTrackingSecret(secret.toLowerCase())!)).resolves.toBe(true);
    await expect(verifyTrackingSecret(vault, tag, normalizeTrackingSecret(generateTrackingSecret())!)).resolves.toBe(false);
    await expect(verifyTrackingSecret(vault, 'not-a-hash', normalizeTrackingSecret(secret)!)).resolves.toBe(false);
    await expect(verifyTrackingSecret(vault, 'hmac-sha256:v1:abc', normalizeTrackingSecret(secret)!)).resolves.toBe(false);
  });

  it('still verify receipts issued with an argon2id hash before the keyed tag', async () => {
    const secret = generateTrackingSecret();
    const legacy = await argon2.hash(normalizeTrackingSecret(secret)!, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(verifyTrackingSecret(vault, legacy, normalizeTrackingSecret(secret)!)).resolves.toBe(true);
    await expect(verifyTrackingSecret(vault, legacy, normalizeTrackingSecret(generateTrackingSecret())!)).resolves.toBe(false);
  });

  it('check an unknown code against a dummy tag of the same form, which no secret matches', async () => {
    expect(DUMMY_TRACKING_TAG).toMatch(/^hmac-sha256:v1:[0-9a-f]{64}$/);
    await expect(verifyTrackingSecret(vault, DUMMY_TRACKING_TAG, normalizeTrackingSecret(generateTrackingSecret())!)).resolves.toBe(false);
  });
});
