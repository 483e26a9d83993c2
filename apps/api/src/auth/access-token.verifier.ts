import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, type Role } from '@donthu/domain';
import { AUTH_CONFIG } from './auth.tokens';
import type { AuthConfig } from './auth-config';

/** Who a bearer token says the caller is. */
export interface TokenIdentity {
  userId: string;
  role: Role;
  agencyCode: string;
}

/**
 * Turns a bearer token into an identity. The guard depends only on this: a government SSO (OIDC)
 * plugs in as another implementation (verifying the provider's signed ID/access tokens against
 * its JWKS and mapping its subject to a user row) without touching any controller.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<TokenIdentity>;
}

interface LocalClaims {
  sub: string;
  role: string;
  agency: string;
}

/** Tokens this api issues itself after a local login (HS256, short-lived). */
@Injectable()
export class LocalJwtVerifier extends AccessTokenVerifier {
  private readonly jwt: JwtService;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    super();
    // The HMAC key as a KeyObject, made once. Given a string, jsonwebtoken first tries it as a
    // public key and falls back to a secret key on every call: ~3% of the api's CPU per request.
    const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    this.jwt = new JwtService({ secret: key, verifyOptions: { algorithms: ['HS256'] }, signOptions: { algorithm: 'HS256' } });
  }

  async verify(token: string): Promise<TokenIdentity> {
    try {
      const claims = await this.jwt.verifyAsync<LocalClaims>(token);
      if (!isRole(claims.role) || typeof claims.sub !== 'string' || typeof claims.agency !== 'string') throw new Error('bad claims');
      return { userId: claims.sub, role: claims.role, agencyCode: claims.agency };
    } catch {
      throw new UnauthorizedException({ message: 'Invalid or expired access token', errors: [{ field: 'Authorization', reason: 'invalid or expired bearer token' }] });
    }
  }

  sign(identity: TokenIdentity): Promise<string> {
    const claims: LocalClaims = { sub: identity.userId, role: identity.role, agency: identity.agencyCode };
    return this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
  }
}
