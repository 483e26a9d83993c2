import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AuthConfig {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

const DEV_SECRET_FILE = path.resolve('.data/jwt-dev-secret');

/**
 * Secrets come from the environment only. Without JWT_SECRET (embedded `npm start`, tests) a
 * development secret is kept in the git-ignored .data folder; in production its absence is fatal.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (env.NODE_ENV === 'production') throw new Error('JWT_SECRET must be set in production');
    if (!existsSync(DEV_SECRET_FILE)) {
      mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
      writeFileSync(DEV_SECRET_FILE, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
      new Logger('AuthConfig').warn(`JWT_SECRET is not set: using a development secret in ${DEV_SECRET_FILE} (never in production)`);
    }
    jwtSecret = readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  }
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return {
    jwtSecret,
    accessTokenTtlSeconds: Number(env.ACCESS_TOKEN_TTL_SECONDS ?? 900),
    refreshTokenTtlDays: Number(env.REFRESH_TOKEN_TTL_DAYS ?? 30),
    maxFailedLogins: Number(env.LOGIN_MAX_FAILURES ?? 5),
    lockoutMinutes: Number(env.LOGIN_LOCKOUT_MINUTES ?? 15),
  };
}
