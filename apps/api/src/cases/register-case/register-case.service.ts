import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DataSource, EntityManager } from 'typeorm';
import { applyClockEffects, CASE_REGISTERED_EVENT, caseWorkflowId, lifecycleOf, type ClockName } from '@donthu/domain';
import {
  allocateCaseCode,
  appendAuditEvent,
  CalendarStore,
  CaseEntity,
  CasePartyEntity,
  caseStream,
  clockAuditFacts,
  computeClocks,
  IdempotencyKeyEntity,
  nextDueOn,
  saveClocks,
  type CasePartyRole,
} from '@donthu/persistence';
import { todayInVietnam } from '../../common/local-date';
import { CaseWorkflowStarter } from '../workflow-starter/case-workflow-starter.service';
import type { RegisterCaseDto } from './register-case.dto';

export interface RegisterCaseResult {
  entity: CaseEntity;
  /** false when an earlier request with the same Idempotency-Key already registered it. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

const PARTY_ROLE: Partial<Record<RegisterCaseDto['kind'], CasePartyRole>> = {
  complaint: 'complainant',
  complaint_second_level: 'complainant',
  disciplinary_complaint: 'complainant',
  denunciation: 'denouncer',
  denunciation_review: 'denouncer',
};

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
  ) {}

  async register(dto: RegisterCaseDto, actor: string, idempotencyKey?: string): Promise<RegisterCaseResult> {
    if (dto.anonymous && dto.kind !== 'denunciation') throw fieldError('anonymous', 'only a denunciation can be anonymous (Luật Tố cáo 2018, Điều 25)');
    if (dto.anonymous && dto.petitioner) throw fieldError('petitioner', 'must be absent for an anonymous denunciation');
    const requestHash = createHash('sha256').update(canonicalize(dto) ?? '').digest('hex');
    if (idempotencyKey) {
      const replay = await this.findReplay(idempotencyKey, requestHash);
      if (replay) return replay;
    }
    let entity: CaseEntity;
    try {
      entity = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor, idempotencyKey, requestHash));
    } catch (error) {
      // Two requests with the same key raced: the loser returns what the winner stored.
      if (idempotencyKey && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        const replay = await this.findReplay(idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw error;
    }
    await this.starter.start(entity);
    return { entity, created: true };
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
    return { entity, created: false };
  }

  private async insert(manager: EntityManager, dto: RegisterCaseDto, actor: string, idempotencyKey: string | undefined, requestHash: string): Promise<CaseEntity> {
    const parent = dto.parentCaseCode ? await manager.findOne(CaseEntity, { where: { code: dto.parentCaseCode } }) : null;
    if (dto.parentCaseCode && !parent) throw fieldError('parentCaseCode', 'no case with this code');

    const facts = { remote: dto.remote ?? false, severalSites: dto.severalSites ?? false };
    const calendar = await this.calendars.current();
    const { clocks } = applyClockEffects({}, lifecycleOf(dto.kind).onRegister, { receivedOn: dto.receivedOn, effectiveDate: dto.receivedOn });
    const computed = computeClocks(clocks, Object.keys(clocks) as ClockName[], facts, calendar);

    const year = Number(todayInVietnam().slice(0, 4));
    const code = await allocateCaseCode(manager, dto.agencyCode, year);
    const entity = await manager.save(
      manager.create(CaseEntity, {
        code,
        kind: dto.kind,
        status: 'received',
        agencyCode: dto.agencyCode,
        channel: dto.channel,
        receivedOn: dto.receivedOn,
        subject: dto.subject,
        content: dto.content,
        respondentBody: dto.respondentBody ?? null,
        remote: facts.remote,
        severalSites: facts.severalSites,
        parentCaseId: parent?.id ?? null,
        assignee: null,
        nextDueOn: nextDueOn(clocks, Object.fromEntries(computed.map((c) => [c.record.name, c.deadline]))),
        overdue: false,
        lastSequence: 1,
        workflowId: caseWorkflowId(code),
        workflowStartedAt: null,
      }),
    );
    if (dto.petitioner) {
      const p = dto.petitioner;
      await manager.save(
        manager.create(CasePartyEntity, {
          caseId: entity.id,
          role: PARTY_ROLE[dto.kind] ?? 'petitioner',
          fullName: p.fullName,
          address: p.address ?? null,
          phone: p.phone ?? null,
          email: p.email ?? null,
          idNumber: p.idNumber ?? null,
        }),
      );
    }
    await saveClocks(manager, entity.id, computed, calendar, Date.now());
    await appendAuditEvent(manager, {
      ...caseStream(entity.id),
      sequence: 1,
      type: CASE_REGISTERED_EVENT,
      actor,
      // Facts only; the petitioner's identity stays in case_parties.
      payload: {
        kind: dto.kind,
        agencyCode: dto.agencyCode,
        channel: dto.channel,
        receivedOn: dto.receivedOn,
        status: 'received',
        anonymous: dto.anonymous ?? false,
        ...facts,
        ...(parent ? { parentCaseCode: parent.code } : {}),
        clocks: clockAuditFacts(computed),
      },
    });
    if (idempotencyKey) {
      await manager.insert(IdempotencyKeyEntity, { key: idempotencyKey, requestHash, caseId: entity.id });
    }
    return entity;
  }
}
