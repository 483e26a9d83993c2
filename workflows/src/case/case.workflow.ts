import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { checkTransition, type CaseCommand } from '@donthu/domain';
import {
  acceptCaseUpdate,
  caseSnapshotQuery,
  INVALID_COMMAND,
  INVALID_TRANSITION,
  type AcceptCaseInput,
  type CaseActivities,
  type CaseSnapshot,
  type CaseWorkflowInput,
  type CommandMeta,
} from './case-contract';
import { CASE_STATUS_ATTRIBUTE } from '../search-attributes';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // The projection write is idempotent by (case, sequence): retrying it forever is safe, and a
  // command acknowledged to a user must never be lost because the database was briefly away.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const MAX_NOTE_LENGTH = 2000;

/**
 * One workflow per case: the authority on its lifecycle. Commands are Updates whose validators
 * reject illegal transitions before anything is written; each accepted command writes the
 * projection and its audit event through one activity.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  let status = input.status;
  let lastSequence = input.lastSequence;
  let commandInFlight = false;

  const snapshot = (): CaseSnapshot => ({ caseCode: input.caseCode, kind: input.kind, status, lastSequence });

  const validate = (command: CaseCommand, meta: CommandMeta): void => {
    if (typeof meta?.actor !== 'string' || meta.actor.length === 0) {
      throw ApplicationFailure.create({ type: INVALID_COMMAND, message: 'actor: must be a non-empty string' });
    }
    if (meta.note !== undefined && (typeof meta.note !== 'string' || meta.note.length > MAX_NOTE_LENGTH)) {
      throw ApplicationFailure.create({ type: INVALID_COMMAND, message: `note: must be a string of at most ${MAX_NOTE_LENGTH} characters` });
    }
    const check = checkTransition(input.kind, status, command);
    if (!check.allowed) throw ApplicationFailure.create({ type: INVALID_TRANSITION, message: check.reason });
  };

  // Commands run one at a time: each sees the state the previous one left.
  const run = async (command: CaseCommand, meta: CommandMeta): Promise<CaseSnapshot> => {
    await condition(() => !commandInFlight);
    commandInFlight = true;
    try {
      const check = checkTransition(input.kind, status, command);
      if (!check.allowed) throw ApplicationFailure.create({ type: INVALID_TRANSITION, message: check.reason, nonRetryable: true });
      const sequence = lastSequence + 1;
      await activities.recordTransition({
        caseId: input.caseId,
        sequence,
        command,
        eventType: check.transition.event,
        fromStatus: status,
        toStatus: check.transition.to,
        actor: meta.actor,
        citation: check.transition.citation,
        ...(meta.note !== undefined ? { note: meta.note } : {}),
      });
      lastSequence = sequence;
      status = check.transition.to;
      upsertSearchAttributes([{ key: CASE_STATUS_ATTRIBUTE, value: status }]);
      return snapshot();
    } finally {
      commandInFlight = false;
    }
  };

  setHandler(caseSnapshotQuery, snapshot);
  setHandler(acceptCaseUpdate, (meta) => run('accept', meta), { validator: (meta: AcceptCaseInput) => validate('accept', meta) });

  // A case stays open until its lifecycle ends; later issues add clocks and closing states.
  await condition(() => false);
}
