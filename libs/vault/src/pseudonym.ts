import { randomBytes } from 'node:crypto';

/** Crockford base32 (no I, L, O, U): read aloud and typed without confusion. 256 % 32 = 0: unbiased. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12; // 60 random bits: collisions stay negligible over tens of millions of parties

/** A random reference shown instead of a person's name, e.g. `NTC-7KQ2M9XH4PRT`. Carries nothing about the person. */
export function newPseudonym(prefix: string): string {
  const bytes = randomBytes(LENGTH);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}-${out}`;
}
