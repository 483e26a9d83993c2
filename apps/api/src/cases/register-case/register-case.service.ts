import { BadRequestException, ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DataSource, EntityManager } from 'typeorm';
import { identityVaultFromEnv } from '@donthu/vault';
import { linkRefusal, validateGroupRepresentatives, type IntakeFinding, type OfficialCalendar } from '@donthu/domain';
import { CalendarStore, CaseEntity, CasePartyEntity, CaseTrackingEntity, createCase, IdempotencyKeyEntity, loadCaseClocks, loadCaseScreening, type CaseClockState, type NewParty, type StoredIntakeFinding } from '@donthu/persistence';
import type { Actor } from '../../auth/actor';
import { badRequestFrom } from '../../common/domain-errors';
import { todayInVietnam } from '../../common/local-date';
import { generateTrackingSecret, trackingSecretTag } from '../../tracking/tracking-secret';
import { IntakeScreeningService } from '../../intake-screening/intake-screening.service';
import { CaseWorkflowStarter } from '../workflow-starter/case-workflow-starter.service';
import type { PartyDto, RegisterCaseDto } from './register-case.dto';

export interface RegisterCaseResult {
  entity: CaseEntity;
  /** false when an earlier request with the same Idempotency-Key already registered it. */
  created: boolean;
  /**
   * The receipt's tracking secret, only when this request created the case (null on a replay:
   * only its hash is stored, and a replay must not mint a second one). Never logged or audited.
   */
  trackingSecret: string | null;
  /** What intake screening found, as stored with the case (a replay: as the first request stored it; null: not screened). */
  screening: StoredIntakeFinding[] | null;
}

const UNIQUE_VIOLATION = '23505';


function partyOf(p: PartyDto): NewParty {
  return { fullName: p.fullName, address: p.address ?? null, phone: p.phone ?? null, email: p.email ?? null, idNumber: p.idNumber ?? null };
}

function fieldError(field: string, reason: string): BadRequestException {
  return new BadRequestException({ message: 'Request validation failed', errors: [{ field, reason }] });
}

/**
 * Tiếp nhận (intake): one transaction writes the case, its party, its registration clocks (with
 * their explanations), the first audit event and the idempotency key; then the case workflow is
 * started (or left to the reconciler).
 */
@Injectable()
export class RegisterCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly starter: CaseWorkflowStarter,
    private readonly calendars: CalendarStore,
    private readonly screening: IntakeScreeningService,
  ) {}

  async register(dto: RegisterCaseDto, actor: Actor, idempotencyKey?: string): Promise<RegisterCaseResult> {
    // Intake registers for the officer's own agency (a letter for another agency is transferred after).
    if (!actor.agencyScope.includes(dto.agencyCode)) {
      throw new ForbiddenException({ message: `You may not register cases for ${dto.agencyCode}`, errors: [{ field: 'agencyCode', reason: 'not an agency you work for' }] });
    }
    if (dto.anonymous && dto.kind !== 'denunciation') throw fieldError('anonymous', 'only a denunciation can be anonymous (Luật Tố cáo 2018, Điều 25)');
    if (dto.anonymous && dto.petitioner) throw fieldError('petitioner', 'must be absent for an anonymous denunciation');
    if (dto.groupSize !== undefined || dto.representatives !== undefined) {
      const errors = validateGroupRepresentatives(dto.groupSize ?? 1, dto.representatives?.length ?? 0);
      if (errors.length > 0) throw badRequestFrom(errors);
    }
    const requestHash = createHash('sha256').update(canonicalize(dto) ?? '').digest('hex');
    if (idempotencyKey) {
      const replay = await this.findReplay(idempotencyKey, requestHash);
      if (replay) return replay;
    }
    // The citizen's tracking secret: stored only as its keyed tag (tracking-secret.ts).
    const trackingSecret = generateTrackingSecret();
    const trackingHash = trackingSecretTag(identityVaultFromEnv(), trackingSecret);
    let entity: CaseEntity;
    let clockState: CaseClockState;
    let screening: StoredIntakeFinding[];
    try {
      // Read before the transaction: inside it, every query must use the transaction's own connection.
      const calendar = await this.calendars.current();
      const parent = await this.checkLink(dto, calendar);
      // Intake screening (duplicates, repeats, vượt cấp): stored with the case, as the officer was shown it.
      const findings = await this.screening.screen(dto);
      ({ entity, clockState, screening } = await this.dataSource.transaction(async (manager) => {
        const created = await this.insert(manager, dto, actor.id, idempotencyKey, requestHash, calendar, trackingHash, parent, findings);
        return { ...created, screening: await this.screening.record(manager, created.entity.id, created.entity.code, findings, actor) };
      }));
    } catch (error) {
      // Two requests with the same key raced: the loser returns what the winner stored.
      if (idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        const replay = await this.findReplay(idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    await this.starter.start(entity, clockState);
    return { entity, created: true, trackingSecret, screening };
  }

  /** A second-level complaint or a denunciation review must follow the right earlier case, in time. */
  private async checkLink(dto: RegisterCaseDto, calendar: OfficialCalendar): Promise<CaseEntity | null> {
    const parent = dto.parentCaseCode ? await this.dataSource.getRepository(CaseEntity).findOne({ where: { code: dto.parentCaseCode } }) : null;
    if (dto.parentCaseCode && !parent) throw fieldError('parentCaseCode', 'no case with this code');
    const linked = parent ? { ...parent, ...(await loadCaseClocks(this.dataSource.manager, parent.id)) } : undefined;
    const refusal = linkRefusal(dto.kind, linked, dto.receivedOn, calendar) ?? (parent && dto.kind === 'complaint_second_level' ? await this.samePetitionerRefusal(parent.id, dto) : undefined);
    if (!refusal) return parent;
    const error = { message: refusal.reason, errors: [{ field: refusal.field, reason: refusal.reason }] };
    throw refusal.field !== 'parentCaseCode' ? new UnprocessableEntityException(error) : new BadRequestException({ ...error, message: 'Request validation failed' });
  }

  /**
   * A second-level complaint is lodged by the first-level complainant (Luật KN Art. 33): compared
   * by the keyed blind indexes of the ID number, else of the phone, never by plain values. With
   * neither on both sides the link stands on the officer's word.
   */
  private async samePetitionerRefusal(parentId: string, dto: RegisterCaseDto): Promise<{ field: 'petitioner'; reason: string } | undefined> {
    const first = await this.dataSource.getRepository(CasePartyEntity).findOne({ where: { caseId: parentId, role: 'complainant' } });
    const vault = identityVaultFromEnv();
    const id = vault.idNumberIndex(dto.petitioner?.idNumber);
    const phone = vault.phoneIndex(dto.petitioner?.phone);
    const differs = id && first?.idNumberIndex ? id !== first.idNumberIndex : phone && first?.phoneIndex ? phone !== first.phoneIndex : false;
    return differs ? { field: 'petitioner', reason: 'must be the complainant of the first-level case (Luật Khiếu nại 2011, Điều 33)' } : undefined;
  }

  private async findReplay(key: string, requestHash: string): Promise<RegisterCaseResult | undefined> {
    const stored = await this.dataSource.getRepository(IdempotencyKeyEntity).findOne({ where: { key } });
    if (!stored) return undefined;
    if (stored.requestHash !== requestHash) {
      throw new UnprocessableEntityException({
        message: 'Idempotency-Key was already used with a different request body',
        errors: [{ field: 'Idempotency-Key', reason: 'already used with a different request body' }],
      });
    }
    const entity = await this.dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id: stored.caseId } });
    if (entity.workflowStartedAt === null) await this.starter.start(entity);
    return { entity, created: false, trackingSecret: null, screening: await loadCaseScreening(this.dataSource.manager, entity.id) };
  }

  private async insert(
    manager: EntityManager,
    dto: RegisterCaseDto,
    actor: string,
    idempotencyKey: string | undefined,
    requestHash: string,
    calendar: OfficialCalendar,
    trackingHash: string,
    // Found (and checked) by checkLink before the transaction: only its id and code are used.
    parent: CaseEntity | null,
    findings: readonly IntakeFinding[],
  ): Promise<{ entity: CaseEntity; clockState: CaseClockState }> {
    const p = dto.petitioner;
    const { entity, clockState } = await createCase(
      manager,
      {
        kind: dto.kind,
        agencyCode: dto.agencyCode,
        channel: dto.channel,
        receivedOn: dto.receivedOn,
        subject: dto.subject,
        content: dto.content,
        respondentBody: dto.respondentBody ?? null,
        remote: dto.remote ?? false,
        severalSites: dto.severalSites ?? false,
        anonymous: dto.anonymous ?? false,
        groupSize: dto.groupSize ?? 1,
        priorityFlags: dto.priorityFlags ?? [],
        parentCaseId: parent?.id ?? null,
        codeYear: Number(todayInVietnam().slice(0, 4)),
        party: p ? partyOf(p) : null,
        representatives: (dto.representatives ?? []).map(partyOf),
        actor,
        // Facts only; the petitioner's identity stays in case_parties.
        auditFacts: { ...(parent ? { parentCaseCode: parent.code } : {}), screening: findings.map((f) => ({ type: f.type, reason: f.reason, links: f.links.map((l) => l.code) })) },
        workflowStartedAt: null,
      },
      calendar,
      Date.now(),
    );
    if (idempotencyKey) {
      await manager.insert(IdempotencyKeyEntity, { key: idempotencyKey, requestHash, caseId: entity.id });
    }
    await manager.insert(CaseTrackingEntity, { caseId: entity.id, secretHash: trackingHash });
    return { entity, clockState };
  }
}
