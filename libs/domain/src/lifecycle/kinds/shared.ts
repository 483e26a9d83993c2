import type { Role } from '../../access';
import type { CaseStatus } from '../../case';
import type { RuleId } from '../../rules';
import type { ClockName, ClockStartSpec, Lifecycle, LifecycleTransition } from '../lifecycle-types';

/** Who receives and routes (tiếp nhận, xử lý đơn). */
export const INTAKE: readonly Role[] = ['intake_officer', 'handling_officer', 'agency_head'];
/** Who handles a case once accepted. */
export const HANDLING: readonly Role[] = ['handling_officer', 'agency_head'];
/** Who decides (người có thẩm quyền giải quyết). */
export const HEAD: readonly Role[] = ['agency_head'];

export const LUAT_KN = 'Luật Khiếu nại 2011';
export const LUAT_TC = 'Luật Tố cáo 2018';
export const LUAT_TCD = 'Luật Tiếp công dân 2013';
export const TT_05 = 'Thông tư 05/2021/TT-TTCP';

/**
 * Transfer between agencies (chuyển đơn): the case keeps its identity and history; the receiving
 * agency must take it over or return it within `responseRule`, counted from the transfer. Taking
 * it over (or getting it back) restarts the registration clock from that day: for the competent
 * agency, that day is the receipt (legal-rules.md §1: the clock starts at receipt by the competent person).
 */
export function transferTransitions(options: {
  registrationClock: ClockStartSpec;
  responseRule: RuleId;
  citation: string;
}): LifecycleTransition[] {
  const restart: ClockStartSpec = { ...options.registrationClock, from: 'effective_date' };
  return [
    {
      command: 'transfer',
      from: ['received'],
      to: 'transfer_pending',
      event: 'case.transferred',
      citation: options.citation,
      roles: INTAKE,
      requires: ['targetAgency', 'reason'],
      clocks: {
        stop: [options.registrationClock.clock],
        start: [{ clock: 'transfer_response', rule: options.responseRule, from: 'effective_date' }],
      },
    },
    {
      command: 'accept_transfer',
      from: ['transfer_pending'],
      to: 'received',
      event: 'case.transfer_accepted',
      citation: options.citation,
      roles: INTAKE,
      movesToTargetAgency: true,
      clocks: { stop: ['transfer_response'], start: [restart] },
    },
    {
      command: 'return_transfer',
      from: ['transfer_pending'],
      to: 'received',
      event: 'case.transfer_returned',
      citation: options.citation,
      roles: INTAKE,
      requires: ['reason'],
      clocks: { stop: ['transfer_response'], start: [restart] },
    },
  ];
}

/** Giao xác minh: the head assigns (or reassigns) the handling officer. */
export function assignTransition(from: readonly CaseStatus[], citation: string): LifecycleTransition {
  return { command: 'assign', from, to: 'unchanged', event: 'case.assigned', citation, roles: HEAD, requires: ['assignee'] };
}

/** Tạm đình chỉ and tiếp tục: the clock pauses, then runs on (or restarts, per rule version). */
export function suspensionTransitions(options: {
  from: readonly CaseStatus[];
  clock: ClockName;
  citation: string;
  notice?: ClockStartSpec;
}): LifecycleTransition[] {
  return [
    {
      command: 'suspend',
      from: options.from,
      to: 'suspended',
      event: 'case.suspended',
      citation: options.citation,
      roles: HEAD,
      requires: ['reason', 'documentNumber'],
      clocks: { pause: [options.clock], ...(options.notice ? { start: [options.notice] } : {}) },
    },
    {
      command: 'resume',
      from: ['suspended'],
      to: 'previous',
      event: 'case.resumed',
      citation: options.citation,
      roles: HEAD,
      requires: ['documentNumber'],
      clocks: { resume: [options.clock] },
    },
  ];
}

/**
 * Theo dõi ưu tiên (legal-rules.md §4: large-group, complex, prolonged and land-acquisition cases
 * are flagged for priority monitoring; libs/domain/src/case/priority-flags.ts): while a case is
 * open, anyone who handles it may flag it, with a reason; only the head may clear a flag again.
 * The status does not change; the audit event records the flags before and after.
 */
export function withPriorityFlagging(lifecycle: Lifecycle): Lifecycle {
  const open = lifecycle.statuses.filter((status) => !lifecycle.terminal.includes(status));
  const citation = 'Theo dõi ưu tiên vụ việc đông người, phức tạp, kéo dài, đất đai (chính sách theo dõi); đông người: Luật Tiếp công dân 2013, Điều 29';
  return {
    ...lifecycle,
    transitions: [
      ...lifecycle.transitions,
      { command: 'flag_priority', from: open, to: 'unchanged', event: 'case.priority_flagged', citation, roles: INTAKE, requires: ['priorityFlag', 'reason'] },
      { command: 'unflag_priority', from: open, to: 'unchanged', event: 'case.priority_unflagged', citation, roles: HEAD, requires: ['priorityFlag', 'reason'] },
    ],
  };
}
