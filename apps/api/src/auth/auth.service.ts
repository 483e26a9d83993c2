import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RefreshTokenEntity, UserEntity } from '@donthu/persistence';
import { LocalJwtVerifier } from './access-token.verifier';
import type { AuthConfig } from './auth-config';
import { AUTH_CONFIG } from './auth.tokens';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; displayName: string; role: string; agencyCode: string };
}

const INVALID = () => new UnauthorizedException({ message: 'Wrong username or password', errors: [{ field: 'credentials', reason: 'wrong username or password' }] });
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A hash to verify against when the username is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

/**
 * Local accounts: argon2id passwords, lockout after repeated failures, short-lived access tokens
 * and rotating refresh tokens (a rotated token used again revokes its whole family: it was stolen).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: LocalJwtVerifier,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async login(username: string, password: string): Promise<Session> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOne({ where: { username } });
    if (!user) {
      decoyHash ??= argon2.hash(randomBytes(16).toString('hex'));
      await argon2.verify(await decoyHash, password);
      throw INVALID();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new HttpException(
        { message: 'Account locked after repeated failed logins; try again later or ask an administrator', errors: [{ field: 'username', reason: 'locked' }] },
        HttpStatus.LOCKED,
      );
    }
    if (user.disabled || !(await argon2.verify(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= this.config.maxFailedLogins;
      await users.update({ id: user.id }, { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + this.config.lockoutMinutes * 60_000) : user.lockedUntil });
      throw INVALID();
    }
    await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    return this.issue(user, randomUUID());
  }

  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Session | { reusedFamily: string }> => {
      const stored = await manager.findOne(RefreshTokenEntity, { where: { tokenHash: hashToken(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      if (!stored || stored.expiresAt < new Date()) throw this.invalidRefresh();
      if (stored.revokedAt || stored.replacedBy) return { reusedFamily: stored.familyId };
      const user = await manager.findOne(UserEntity, { where: { id: stored.userId } });
      if (!user || user.disabled) throw this.invalidRefresh();
      return this.issue(user, stored.familyId, async (id) => {
        await manager.update(RefreshTokenEntity, { id: stored.id }, { replacedBy: id, revokedAt: new Date() });
      }, manager.getRepository(RefreshTokenEntity));
    });
    if ('reusedFamily' in outcome) {
      // Reuse of a rotated or revoked token: whoever holds this family is not to be trusted.
      // Revoked outside the transaction above, which must not roll it back with the refusal.
      await this.dataSource.getRepository(RefreshTokenEntity).update({ familyId: outcome.reusedFamily }, { revokedAt: new Date() });
      throw this.invalidRefresh();
    }
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash: hashToken(refreshToken) } });
    if (stored) await this.dataSource.getRepository(RefreshTokenEntity).update({ familyId: stored.familyId }, { revokedAt: new Date() });
  }

  private invalidRefresh(): UnauthorizedException {
    return new UnauthorizedException({ message: 'Invalid refresh token; log in again', errors: [{ field: 'refreshToken', reason: 'invalid, expired or revoked' }] });
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    onStored?: (id: string) => Promise<void>,
    repository = this.dataSource.getRepository(RefreshTokenEntity),
  ): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const row = await repository.save(
      repository.create({ userId: user.id, familyId, tokenHash: hashToken(refreshToken), expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000), revokedAt: null, replacedBy: null }),
    );
    await onStored?.(row.id);
    const accessToken = await this.tokens.sign({ userId: user.id, role: user.role, agencyCode: user.agencyCode });
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: { id: user.id, displayName: user.displayName, role: user.role, agencyCode: user.agencyCode },
    };
  }
}
