import { randomInt } from 'node:crypto';
import * as argon2 from 'argon2';

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
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): about 20–30 ms a check here. With 60
 * bits of secret, an offline search of one stolen hash is out of reach; online guessing is
 * bounded by the rate limit. The parameters travel inside each stored hash, so they can be
 * raised later without touching old rows.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

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

/** The slow hash stored in case_tracking (salt and parameters inside the encoded string). */
export async function hashTrackingSecret(secret: string): Promise<string> {
  const canonical = normalizeTrackingSecret(secret);
  if (!canonical) throw new RangeError('not a tracking secret');
  return argon2.hash(canonical, HASH_OPTIONS);
}

/** argon2's verify compares in constant time; a malformed hash counts as a mismatch. */
export async function verifyTrackingSecret(hash: string, canonicalSecret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, canonicalSecret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a secret nobody knows, with the same parameters: an unknown tracking code is checked
 * against it, so that it costs the same time as a known code with a wrong secret.
 */
export function dummyTrackingHash(): Promise<string> {
  dummy ??= hashTrackingSecret(generateTrackingSecret());
  return dummy;
}
