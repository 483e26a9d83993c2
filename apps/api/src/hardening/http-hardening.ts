import { isUtf8 } from 'node:buffer';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** Headers a browser client may send across origins (when CORS is open to it). */
const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Tracking-Secret'];
const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After'];

export interface HttpHardening {
  /** Origins allowed to call the api from a browser; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Largest JSON or form body, in body-parser's notation (`1mb`, `200kb`). */
  bodyLimit: string;
  /** Express `trust proxy`: which hops' X-Forwarded-For to believe (`false`: none). */
  trustProxy: false | number | string;
}

/**
 * Reads CORS_ORIGINS, BODY_LIMIT and TRUST_PROXY. A wrong value stops the api at start, with the
 * variable named: a typo must not silently open CORS or lift the body limit.
 */
export function httpHardeningFromEnv(env: NodeJS.ProcessEnv = process.env): HttpHardening {
  return { corsOrigins: parseCorsOrigins(env.CORS_ORIGINS), bodyLimit: parseBodyLimit(env.BODY_LIMIT), trustProxy: parseTrustProxy(env.TRUST_PROXY) };
}

/** `https://a.gov.vn,https://b.gov.vn:8443` → exact origins; `*`, paths and other schemes are refused. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return entries.map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    // An origin is scheme://host[:port], nothing after it (URL.origin drops a trailing slash only).
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.replace(/\/$/, '') || entry.includes('*')) {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin like https://tiepdan.example.gov.vn (no "*", no path)`);
    }
    return url.origin;
  });
}

export function parseBodyLimit(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return '1mb';
  const value = raw.trim().toLowerCase();
  if (!/^\d+(\.\d+)?(b|kb|mb)$/.test(value)) throw new Error(`BODY_LIMIT: "${raw}" must be a size like 1mb, 512kb or 65536b`);
  return value;
}

/**
 * Unset: X-Forwarded-For is ignored (req.ip is the socket's address). A number of proxy hops, or
 * addresses/subnets and Express's names (`loopback`, `uniquelocal`…). `true` is refused: believing
 * any X-Forwarded-For would let every client pick the address the rate limit counts.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === '*') throw new Error('TRUST_PROXY: "true" would trust any X-Forwarded-For; give the number of proxy hops or their addresses');
  return value;
}

/** Deeper JSON than any request of this api needs (a registration is 4 levels). */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep the arrays and objects of a JSON text nest, read from the bytes without parsing (and
 * stopping once past `limit`): a body nested 100,000 levels parses, but then overflows the stack
 * of whatever walks it.
 */
export function jsonNestingDepth(body: Buffer, limit = Number.MAX_SAFE_INTEGER): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return deepest;
}

/** body-parser `verify`: its errors reach HttpExceptionFilter with type entity.verify.failed (400). */
function verifyBody(message: string): Error {
  return Object.assign(new Error(message), { type: 'entity.verify.failed' });
}

function refuseInvalidUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw verifyBody('Request body is not valid UTF-8');
}

function refuseInvalidJson(request: unknown, response: unknown, body: Buffer): void {
  refuseInvalidUtf8(request, response, body);
  if (jsonNestingDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw verifyBody(`Request body nests more than ${MAX_JSON_DEPTH} levels`);
}

/**
 * Security headers (helmet), CORS closed unless CORS_ORIGINS names origins, a body size limit
 * (413 in the one error shape, by HttpExceptionFilter) and which proxies to trust for the
 * client address. Called first in configureApp, before any route or Nest middleware exists.
 */
export function applyHttpHardening(app: INestApplication, config: HttpHardening = httpHardeningFromEnv()): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy);
  // Helmet's defaults, less `upgrade-insecure-requests`: TLS is the proxy's business (HSTS is sent),
  // and the directive breaks the /docs page wherever it is served over plain http (localhost, intranet).
  express.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: CORS_ALLOWED_HEADERS, exposedHeaders: CORS_EXPOSED_HEADERS, maxAge: 600 });
  }
  // Registered before Nest's own parsers, which then step aside (same names).
  // A body that is not valid UTF-8 is refused (400), never decoded with replacement characters
  // into a stored petition; so is JSON nested deeper than MAX_JSON_DEPTH.
  express.useBodyParser('json', { limit: config.bodyLimit, verify: refuseInvalidJson });
  express.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true, verify: refuseInvalidUtf8 });
}
