import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import * as argon2 from 'argon2';
import type { IdentityVault } from '@donthu/vault';

/**
 * The secret on a citizen's receipt: 12 characters of Crockford base32 (60 random bits), printed
 * in three groups, e.g. `7KQ2-M9XD-4TRW`. No I, L, O or U, so nothing is misread; when typed
 * back, case, spaces and dashes do not matter and I/L/O are read as 1/1/0.
 */
export const TRACKING_SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_SECRET_LENGTH = 12;
/** What the secret looks like, for error messages and the OpenAPI description. */
export const TRACKING_SECRET_FORMAT = '12 characters 0-9 A-Z without I, L, O, U, e.g. 7KQ2-M9XD-4TRW (dashes and spaces optional)';

/**
 * How the secret is kept (case_tracking.secret_hash): `hmac-sha256:v1:<hex>`, an HMAC-SHA256
 * keyed by VAULT_BLIND_INDEX_KEY (outside the database). The secret is 60 random bits from the
 * CSPRNG, not a password a person chose: a slow hash buys nothing against a search of 2^60
 * values that a database dump alone cannot even start without the key, and it cost ~23 ms of CPU
 * per registration (argon2id at OWASP's minimum: at most ~60 intakes/s on 2 cores,
 * docs/benchmarks.md). Receipts issued before keep working: their argon2id hashes still verify.
 * Online guessing is bounded by the tracking rate limit.
 */
const TAG_PREFIX = 'hmac-sha256:v1:';

/** A new random secret, formatted for printing (`XXXX-XXXX-XXXX`). */
export function generateTrackingSecret(): string {
  let raw = '';
  // randomInt draws without modulo bias: each character carries exactly 5 bits.
  for (let i = 0; i < TRACKING_SECRET_LENGTH; i++) raw += TRACKING_SECRET_ALPHABET[randomInt(TRACKING_SECRET_ALPHABET.length)];
  return raw.match(/.{4}/g)!.join('-');
}

/** The secret as typed back by a citizen, in its canonical form (12 characters), or undefined if it cannot be one. */
export function normalizeTrackingSecret(input: string): string | undefined {
  const canonical = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (canonical.length !== TRACKING_SECRET_LENGTH) return undefined;
  for (const ch of canonical) if (!TRACKING_SECRET_ALPHABET.includes(ch)) return undefined;
  return canonical;
}

/** What case_tracking.secret_hash keeps for `secret` (printed form or canonical). */
export function trackingSecretTag(vault: IdentityVault, secret: string): string {
  const canonical = normalizeTrackingSecret(secret);
  if (!canonical) throw new RangeError('not a tracking secret');
  return `${TAG_PREFIX}${vault.trackingSecretTag(canonical)}`;
}

/**
 * Whether `canonicalSecret` is the one `stored` was made from, compared in constant time; an
 * argon2id hash (receipts issued before the keyed tag) is verified by argon2; anything else is a
 * mismatch.
 */
export async function verifyTrackingSecret(vault: IdentityVault, stored: string, canonicalSecret: string): Promise<boolean> {
  if (stored.startsWith(TAG_PREFIX)) {
    const expected = Buffer.from(stored.slice(TAG_PREFIX.length), 'utf8');
    const actual = Buffer.from(vault.trackingSecretTag(canonicalSecret), 'utf8');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await argon2.verify(stored, canonicalSecret);
  } catch {
    return false;
  }
}

/**
 * A tag no secret matches (random bytes where the HMAC would be): an unknown code is checked
 * against it, so that it costs what a known code with a wrong secret costs.
 */
export const DUMMY_TRACKING_TAG = `${TAG_PREFIX}${randomBytes(32).toString('hex')}`;
