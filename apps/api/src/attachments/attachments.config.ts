export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_ATTACHMENTS_DIR = '.data/attachments';
/** Longest description accepted with an upload (characters). */
export const MAX_DESCRIPTION_LENGTH = 1000;

export interface AttachmentsConfig {
  /** Largest accepted file; a larger upload is cut off while it streams in (413). */
  maxBytes: number;
  store: { kind: 'filesystem'; dir: string };
}

export const ATTACHMENTS_CONFIG = Symbol('AttachmentsConfig');

/**
 * Attachment settings from the environment (README, Configuration). An S3-compatible store is
 * selected by `ATTACHMENTS_S3_ENDPOINT`; until it is implemented, setting it stops the api at start
 * rather than silently keeping files somewhere else.
 */
export function attachmentsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentsConfig {
  const rawMax = env.ATTACHMENT_MAX_BYTES;
  const maxBytes = rawMax === undefined || rawMax === '' ? DEFAULT_ATTACHMENT_MAX_BYTES : Number(rawMax);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a positive integer (bytes), got "${rawMax}"`);
  }
  if (env.ATTACHMENTS_S3_ENDPOINT) {
    throw new Error('ATTACHMENTS_S3_ENDPOINT is set, but the S3-compatible attachment store is not implemented yet: unset it to keep attachments in ATTACHMENTS_DIR');
  }
  return { maxBytes, store: { kind: 'filesystem', dir: env.ATTACHMENTS_DIR || DEFAULT_ATTACHMENTS_DIR } };
}
