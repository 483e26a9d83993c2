import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { screenIntake, type IntakeFinding } from '@donthu/domain';
import { appendNextAuditEvent, findScreeningCandidates, saveCaseScreening, type StoredIntakeFinding } from '@donthu/persistence';
import { identityVaultFromEnv } from '@donthu/vault';
import { AgencyDirectory } from '../auth/agency-directory.service';
import type { Actor } from '../auth/actor';
import { identityStream } from '../cases/reveal-identity/identity-audit';
import type { RegisterCaseDto } from '../cases/register-case/register-case.dto';

/** Event of a linked case's identity stream: its denouncer was matched, and the match shown to someone. */
export const IDENTITY_MATCHED_AT_INTAKE = 'identity.matched_at_intake';

/** The fields of a registration that screening reads. */
export type IntakeScreeningInput = Pick<RegisterCaseDto, 'kind' | 'agencyCode' | 'channel' | 'receivedOn' | 'subject' | 'content' | 'respondentBody' | 'petitioner' | 'representatives' | 'parentCaseCode'>;

/**
 * Intake screening (issue #7 item 5): the earlier cases of the same people (by blind index of the
 * ID number or phone, libs/vault) with similar content, judged by the pure matcher
 * (libs/domain/src/intake-screening) against the agency tree.
 */
@Injectable()
export class IntakeScreeningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** The findings for a case about to be registered. Reads only; call it outside any transaction. */
  async screen(input: IntakeScreeningInput): Promise<IntakeFinding[]> {
    const vault = identityVaultFromEnv();
    const people = [input.petitioner, ...(input.representatives ?? [])].filter((p) => p !== undefined);
    const indexes = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];
    const earlier = await findScreeningCandidates(
      this.dataSource.manager,
      { idNumberIndexes: indexes(people.map((p) => vault.idNumberIndex(p.idNumber))), phoneIndexes: indexes(people.map((p) => vault.phoneIndex(p.phone))) },
      { subject: input.subject, content: input.content },
    );
    const subject = { kind: input.kind, agencyCode: input.agencyCode, receivedOn: input.receivedOn, channel: input.channel, parentCaseCode: input.parentCaseCode ?? null, respondentBody: input.respondentBody ?? null };
    return screenIntake(subject, earlier, await this.agencies.tree());
  }

  /**
   * Before findings are shown: each linked case whose person in common is its denouncer gets an
   * event on its identity stream (who was shown the match, from where, in which context), as a
   * reveal does (Luật Tố cáo 2018, Art. 47–48: whoever learns that a person denounced must be on
   * record). Inside the caller's transaction; facts only, never the identity.
   */
  async auditDenouncerMatches(manager: EntityManager, findings: readonly IntakeFinding[], actor: Actor, context: { registeredCaseCode: string } | { screening: true }): Promise<void> {
    const codes = [...new Set(findings.flatMap((f) => f.links.filter((l) => l.denouncer).map((l) => l.code)))].sort();
    if (codes.length === 0) return;
    const rows: Array<{ id: string; code: string }> = await manager.query('SELECT id, code FROM cases WHERE code = ANY($1::text[]) ORDER BY code', [codes]);
    for (const row of rows) {
      await appendNextAuditEvent(manager, {
        ...identityStream(row.id),
        type: IDENTITY_MATCHED_AT_INTAKE,
        actor: actor.id,
        payload: {
          outcome: 'matched',
          role: actor.role,
          agencyCode: actor.agencyCode,
          ...('registeredCaseCode' in context ? { registeredCaseCode: context.registeredCaseCode } : { context: 'screening' }),
          findings: findings.filter((f) => f.links.some((l) => l.code === row.code)).map((f) => f.reason),
        },
      });
    }
  }

  /** At registration, in its transaction: what was found is stored with the case (and returned as stored), and any denouncer match audited. */
  async record(manager: EntityManager, caseId: string, caseCode: string, findings: readonly IntakeFinding[], actor: Actor): Promise<StoredIntakeFinding[]> {
    const stored = await saveCaseScreening(manager, caseId, findings);
    await this.auditDenouncerMatches(manager, findings, actor, { registeredCaseCode: caseCode });
    return stored;
  }
}
