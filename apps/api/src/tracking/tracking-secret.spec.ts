import { dummyTrackingHash, generateTrackingSecret, hashTrackingSecret, normalizeTrackingSecret, TRACKING_SECRET_ALPHABET, verifyTrackingSecret } from './tracking-secret';

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

  it('are stored as an argon2id hash with its own salt, never as themselves', async () => {
    const secret = generateTrackingSecret();
    const [a, b] = await Promise.all([hashTrackingSecret(secret), hashTrackingSecret(secret)]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b); // per-row salt
    expect(a).not.toContain(secret.replace(/-/g, ''));
    await expect(hashTrackingSecret('not a secret')).rejects.toThrow(RangeError);
  });

  it('verify the right secret, typed any way, and refuse any other', async () => {
    const secret = generateTrackingSecret();
    const hash = await hashTrackingSecret(secret);
    await expect(verifyTrackingSecret(hash, normalizeTrackingSecret(secret.toLowerCase())!)).resolves.toBe(true);
    const other = generateTrackingSecret();
    await expect(verifyTrackingSecret(hash, normalizeTrackingSecret(other)!)).resolves.toBe(false);
    await expect(verifyTrackingSecret('not-a-hash', normalizeTrackingSecret(secret)!)).resolves.toBe(false);
  });

  it('check an unknown code against a dummy hash of the same cost, which no secret matches by chance', async () => {
    const dummy = await dummyTrackingHash();
    expect(await dummyTrackingHash()).toBe(dummy); // computed once
    expect(dummy).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(verifyTrackingSecret(dummy, normalizeTrackingSecret(generateTrackingSecret())!)).resolves.toBe(false);
  });
});
