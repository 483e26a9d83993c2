import { Body, Controller, ForbiddenException, Header, HttpCode, HttpStatus, Logger, NotFoundException, Post, UseFilters } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { appendNextAuditEvent, CaseEntity, CasePartyEntity, openParty } from '@donthu/persistence';
import { identityVaultFromEnv } from '@donthu/vault';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { assertCaseInScope } from '../../auth/case-scope';
import { ApiErrorBody } from '../../common/api-error';
import { CaseCodeParam } from '../get-case/case-code.param';
import { auditRefusal, IDENTITY_REVEALED, identityStream, markRecorded, RevealRefusalAuditFilter, type RevealRefusal } from './identity-audit';
import { RevealedIdentitiesView, RevealIdentityDto } from './reveal-identity.dto';

/**
 * Xem danh tính người tố cáo / khiếu nại: the one place a party's identity leaves the vault
 * (Luật Tố cáo 2018, Art. 47–48: the denouncer's identity is kept secret). Only the officer
 * handling the case or the head of the case's agency may see it, with a reason; each reveal and
 * each refused attempt is an event of the case's `identity` audit stream (who, role, reason,
 * which pseudonyms), never the revealed data. Answers are never cached.
 */
@ApiTags('cases')
@Controller('api/v1/cases')
@UseFilters(RevealRefusalAuditFilter)
export class RevealIdentityController {
  private readonly logger = new Logger(RevealIdentityController.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    // Loaded when the api starts: without VAULT_* keys in production it refuses to start.
    identityVaultFromEnv({ warn: (message) => this.logger.warn(message) });
  }

  @Post(':code/parties/reveal')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('reveal_identity')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Xem danh tính các bên / reveal the identities of a case’s parties (audited)',
    description: 'Only the handling officer (assignee) or the head of the case’s agency; the reason and the attempt are recorded, refused or not.',
  })
  @ApiOkResponse({ type: RevealedIdentitiesView })
  @ApiForbiddenResponse({ type: ApiErrorBody, description: 'Neither the case’s handling officer nor the head of its agency (the attempt is audited)' })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async reveal(@CaseCodeParam() code: string, @Body() dto: RevealIdentityDto, @CurrentActor() actor: Actor): Promise<RevealedIdentitiesView> {
    const entity = await this.dataSource.getRepository(CaseEntity).findOne({ where: { code } });
    if (!entity) throw new NotFoundException({ message: `Case ${code} not found`, errors: [{ field: 'code', reason: 'no case with this code' }] });
    try {
      // The access guard has checked this already (and the filter recorded its refusal); checked again per use.
      assertCaseInScope(actor, entity.agencyCode, code);
    } catch (error) {
      await this.refuse(entity, actor, dto.reason, 'out_of_scope');
      throw markRecorded(error as Error);
    }
    const handles = entity.assignee !== null && entity.assignee === actor.id;
    const heads = actor.role === 'agency_head' && actor.agencyCode === entity.agencyCode;
    if (!handles && !heads) {
      await this.refuse(entity, actor, dto.reason, 'not_handler');
      throw markRecorded(
        new ForbiddenException({
          message: 'Only the officer handling the case or the head of its agency may reveal identities',
          errors: [{ field: 'actor', reason: 'neither the case’s handling officer nor the head of its agency' }],
        }),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.find(CasePartyEntity, { where: { caseId: entity.id }, order: { role: 'ASC', pseudonym: 'ASC' } });
      // Opened before the event is written, the event written before anything is returned: a
      // reveal that is not recorded does not happen.
      const parties = rows.map((row) => ({ pseudonym: row.pseudonym, role: row.role, ...openParty(row) }));
      const event = await appendNextAuditEvent(manager, {
        ...identityStream(entity.id),
        type: IDENTITY_REVEALED,
        actor: actor.id,
        payload: {
          outcome: 'revealed',
          role: actor.role,
          agencyCode: actor.agencyCode,
          basis: handles ? 'handling_officer' : 'agency_head',
          reason: dto.reason,
          parties: rows.map((row) => row.pseudonym),
        },
      });
      return { code: entity.code, parties, auditSequence: event.sequence };
    });
  }

  private refuse(entity: CaseEntity, actor: Actor, reason: string, refusal: RevealRefusal): Promise<void> {
    return auditRefusal(this.dataSource, entity.id, { actor: actor.id, role: actor.role, agencyCode: actor.agencyCode, reason, refusal });
  }
}
