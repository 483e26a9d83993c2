export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_ATTACHMENTS_DIR = '.data/attachments';
export const DEFAULT_S3_REGION = 'us-east-1';
/** Longest description accepted with an upload (characters). */
export const MAX_DESCRIPTION_LENGTH = 1000;

export interface FilesystemStoreConfig {
  kind: 'filesystem';
  dir: string;
}

export interface S3StoreConfig {
  kind: 's3';
  /** `http(s)://host[:port][/path]` of the S3-compatible service. */
  endpoint: string;
  bucket: string;
  region: string;
  /** Both keys, or undefined for the SDK's default chain (AWS_* variables, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

export interface AttachmentsConfig {
  /** Largest accepted file; a larger upload is cut off while it streams in (413). */
  maxBytes: number;
  store: FilesystemStoreConfig | S3StoreConfig;
}

export const ATTACHMENTS_CONFIG = Symbol('AttachmentsConfig');

const S3_VARIABLES = ['ATTACHMENTS_S3_BUCKET', 'ATTACHMENTS_S3_REGION', 'ATTACHMENTS_S3_ACCESS_KEY_ID', 'ATTACHMENTS_S3_SECRET_ACCESS_KEY', 'ATTACHMENTS_S3_FORCE_PATH_STYLE'] as const;
// S3's bucket naming rules (general purpose buckets): 3–63 of a-z 0-9 . -, starting and ending with a letter or digit.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Attachment settings from the environment (README, Configuration): files in `ATTACHMENTS_DIR` by
 * default; an S3-compatible store when `ATTACHMENTS_S3_ENDPOINT` is set. Anything inconsistent
 * stops the api at start rather than silently keeping files somewhere else.
 */
export function attachmentsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentsConfig {
  const rawMax = env.ATTACHMENT_MAX_BYTES;
  const maxBytes = rawMax === undefined || rawMax === '' ? DEFAULT_ATTACHMENT_MAX_BYTES : Number(rawMax);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a positive integer (bytes), got "${rawMax}"`);
  }
  if (env.ATTACHMENTS_S3_ENDPOINT) return { maxBytes, store: s3StoreConfig(env, env.ATTACHMENTS_S3_ENDPOINT) };
  const stray = S3_VARIABLES.filter((name) => env[name]);
  if (stray.length > 0) {
    throw new Error(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but ATTACHMENTS_S3_ENDPOINT is not: set it to keep attachments in the S3-compatible store, or unset ${stray.length === 1 ? 'it' : 'them'} to keep them in ATTACHMENTS_DIR`);
  }
  return { maxBytes, store: { kind: 'filesystem', dir: env.ATTACHMENTS_DIR || DEFAULT_ATTACHMENTS_DIR } };
}

function s3StoreConfig(env: NodeJS.ProcessEnv, rawEndpoint: string): S3StoreConfig {
  // Keys belong in ATTACHMENTS_S3_ACCESS_KEY_ID / _SECRET_ACCESS_KEY, never in a URL that gets logged
  // (nor in this message: the value is not repeated).
  if (rawEndpoint.includes('@')) throw new Error('ATTACHMENTS_S3_ENDPOINT must not contain credentials: use ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY');
  let url: URL;
  try {
    url = new URL(rawEndpoint);
  } catch {
    throw new Error(`ATTACHMENTS_S3_ENDPOINT must be an http(s) URL such as https://s3.ap-southeast-1.amazonaws.com or http://127.0.0.1:9000, got "${rawEndpoint}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`ATTACHMENTS_S3_ENDPOINT must be an http(s) URL, got the scheme "${url.protocol}"`);
  if (url.search || url.hash) throw new Error(`ATTACHMENTS_S3_ENDPOINT must not have a query or fragment, got "${rawEndpoint}"`);

  const bucket = env.ATTACHMENTS_S3_BUCKET;
  if (!bucket) throw new Error('ATTACHMENTS_S3_ENDPOINT is set but ATTACHMENTS_S3_BUCKET is not: name the bucket that keeps the attachments (it must exist already)');
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    throw new Error(`ATTACHMENTS_S3_BUCKET must be a bucket name (3-63 characters: lower-case letters, digits, dots, hyphens), got "${bucket}"`);
  }

  const region = env.ATTACHMENTS_S3_REGION || DEFAULT_S3_REGION;
  if (!/^[A-Za-z0-9_-]+$/.test(region)) throw new Error(`ATTACHMENTS_S3_REGION must be a region name such as us-east-1, got "${region}"`);

  const accessKeyId = env.ATTACHMENTS_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.ATTACHMENTS_S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      `${accessKeyId ? 'ATTACHMENTS_S3_ACCESS_KEY_ID' : 'ATTACHMENTS_S3_SECRET_ACCESS_KEY'} is set without ${accessKeyId ? 'ATTACHMENTS_S3_SECRET_ACCESS_KEY' : 'ATTACHMENTS_S3_ACCESS_KEY_ID'}: set both, or neither to use the AWS SDK's default credentials (AWS_ACCESS_KEY_ID…, instance role)`,
    );
  }

  const rawPathStyle = env.ATTACHMENTS_S3_FORCE_PATH_STYLE;
  let forcePathStyle = true;
  if (rawPathStyle !== undefined && rawPathStyle !== '') {
    if (rawPathStyle !== 'true' && rawPathStyle !== 'false' && rawPathStyle !== '1' && rawPathStyle !== '0') {
      throw new Error(`ATTACHMENTS_S3_FORCE_PATH_STYLE must be true or false, got "${rawPathStyle}"`);
    }
    forcePathStyle = rawPathStyle === 'true' || rawPathStyle === '1';
  }

  return {
    kind: 's3',
    endpoint: rawEndpoint,
    bucket,
    region,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle,
  };
}
