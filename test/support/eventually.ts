/**
 * Reads until `done(value)` or the time is up; returns the last value read, for the caller's
 * assertion to show. With `what`, a timeout throws instead, naming what never happened.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 250, what } = options;
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) {
      if (what) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000}s`);
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
