import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseCommand, CaseKind, CaseStatus, ClockDeadline, ClockMilestone, ClockMilestoneKind, ClockName, ClockRecord, CommandInput, IsoDate } from '@donthu/domain';

/** Everything the workflow needs to run a case; no personal data (it would land in Temporal's history). */
export interface CaseWorkflowInput {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  agencyCode: string;
  /** Local date the case was received: starts the registration clocks. */
  receivedOn: IsoDate;
  /** Deadline facts that are properties of the case (vùng sâu vùng xa, several sites of verification). */
  remote: boolean;
  severalSites: boolean;
  /** Tố cáo nặc danh (Luật TC Art. 25(2)): checked, never accepted for resolution. */
  anonymous: boolean;
  /** Audit sequence numbers already used (1 = the registration event written by the api). */
  lastSequence: number;
  /** Registration clocks with their deadlines, computed by the api in the registration transaction. */
  clocks: Partial<Record<ClockName, ClockRecord>>;
  deadlines: Partial<Record<ClockName, ClockDeadline>>;
  /** When the input was made (epoch ms): workflow code reads no clock. */
  nowMs: number;
  /** Present when the workflow continues as new: the whole state carried over. */
  carried?: CaseWorkflowState;
  /** History length after which the workflow continues as new (default 2000; tests set it low). */
  historyLimit?: number;
  /**
   * True when the start already set the case's search attributes (the api does, from the same
   * caseSearchAttributes): the workflow then skips its own first upsert, one visibility write
   * less per registration. Absent in runs started before: those upsert, and replay unchanged.
   */
  searchAttributesAtStart?: boolean;
}

export type MilestoneKind = ClockMilestoneKind;
export type Milestone = ClockMilestone;

export type { ClockDeadline };

export interface CaseWorkflowState {
  caseId: string;
  caseCode: string;
  kind: CaseKind;
  agencyCode: string;
  receivedOn: IsoDate;
  remote: boolean;
  severalSites: boolean;
  anonymous: boolean;
  status: CaseStatus;
  previousStatus?: CaseStatus;
  /** While a transfer is pending: the agency asked to take the case. */
  transferTo?: string;
  lastSequence: number;
  clocks: Partial<Record<ClockName, ClockRecord>>;
  deadlines: Partial<Record<ClockName, ClockDeadline>>;
  /** Milestones already recorded, per clock (never recorded twice). */
  reached: Partial<Record<ClockName, MilestoneKind[]>>;
  /** Last known time (epoch ms) from an activity or a fired timer: workflow code reads no clock. */
  nowMs: number;
}

export interface CaseCommandRequest {
  command: CaseCommand;
  input: CommandInput;
}

export type CaseSnapshot = Omit<CaseWorkflowState, 'nowMs'>;

export const caseCommandUpdate = defineUpdate<CaseSnapshot, [CaseCommandRequest]>('command');
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('snapshot');
/** The official calendar changed: recompute every open clock (fire and forget). */
export const calendarChangedSignal = defineSignal<[{ calendarVersion: string }]>('calendarChanged');

/** Failure types the api maps to HTTP statuses. */
export const INVALID_TRANSITION = 'InvalidTransition';
export const INVALID_COMMAND = 'InvalidCommand';
export const FORBIDDEN_COMMAND = 'ForbiddenCommand';

/** The projection activity's input: the new state and what it takes to explain it. */
export interface ApplyTransitionInput {
  caseId: string;
  sequence: number;
  command: CaseCommand;
  eventType: string;
  citation: string;
  input: CommandInput;
  before: { status: CaseStatus; agencyCode: string };
  after: { status: CaseStatus; agencyCode: string };
  remote: boolean;
  severalSites: boolean;
  /** Every clock of the case after the transition; `changed` are the ones to (re)compute. */
  clocks: Partial<Record<ClockName, ClockRecord>>;
  changed: ClockName[];
}

export interface ApplyTransitionResult {
  deadlines: Partial<Record<ClockName, ClockDeadline>>;
  nowMs: number;
  /** Cases created by the command (a letter's contents), whose workflows this workflow starts. */
  children?: CaseWorkflowInput[];
}

export interface RecordMilestoneInput {
  caseId: string;
  sequence: number;
  clock: ClockName;
  milestone: MilestoneKind;
  agencyCode: string;
  due: IsoDate;
}

export interface RecomputeDeadlinesInput {
  caseId: string;
  sequence: number;
  calendarVersion: string;
  remote: boolean;
  severalSites: boolean;
  clocks: Partial<Record<ClockName, ClockRecord>>;
  previous: Partial<Record<ClockName, ClockDeadline>>;
}

/** Activities the case workflow calls (implemented by apps/worker, with DI and I/O). */
export interface CaseActivities {
  applyTransition(input: ApplyTransitionInput): Promise<ApplyTransitionResult>;
  recordMilestone(input: RecordMilestoneInput): Promise<{ nowMs: number }>;
  /** Returns the new deadlines and whether any due date changed (an audit event was written then). */
  recomputeDeadlines(input: RecomputeDeadlinesInput): Promise<ApplyTransitionResult & { changed: boolean }>;
}
