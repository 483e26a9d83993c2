// Long enough for any real key, short enough to refuse junk before decoding.
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A page's end as an opaque cursor: base64url of the JSON array of its sort key. Clients pass back what they got. */
export function encodeOpaqueCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor holds (an array of `length` items), or undefined if it is not a cursor at
 * all; a cursor longer than `maxLength` characters is refused before decoding.
 */
export function decodeOpaqueCursor(cursor: unknown, length: number, maxLength = 300): unknown[] | undefined {
  if (typeof cursor !== 'string' || cursor.length > maxLength || !BASE64URL.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) && parsed.length === length ? (parsed as unknown[]) : undefined;
  } catch {
    return undefined;
  }
}
