import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Reflector } from '@nestjs/core';
import { roleMay, type Permission } from '@donthu/domain';
import { PERMISSION_KEY, PUBLIC_KEY } from './access.decorators';
import { AccessTokenVerifier } from './access-token.verifier';
import type { RequestWithActor } from './actor';
import { AgencyDirectory } from './agency-directory.service';

/**
 * Every request passes here (global guard). An endpoint is either @Public() or declares the
 * permission it needs; one that declares neither is refused (and fails the permission matrix
 * test), so a forgotten declaration can never open an endpoint.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly agencies: AgencyDirectory,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets);
    if (!permission) throw new ForbiddenException({ message: 'This endpoint declares no permission', errors: [{ field: 'permission', reason: 'not declared' }] });

    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match) throw new UnauthorizedException({ message: 'Log in first', errors: [{ field: 'Authorization', reason: 'a bearer token is required' }] });
    const identity = await this.verifier.verify(match[1]!);
    const tree = await this.agencies.tree();
    const actor = { id: identity.userId, role: identity.role, agencyCode: identity.agencyCode, agencyScope: tree.scopeOf(identity.role, identity.agencyCode) };
    // Known before any refusal, so that refusals can be audited with who was refused.
    request.actor = actor;
    if (!roleMay(identity.role, permission)) {
      throw new ForbiddenException({ message: `Role ${identity.role} may not ${permission}`, errors: [{ field: 'role', reason: `${identity.role} lacks ${permission}` }] });
    }
    await this.assertCaseParamInScope(request.params?.code, actor.agencyScope);
    return true;
  }

  /**
   * A case named in the path must be in the actor's agencies (or be on its way to them, pending
   * transfer) before anything else looks at the request, body validation included: another
   * agency's officer learns nothing, not even that the case exists. Handlers check again, per use.
   */
  private async assertCaseParamInScope(code: unknown, scope: readonly string[]): Promise<void> {
    if (typeof code !== 'string') return;
    const rows: Array<{ agency_code: string; transfer_to: string | null }> = await this.dataSource.query('SELECT agency_code, transfer_to FROM cases WHERE code = $1', [code]);
    const row = rows[0];
    if (row && !scope.includes(row.agency_code) && !(row.transfer_to !== null && scope.includes(row.transfer_to))) {
      throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
    }
  }
}
