import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DataSource, EntityManager } from 'typeorm';
import { CASE_REGISTERED_EVENT, caseWorkflowId } from '@donthu/domain';
import { allocateCaseCode, appendAuditEvent, caseStream, CaseEntity, CasePartyEntity, IdempotencyKeyEntity } from '@donthu/persistence';
import { todayInVietnam } from '../../common/local-date';
import { CaseWorkflowStarter } from '../workflow-starter/case-workflow-starter.service';
import type { RegisterCaseDto } from './register-case.dto';

export interface RegisterCaseResult {
  entity: CaseEntity;
  /** false when an earlier request with the same Idempotency-Key already registered it. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Tiếp nhận (intake): one transaction writes the case, its parties, its first audit event and
 * the idempotency key; then the case workflow is started (or left to the reconciler).
 */
@Injectable()
export class RegisterCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly starter: CaseWorkflowStarter,
  ) {}

  async register(dto: RegisterCaseDto, actor: string, idempotencyKey?: string): Promise<RegisterCaseResult> {
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
        lastSequence: 1,
        workflowId: caseWorkflowId(code),
        workflowStartedAt: null,
      }),
    );
    const { complainant } = dto;
    await manager.save(
      manager.create(CasePartyEntity, {
        caseId: entity.id,
        role: 'complainant',
        fullName: complainant.fullName,
        address: complainant.address ?? null,
        phone: complainant.phone ?? null,
        email: complainant.email ?? null,
        idNumber: complainant.idNumber ?? null,
      }),
    );
    await appendAuditEvent(manager, {
      ...caseStream(entity.id),
      sequence: 1,
      type: CASE_REGISTERED_EVENT,
      actor,
      // Facts only; the complainant's identity stays in case_parties.
      payload: { kind: dto.kind, agencyCode: dto.agencyCode, channel: dto.channel, receivedOn: dto.receivedOn, status: 'received' },
    });
    if (idempotencyKey) {
      await manager.insert(IdempotencyKeyEntity, { key: idempotencyKey, requestHash, caseId: entity.id });
    }
    return entity;
  }
}
