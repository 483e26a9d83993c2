import type { EntityManager } from 'typeorm';
import { applyClockEffects, CASE_REGISTERED_EVENT, caseWorkflowId, intakePriorityFlags, lifecycleOf, type CaseKind, type ClockName, type OfficialCalendar } from '@donthu/domain';
import { appendAuditEvent, caseStream } from '../audit';
import { CaseEntity, CasePartyEntity, type CasePartyRole } from '../entities';
import { enqueueNationalExport } from '../national-export/export-outbox';
import { sealParty } from '../vault';
import { allocateCaseCode } from './case-code-allocator';
import { clockStateOf, type CaseClockState } from './case-clock-rows';
import { clockAuditFacts, computeClocks, nextDueOn, saveClocks } from './clock-projection';

export interface NewCase {
  kind: CaseKind;
  agencyCode: string;
  channel: string;
  receivedOn: string;
  subject: string;
  content: string;
  respondentBody: string | null;
  remote: boolean;
  severalSites: boolean;
  anonymous: boolean;
  groupSize: number;
  /** Priority flags set at intake (complex, prolonged, land); large_group is added from groupSize. */
  priorityFlags?: readonly string[];
  parentCaseId: string | null;
  /** Year of the case code (the registration year, Asia/Ho_Chi_Minh). */
  codeYear: number;
  party: NewParty | null;
  /** Representatives a group chose (người đại diện). */
  representatives: NewParty[];
  actor: string;
  /** Extra facts for the registration audit event (never personal data). */
  auditFacts: Record<string, unknown>;
  /** Set when whoever creates the case also starts its workflow at once (a letter's workflow starts its contents). */
  workflowStartedAt: Date | null;
}

/** A person's identity as received: createCase seals it (libs/persistence/src/vault) before writing. */
export interface NewParty {
  fullName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
}

const PARTY_ROLE: Partial<Record<CaseKind, CasePartyRole>> = {
  complaint: 'complainant',
  complaint_second_level: 'complainant',
  disciplinary_complaint: 'complainant',
  denunciation: 'denouncer',
  denunciation_review: 'denouncer',
};

/**
 * Registers a case inside the caller's transaction: code, row, party, registration clocks with
 * their explanations, and audit event 1. Used by intake (api) and by a letter's classification
 * (worker), so that every case is born the same way.
 */
export async function createCase(manager: EntityManager, c: NewCase, calendar: OfficialCalendar, nowMs: number): Promise<{ entity: CaseEntity; clockState: CaseClockState }> {
  const facts = { remote: c.remote, severalSites: c.severalSites };
  const { clocks } = applyClockEffects({}, lifecycleOf(c.kind).onRegister, { receivedOn: c.receivedOn, effectiveDate: c.receivedOn });
  const computed = computeClocks(clocks, Object.keys(clocks) as ClockName[], facts, calendar);
  const priorityFlags = intakePriorityFlags({ groupSize: c.groupSize, flags: c.priorityFlags });
  const code = await allocateCaseCode(manager, c.agencyCode, c.codeYear);
  const entity = await manager.save(
    manager.create(CaseEntity, {
      code,
      kind: c.kind,
      status: 'received',
      agencyCode: c.agencyCode,
      channel: c.channel,
      receivedOn: c.receivedOn,
      subject: c.subject,
      content: c.content,
      respondentBody: c.respondentBody,
      ...facts,
      anonymous: c.anonymous,
      groupSize: c.groupSize,
      priorityFlags,
      parentCaseId: c.parentCaseId,
      assignee: null,
      nextDueOn: nextDueOn(clocks, Object.fromEntries(computed.map((x) => [x.record.name, x.deadline]))),
      overdue: false,
      lastSequence: 1,
      workflowId: caseWorkflowId(code),
      workflowStartedAt: c.workflowStartedAt,
    }),
  );
  // Identities are sealed by the vault before they reach the database (never in plain text).
  if (c.party) {
    await manager.insert(CasePartyEntity, sealParty({ caseId: entity.id, role: PARTY_ROLE[c.kind] ?? 'petitioner', identity: c.party }));
  }
  for (const representative of c.representatives) {
    await manager.insert(CasePartyEntity, sealParty({ caseId: entity.id, role: 'representative', identity: representative }));
  }
  const clockRows = await saveClocks(manager, entity.id, computed, calendar, nowMs);
  const registered = await appendAuditEvent(manager, {
    ...caseStream(entity.id),
    sequence: 1,
    type: CASE_REGISTERED_EVENT,
    actor: c.actor,
    payload: { kind: c.kind, agencyCode: c.agencyCode, channel: c.channel, receivedOn: c.receivedOn, status: 'received', anonymous: c.anonymous, groupSize: c.groupSize, representatives: c.representatives.length, priorityFlags, ...facts, ...c.auditFacts, clocks: clockAuditFacts(computed) },
  });
  // The national database's record of the registration (docs/national-export.md), in the same transaction.
  await enqueueNationalExport(manager, entity.id, registered);
  // The workflow's input is made from what was just written: no read back.
  return { entity, clockState: clockStateOf(clockRows) };
}
