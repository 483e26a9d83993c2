import type { CaseKind } from './case-kind';

/**
 * Lifecycle states. Each kind has its own table of allowed transitions (state machines as data,
 * in the manner of Signalen's ALLOWED_STATUS_CHANGES); the workflow validates every command
 * against the table before anything is written.
 */
export const CASE_STATUSES = [
  'received', // đã tiếp nhận
  'accepted', // đã thụ lý
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
};

export const CASE_COMMANDS = [
  'accept', // thụ lý
] as const;

export type CaseCommand = (typeof CASE_COMMANDS)[number];

export interface Transition {
  readonly command: CaseCommand;
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  /** Audit event type written when the transition happens (past tense: what happened). */
  readonly event: string;
  /** Article that gives the command its legal footing. */
  readonly citation: string;
}

/** Audit event type of the registration itself (sequence 1 of every case's chain). */
export const CASE_REGISTERED_EVENT = 'case.registered';

export type StateMachine = readonly Transition[];

export const STATE_MACHINES: Record<CaseKind, StateMachine> = {
  complaint: [{ command: 'accept', from: ['received'], to: 'accepted', event: 'case.accepted', citation: 'Luật Khiếu nại 2011, Điều 27' }],
  denunciation: [{ command: 'accept', from: ['received'], to: 'accepted', event: 'case.accepted', citation: 'Luật Tố cáo 2018, Điều 29' }],
  recommendation: [{ command: 'accept', from: ['received'], to: 'accepted', event: 'case.accepted', citation: 'Nghị định 20/2008/NĐ-CP' }],
};

export type TransitionCheck =
  | { allowed: true; transition: Transition }
  | { allowed: false; reason: string };

/** Is `command` allowed for a case of `kind` in `status`? Pure; used by the workflow's update validators. */
export function checkTransition(kind: CaseKind, status: CaseStatus, command: CaseCommand): TransitionCheck {
  const transition = STATE_MACHINES[kind].find((t) => t.command === command);
  if (!transition) {
    return { allowed: false, reason: `command "${command}" does not exist for a ${kind} case` };
  }
  if (!transition.from.includes(status)) {
    return {
      allowed: false,
      reason: `command "${command}" is not allowed in status "${status}" (allowed from: ${transition.from.join(', ')})`,
    };
  }
  return { allowed: true, transition };
}
