import { tmpdir } from 'node:os';
import path from 'node:path';
import { envInteger as integer } from '../outbox/outbox-settings';

export { retryDelayMs } from '../outbox/outbox-settings';

export const DEFAULT_MAIL_FROM = 'Hệ thống donthu <no-reply@donthu.invalid>';
export const DEFAULT_MAIL_DIR = '.data/mail';

export interface SmtpTransportConfig {
  kind: 'smtp';
  /** SMTP_URL as given (may hold credentials: never logged). */
  url: string;
  /** `smtp://host:port` without credentials, for logs. */
  safeUrl: string;
}

export interface FileTransportConfig {
  kind: 'files';
  dir: string;
}

export interface NotificationConfig {
  transport: SmtpTransportConfig | FileTransportConfig;
  /** The From header (MAIL_FROM), e.g. `Hệ thống donthu <no-reply@ubnd.example.gov.vn>`. */
  from: string;
  /** Its address: the SMTP envelope sender. */
  fromAddress: string;
  /** Right-hand side of every Message-ID: the domain of MAIL_FROM. */
  messageIdDomain: string;
  /** Wall-clock period of the worker's outbox watcher, which wakes the dispatcher when rows are due (the dispatcher sets no timer when idle). */
  pollIntervalMs: number;
  /** Rows claimed per delivery round. */
  batchSize: number;
  /** Attempts after which a row is `failed`. */
  maxAttempts: number;
  /** Backoff before retry n: base × 2^(n-1), at most max. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a claim holds a row; another round takes over a `sending` row only after it. */
  claimLeaseMs: number;
  /** Longest one message may take (connection, greeting, transfer); always well inside the lease. */
  sendTimeoutMs: number;
  /** History length after which the dispatcher continues as new (unset: the workflow's default). */
  dispatcherHistoryLimit: number | undefined;
}


/** `Name <user@host>` or `user@host` → `user@host`; anything else is refused. */
export function mailboxAddress(value: string): string | undefined {
  const match = /^\s*(?:[^<>]*<\s*([^<>\s]+@[^<>\s]+)\s*>|([^<>\s]+@[^<>\s]+))\s*$/.exec(value);
  const address = match?.[1] ?? match?.[2];
  return address && /^[^@\s"(),:;<>[\\\]]+@[A-Za-z0-9.-]+$/.test(address) ? address : undefined;
}

function smtpConfig(raw: string): SmtpTransportConfig {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://127.0.0.1:2525 or smtps://user:password@mail.example.gov.vn:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL must use smtp:// or smtps://, not ${url.protocol}//`);
  if (!url.hostname) throw new Error('SMTP_URL has no host');
  return { kind: 'smtp', url: raw, safeUrl: `${url.protocol}//${url.host}` };
}

/**
 * Notification delivery settings from the environment (README, Configuration). SMTP_URL selects
 * SMTP; without it messages are written as .eml files under MAIL_DIR (`.data/mail`; under Jest a
 * folder in the system's temporary directory), so that `npm start` shows what would be sent.
 */
export function notificationConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const from = env.MAIL_FROM || DEFAULT_MAIL_FROM;
  const fromAddress = mailboxAddress(from);
  if (!fromAddress) throw new Error(`MAIL_FROM must be an address, with or without a name ("Hệ thống donthu <no-reply@example.gov.vn>"), got "${from}"`);
  const defaultDir = env.NODE_ENV === 'test' ? path.join(tmpdir(), 'donthu-test-mail') : DEFAULT_MAIL_DIR;
  const claimLeaseMs = integer(env, 'NOTIFICATION_CLAIM_LEASE_MS', 120_000, 1_000);
  const retryBaseMs = integer(env, 'NOTIFICATION_RETRY_BASE_MS', 30_000, 1);
  const retryMaxMs = integer(env, 'NOTIFICATION_RETRY_MAX_MS', 3_600_000, 1);
  if (retryMaxMs < retryBaseMs) throw new Error(`NOTIFICATION_RETRY_MAX_MS (${retryMaxMs}) must not be below NOTIFICATION_RETRY_BASE_MS (${retryBaseMs})`);
  const historyLimit = env.NOTIFICATION_DISPATCHER_HISTORY_LIMIT ? integer(env, 'NOTIFICATION_DISPATCHER_HISTORY_LIMIT', 1000, 20) : undefined;
  return {
    transport: env.SMTP_URL ? smtpConfig(env.SMTP_URL) : { kind: 'files', dir: env.MAIL_DIR || defaultDir },
    from,
    fromAddress,
    messageIdDomain: fromAddress.split('@')[1]!.toLowerCase(),
    pollIntervalMs: integer(env, 'NOTIFICATION_POLL_INTERVAL_MS', 30_000, 50),
    batchSize: integer(env, 'NOTIFICATION_BATCH_SIZE', 20, 1),
    maxAttempts: integer(env, 'NOTIFICATION_MAX_ATTEMPTS', 10, 1),
    retryBaseMs,
    retryMaxMs,
    claimLeaseMs,
    // A send never outlives its lease: at most a minute, and at most half the lease.
    sendTimeoutMs: Math.min(60_000, Math.floor(claimLeaseMs / 2)),
    dispatcherHistoryLimit: historyLimit,
  };
}
