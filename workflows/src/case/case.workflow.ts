import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';
import { applyClockEffects, caseWorkflowId, checkCommand, clockEffects, nextStatus, type CaseMachineState, type ClockName, type CommandRefusal } from '@donthu/domain';
import {
  caseCommandUpdate,
  calendarChangedSignal,
  caseSnapshotQuery,
  FORBIDDEN_COMMAND,
  INVALID_COMMAND,
  INVALID_TRANSITION,
  type CaseActivities,
  type CaseCommandRequest,
  type CaseSnapshot,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type Milestone,
} from './case-contract';
import { caseSearchAttributes } from '../search-attributes';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // Every activity is idempotent by (case, sequence): retrying forever is safe, and a command
  // acknowledged to a user must never be lost because the database was briefly away.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, nonRetryableErrorTypes: ['ProjectionConflict'] },
});

/** Cases last years: start afresh (carrying the state) before the history grows large. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 2000;

function refusal(check: CommandRefusal): ApplicationFailure {
  const type = check.code === 'invalid_transition' || check.code === 'unknown_command' || check.code === 'guard_failed' ? INVALID_TRANSITION : check.code === 'forbidden_role' ? FORBIDDEN_COMMAND : INVALID_COMMAND;
  return ApplicationFailure.create({ type, message: check.field ? `${check.field}: ${check.reason}` : check.reason, nonRetryable: true });
}

function initialState(input: CaseWorkflowInput): CaseWorkflowState {
  return (
    input.carried ?? {
      caseId: input.caseId,
      caseCode: input.caseCode,
      kind: input.kind,
      agencyCode: input.agencyCode,
      receivedOn: input.receivedOn,
      remote: input.remote,
      severalSites: input.severalSites,
      anonymous: input.anonymous,
      status: 'received',
      lastSequence: input.lastSequence,
      clocks: input.clocks,
      deadlines: input.deadlines,
      reached: {},
      nowMs: input.nowMs,
    }
  );
}

function machineState(state: CaseWorkflowState): CaseMachineState {
  return { kind: state.kind, status: state.status, previousStatus: state.previousStatus, clocks: state.clocks, facts: { anonymous: state.anonymous } };
}

/** The next milestone not yet recorded, over every running clock. */
function nextMilestone(state: CaseWorkflowState): { clock: ClockName; milestone: Milestone } | undefined {
  let next: { clock: ClockName; milestone: Milestone } | undefined;
  for (const [name, deadline] of Object.entries(state.deadlines) as Array<[ClockName, CaseWorkflowState['deadlines'][ClockName]]>) {
    if (!deadline || state.clocks[name]?.status !== 'running') continue;
    const reached = state.reached[name] ?? [];
    const milestone = deadline.milestones.find((m) => !reached.includes(m.kind));
    if (milestone && (!next || milestone.atMs < next.milestone.atMs)) next = { clock: name, milestone };
  }
  return next;
}

/**
 * One workflow per case: the authority on its lifecycle. Commands arrive as one Update whose
 * validator checks the kind's lifecycle table (libs/domain) before anything is written; each
 * accepted command writes the projection, the clocks and the audit event through one activity.
 * Clocks are durable timers: reminders, overdue and the escalation ladder fire on their own.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const state = initialState(input);
  let busy = false;
  let changes = 0; // bumped by every handler so the timer loop re-plans
  let pendingCalendarVersion: string | undefined;

  // Commands, milestones and recomputations run one at a time: each sees the state the previous left.
  const exclusively = async <T>(fn: () => Promise<T>): Promise<T> => {
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  };

  const snapshot = (): CaseSnapshot => {
    const { nowMs: _omitted, ...rest } = state;
    return rest;
  };
  const publishSearchAttributes = () => upsertSearchAttributes(caseSearchAttributes(state));

  setHandler(caseSnapshotQuery, snapshot);

  setHandler(
    caseCommandUpdate,
    ({ command, input: commandInput }: CaseCommandRequest) =>
      exclusively(async () => {
        const check = checkCommand(machineState(state), command, commandInput);
        if (!check.allowed) throw refusal(check);
        const { transition } = check;
        const to = nextStatus(machineState(state), transition);
        const effectiveDate = commandInput.effectiveDate ?? state.receivedOn;
        const { clocks, changed } = applyClockEffects(state.clocks, clockEffects(machineState(state), transition), { receivedOn: state.receivedOn, effectiveDate });
        const agencyAfter = transition.movesToTargetAgency && state.transferTo ? state.transferTo : state.agencyCode;
        const sequence = state.lastSequence + 1;
        const result = await activities.applyTransition({
          caseId: state.caseId,
          sequence,
          command,
          eventType: transition.event,
          citation: transition.citation,
          input: commandInput,
          before: { status: state.status, agencyCode: state.agencyCode },
          after: { status: to, agencyCode: agencyAfter },
          remote: state.remote,
          severalSites: state.severalSites,
          clocks,
          changed,
        });
        state.previousStatus = transition.to === 'previous' ? undefined : to !== state.status ? state.status : state.previousStatus;
        state.transferTo = to === 'transfer_pending' ? commandInput.targetAgency : undefined;
        state.status = to;
        state.agencyCode = agencyAfter;
        state.clocks = clocks;
        for (const name of changed) {
          const deadline = result.deadlines[name];
          if (deadline) state.deadlines[name] = deadline;
          // A restarted or moved clock earns its milestones again.
          if (clocks[name]?.status === 'running') state.reached[name] = [];
        }
        state.lastSequence = sequence;
        state.nowMs = result.nowMs;
        // A classified letter's contents live on as cases of their own (they outlive the letter).
        for (const child of result.children ?? []) {
          await startChild(caseWorkflow, {
            workflowId: caseWorkflowId(child.caseCode),
            args: [child],
            parentClosePolicy: 'ABANDON',
            typedSearchAttributes: caseSearchAttributes({ ...child, status: 'received', reached: {} }).filter((p): p is SearchAttributePair => p.value !== null),
          });
        }
        changes += 1;
        publishSearchAttributes();
        return snapshot();
      }),
    {
      validator: ({ command, input: commandInput }: CaseCommandRequest) => {
        if (typeof commandInput?.actor !== 'string' || commandInput.actor.length === 0) {
          throw ApplicationFailure.create({ type: INVALID_COMMAND, message: 'actor: must be a non-empty string' });
        }
        const check = checkCommand(machineState(state), command, commandInput);
        if (!check.allowed) throw refusal(check);
      },
    },
  );

  setHandler(calendarChangedSignal, ({ calendarVersion }) => {
    pendingCalendarVersion = calendarVersion;
    changes += 1;
  });

  // A new case's start already carries these search attributes (CaseWorkflowStarter): no second
  // visibility write. Decided by the input, which is in the history, so older runs replay as they ran.
  if (input.carried || !input.searchAttributesAtStart) publishSearchAttributes();

  for (;;) {
    const seen = changes;
    const next = nextMilestone(state);
    const timeoutMs = next ? Math.max(0, next.milestone.atMs - state.nowMs) : undefined;
    const woken = timeoutMs === undefined ? (await condition(() => changes !== seen), true) : await condition(() => changes !== seen, timeoutMs);

    if (!woken && next) {
      // The timer fired: the milestone is reached, unless a command moved the clock meanwhile.
      await exclusively(async () => {
        const still = nextMilestone(state);
        if (!still || still.clock !== next.clock || still.milestone.kind !== next.milestone.kind || still.milestone.atMs > next.milestone.atMs) return;
        state.nowMs = Math.max(state.nowMs, next.milestone.atMs);
        const sequence = state.lastSequence + 1;
        await activities.recordMilestone({
          caseId: state.caseId,
          sequence,
          clock: next.clock,
          milestone: next.milestone.kind,
          agencyCode: state.agencyCode,
          due: state.deadlines[next.clock]!.due,
        });
        state.lastSequence = sequence;
        state.reached[next.clock] = [...(state.reached[next.clock] ?? []), next.milestone.kind];
        publishSearchAttributes();
      });
    }

    if (pendingCalendarVersion !== undefined) {
      await exclusively(async () => {
        const calendarVersion = pendingCalendarVersion!;
        pendingCalendarVersion = undefined;
        const sequence = state.lastSequence + 1;
        const result = await activities.recomputeDeadlines({
          caseId: state.caseId,
          sequence,
          calendarVersion,
          remote: state.remote,
          severalSites: state.severalSites,
          clocks: state.clocks,
          previous: state.deadlines,
        });
        if (result.changed) state.lastSequence = sequence;
        state.deadlines = { ...state.deadlines, ...result.deadlines };
        state.nowMs = result.nowMs;
        publishSearchAttributes();
      });
    }

    if (workflowInfo().historyLength > (input.historyLimit ?? CONTINUE_AS_NEW_AFTER_EVENTS)) {
      // Let running handlers finish, then carry the whole state into a fresh history.
      await condition(() => !busy && allHandlersFinished());
      await continueAsNew<typeof caseWorkflow>({ ...input, carried: state });
    }
  }
}
