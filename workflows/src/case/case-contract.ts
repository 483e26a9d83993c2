import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseKind, CaseStatus, CaseCommand } from '@donthu/domain';

/** Everything the workflow needs to run a case; no personal data (it would land in Temporal's history). */
export interface CaseWorkflowInput {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  agencyCode: string;
  status: CaseStatus;
  /** Audit sequence numbers already used (1 = the registration event written by the api). */
  lastSequence: number;
}

export interface CaseSnapshot {
  caseCode: string;
  kind: CaseKind;
  status: CaseStatus;
  lastSequence: number;
}

export interface CommandMeta {
  /** Who asks: a user id or a system actor, never a name. */
  actor: string;
  note?: string;
}

export type AcceptCaseInput = CommandMeta;

export const acceptCaseUpdate = defineUpdate<CaseSnapshot, [AcceptCaseInput]>('accept');
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('snapshot');

/** Failure types the api maps to HTTP statuses. */
export const INVALID_TRANSITION = 'InvalidTransition';
export const INVALID_COMMAND = 'InvalidCommand';

/** What the projection activity writes: the new state and its audit event, in one transaction. */
export interface RecordTransitionInput {
  caseId: string;
  sequence: number;
  command: CaseCommand;
  eventType: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  actor: string;
  citation: string;
  note?: string;
}

/** Activities the case workflow calls (implemented by apps/worker, with DI and I/O). */
export interface CaseActivities {
  recordTransition(input: RecordTransitionInput): Promise<void>;
}
