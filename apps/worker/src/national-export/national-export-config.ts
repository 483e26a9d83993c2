import { envInteger } from '../outbox/outbox-settings';

export interface NationalExportConfig {
  /** NATIONAL_DB_URL as given (never logged: it may carry credentials). */
  url: string;
  /** Scheme, host and path, for logs. */
  safeUrl: string;
  /** Sent as `Authorization: Bearer …` when set (never logged). */
  token: string | undefined;
  /** Records per request. */
  batchSize: number;
  /** Wall-clock period of the outbox watcher. */
  pollIntervalMs: number;
  /** Backoff before retry n: base × 2^(n-1), at most max. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a round holds a batch; another round re-sends it only after that. */
  claimLeaseMs: number;
  /** Longest one request may take: at most a minute, and at most half the lease. */
  requestTimeoutMs: number;
  /** History length after which the export workflow continues as new (unset: the workflow's default). */
  historyLimit: number | undefined;
}

/**
 * Settings of the national-database export (README, Configuration; docs/national-export.md).
 * Undefined when NATIONAL_DB_URL is not set: the export is off (records still accumulate in the
 * outbox, and leave in order once it is set). A bad setting stops the worker at start.
 */
export function nationalExportConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NationalExportConfig | undefined {
  const raw = env.NATIONAL_DB_URL;
  if (!raw) {
    if (env.NATIONAL_DB_TOKEN) throw new Error('NATIONAL_DB_TOKEN is set without NATIONAL_DB_URL: set both, or neither to leave the national export off');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('NATIONAL_DB_URL must be a URL such as https://csdlqg.example.gov.vn/api/v1/records');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`NATIONAL_DB_URL must use https:// (or http:// on a private network), not ${url.protocol}//`);
  if (url.username || url.password) throw new Error('NATIONAL_DB_URL must not carry credentials: put the token in NATIONAL_DB_TOKEN');
  const claimLeaseMs = envInteger(env, 'NATIONAL_EXPORT_CLAIM_LEASE_MS', 120_000, 1_000);
  const retryBaseMs = envInteger(env, 'NATIONAL_EXPORT_RETRY_BASE_MS', 30_000, 1);
  const retryMaxMs = envInteger(env, 'NATIONAL_EXPORT_RETRY_MAX_MS', 3_600_000, 1);
  if (retryMaxMs < retryBaseMs) throw new Error(`NATIONAL_EXPORT_RETRY_MAX_MS (${retryMaxMs}) must not be below NATIONAL_EXPORT_RETRY_BASE_MS (${retryBaseMs})`);
  const batchSize = envInteger(env, 'NATIONAL_EXPORT_BATCH_SIZE', 100, 1);
  if (batchSize > 1000) throw new Error(`NATIONAL_EXPORT_BATCH_SIZE must be at most 1000, got ${batchSize}`);
  return {
    url: raw,
    safeUrl: `${url.protocol}//${url.host}${url.pathname}`,
    token: env.NATIONAL_DB_TOKEN || undefined,
    batchSize,
    pollIntervalMs: envInteger(env, 'NATIONAL_EXPORT_POLL_INTERVAL_MS', 30_000, 50),
    retryBaseMs,
    retryMaxMs,
    claimLeaseMs,
    requestTimeoutMs: Math.min(60_000, Math.floor(claimLeaseMs / 2)),
    historyLimit: env.NATIONAL_EXPORT_HISTORY_LIMIT ? envInteger(env, 'NATIONAL_EXPORT_HISTORY_LIMIT', 1000, 20) : undefined,
  };
}
