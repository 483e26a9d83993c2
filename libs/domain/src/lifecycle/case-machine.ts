import type { Role } from '../access';
import { isCaseKind, isSettablePriorityFlag, SETTABLE_PRIORITY_FLAGS, type CaseCommand, type CaseKind, type CaseStatus } from '../case';
import { parseLocalDate, type IsoDate } from '../calendar';
import { findLegalGround, LEGAL_GROUND_LISTS } from '../competence/legal-grounds';
import { ruleVersionAt, type RuleId } from '../rules';
import { LIFECYCLES } from './kinds';
import type { ClockEffects, ClockName, ClockOwner, CommandField, Lifecycle, LifecycleTransition, TransitionGuard } from './lifecycle-types';

/** A clock as the workflow keeps it; due dates and milestones come from the deadline activity. */
export interface ClockRecord {
  readonly name: ClockName;
  readonly rule: RuleId;
  readonly owner: ClockOwner;
  readonly status: 'running' | 'paused' | 'stopped';
  /** Date of the event that started it (the day itself is not counted). */
  readonly startDate: IsoDate;
  readonly complex: boolean;
  readonly extensions: number;
  /** Suspension intervals; the last one has no `to` while the clock is paused. */
  readonly suspensions: ReadonlyArray<{ readonly from: IsoDate; readonly to?: IsoDate }>;
}

export interface CaseMachineState {
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  /** Where `resume` / `return` goes back to. */
  readonly previousStatus?: CaseStatus;
  readonly clocks: Readonly<Partial<Record<ClockName, ClockRecord>>>;
  /** Facts of the case that guards read. */
  readonly facts?: { readonly anonymous?: boolean };
}

/** What a person sends with a command (validated at the api edge, re-checked here). */
export interface CommandInput {
  readonly actor: string;
  readonly role: Role;
  /** The actor's own agency (recorded in the audit event: who, in which role, from which agency). */
  readonly actorAgency?: string;
  /** Date of the act (quyết định, thông báo…); defaults to today, may be earlier for acts entered late. */
  readonly effectiveDate?: IsoDate;
  readonly note?: string;
  readonly reason?: string;
  readonly legalGround?: string;
  readonly targetAgency?: string;
  readonly assignee?: string;
  readonly dialogueDate?: IsoDate;
  readonly documentNumber?: string;
  readonly contents?: readonly CaseKind[];
  /** flag_priority / unflag_priority: one of SETTABLE_PRIORITY_FLAGS. */
  readonly priorityFlag?: string;
}

export type CommandRefusal = {
  readonly allowed: false;
  readonly code: 'unknown_command' | 'invalid_transition' | 'forbidden_role' | 'missing_field' | 'invalid_field' | 'guard_failed';
  readonly field?: string;
  readonly reason: string;
};
export type CommandCheck = { readonly allowed: true; readonly transition: LifecycleTransition } | CommandRefusal;

export function lifecycleOf(kind: CaseKind): Lifecycle {
  return LIFECYCLES[kind];
}

export function isTerminal(kind: CaseKind, status: CaseStatus): boolean {
  return LIFECYCLES[kind].terminal.includes(status);
}

/** Commands the case can take now (for the console's "allowed actions"), ignoring input fields. */
export function availableCommands(state: CaseMachineState, role?: Role): CaseCommand[] {
  return LIFECYCLES[state.kind].transitions
    .filter((t) => t.from.includes(state.status) && (role === undefined || t.roles.includes(role)) && guardsHold(state, t.guards ?? []) === undefined)
    .map((t) => t.command);
}

/**
 * May this command run on this case now, with this input? Pure: the workflow's Update validators
 * call it before anything is written, and the handler calls it again once it holds the case.
 */
export function checkCommand(state: CaseMachineState, command: CaseCommand, input: CommandInput): CommandCheck {
  const lifecycle = LIFECYCLES[state.kind];
  const candidates = lifecycle.transitions.filter((t) => t.command === command);
  if (candidates.length === 0) {
    return { allowed: false, code: 'unknown_command', reason: `command "${command}" does not exist for a ${state.kind} case` };
  }
  const transition = candidates.find((t) => t.from.includes(state.status));
  if (!transition) {
    const from = [...new Set(candidates.flatMap((t) => t.from))];
    return { allowed: false, code: 'invalid_transition', reason: `command "${command}" is not allowed in status "${state.status}" (allowed from: ${from.join(', ')})` };
  }
  if (!transition.roles.includes(input.role)) {
    return { allowed: false, code: 'forbidden_role', field: 'role', reason: `role "${input.role}" may not ${command} (allowed: ${transition.roles.join(', ')})` };
  }
  for (const field of transition.requires ?? []) {
    if (!hasField(input, field)) return { allowed: false, code: 'missing_field', field, reason: `${field} is required to ${command} (${transition.citation})` };
  }
  const invalid = invalidField(input) ?? invalidGround(transition, input);
  if (invalid) return { allowed: false, code: 'invalid_field', ...invalid };
  const guard = guardsHold(state, transition.guards ?? []);
  if (guard) return { allowed: false, code: 'guard_failed', reason: guard };
  return { allowed: true, transition };
}

function hasField(input: CommandInput, field: CommandField): boolean {
  const value = input[field];
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' && value.trim().length > 0;
}

function invalidField(input: CommandInput): { field: string; reason: string } | undefined {
  for (const field of ['effectiveDate', 'dialogueDate'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    try {
      parseLocalDate(value, field);
    } catch {
      return { field, reason: 'must be a real date YYYY-MM-DD' };
    }
  }
  if (input.contents?.some((kind) => !isCaseKind(kind) || kind === 'letter' || kind === 'reception')) {
    return { field: 'contents', reason: 'must list case kinds a letter can contain (complaint, denunciation, recommendation…)' };
  }
  if (input.priorityFlag !== undefined && !isSettablePriorityFlag(input.priorityFlag)) {
    return { field: 'priorityFlag', reason: `must be one of ${SETTABLE_PRIORITY_FLAGS.join(', ')} (large_group follows the group size)` };
  }
  return undefined;
}

/** The legal ground must be one of the transition's list (libs/domain/src/competence/legal-grounds.ts). */
function invalidGround(transition: LifecycleTransition, input: CommandInput): { field: string; reason: string } | undefined {
  if (!transition.grounds || input.legalGround === undefined) return undefined;
  if (findLegalGround(transition.grounds, input.legalGround)) return undefined;
  const codes = LEGAL_GROUND_LISTS[transition.grounds].map((g) => g.code);
  return { field: 'legalGround', reason: `must be one of ${codes.join(', ')} (${transition.grounds})` };
}

/** Undefined when every guard holds, else why not. */
function guardsHold(state: CaseMachineState, guards: readonly TransitionGuard[]): string | undefined {
  for (const guard of guards) {
    const clock = 'clock' in guard ? state.clocks[guard.clock] : undefined;
    switch (guard.kind) {
      case 'clock_running':
        if (!clock || clock.status === 'stopped') return `the ${guard.clock} clock is not running (already done?)`;
        break;
      case 'not_anonymous':
        if (state.facts?.anonymous) return 'an anonymous denunciation is checked, not accepted for resolution (Luật Tố cáo 2018, Điều 25 khoản 2)';
        break;
      case 'clock_stopped':
        if (clock && clock.status !== 'stopped') return `the ${guard.clock} clock is still running: that duty comes first`;
        break;
      case 'can_extend': {
        if (!clock || clock.status === 'stopped') return `the ${guard.clock} clock is not running`;
        const why = extensionRefusal(clock);
        if (why) return why;
        break;
      }
    }
  }
  return undefined;
}

/**
 * TC-04: up to `maxCount` extensions (Luật TC Art. 30); complaints: the "complex" variant of
 * the same rule, once (Luật KN Art. 28, 37).
 */
function extensionRefusal(clock: ClockRecord): string | undefined {
  const version = ruleVersionAt(clock.rule, parseLocalDate(clock.startDate, 'startDate'));
  const period = version.period;
  if (period.kind !== 'forward') return `${clock.rule} has no period to extend`;
  if (period.extension) {
    return clock.extensions < period.extension.maxCount ? undefined : `${clock.rule} allows at most ${period.extension.maxCount} extensions (${version.citation})`;
  }
  if (period.variants?.complex !== undefined) return clock.complex ? `the case is already treated as complex (${version.citation})` : undefined;
  return `${clock.rule} cannot be extended (${version.citation})`;
}

/** The status after the transition. */
export function nextStatus(state: CaseMachineState, transition: LifecycleTransition): CaseStatus {
  if (transition.to === 'unchanged') return state.status;
  if (transition.to === 'previous') return state.previousStatus ?? 'received';
  return transition.to;
}

/** What the transition does to the clocks; entering a terminal status stops every clock still open. */
export function clockEffects(state: CaseMachineState, transition: LifecycleTransition): ClockEffects {
  const to = nextStatus(state, transition);
  const effects = transition.clocks ?? {};
  if (!isTerminal(state.kind, to)) return effects;
  const open = Object.values(state.clocks)
    .filter((c): c is ClockRecord => c !== undefined && c.status !== 'stopped' && c.owner === 'agency')
    .map((c) => c.name);
  return { ...effects, start: [], stop: [...new Set([...(effects.stop ?? []), ...open])] };
}
