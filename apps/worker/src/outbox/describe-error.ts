/**
 * An error as a short line for an outbox row's `last_error` and the log: its code (and an SMTP
 * reply code, or the code of the network error under a fetch failure) and its message; never a
 * URL with credentials, a request or a message body. Read by shape, not by `instanceof`: errors
 * made in another realm (Node's own fetch under a test runner's sandbox) are errors too.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const { code, responseCode, cause, message } = error as { code?: unknown; responseCode?: unknown; cause?: unknown; message: string };
    const causeCode = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    return [typeof code === 'string' ? code : undefined, typeof responseCode === 'number' ? String(responseCode) : undefined, typeof causeCode === 'string' ? causeCode : undefined, message]
      .filter(Boolean)
      .join(': ')
      .slice(0, 500);
  }
  return String(error).slice(0, 500);
}
