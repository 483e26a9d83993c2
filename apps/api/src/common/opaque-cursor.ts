// Long enough for any real key, short enough to refuse junk before decoding.
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,300}$/;

/** A page's end as an opaque cursor: base64url of the JSON array of its sort key. Clients pass back what they got. */
export function encodeOpaqueCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor holds (an array of `length` items), or undefined if it is not a cursor at all. */
export function decodeOpaqueCursor(cursor: unknown, length: number): unknown[] | undefined {
  if (typeof cursor !== 'string' || !CURSOR_PATTERN.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) && parsed.length === length ? (parsed as unknown[]) : undefined;
  } catch {
    return undefined;
  }
}
