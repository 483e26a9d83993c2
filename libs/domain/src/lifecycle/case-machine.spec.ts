import type { Role } from '../access';
import { CASE_KINDS, type CaseCommand, type CaseKind, type CaseStatus } from '../case';
import { availableCommands, checkCommand, clockEffects, isTerminal, lifecycleOf, nextStatus, type CaseMachineState, type ClockRecord, type CommandInput } from './case-machine';
import { applyClockEffects } from './clock-records';
import { LIFECYCLES } from './kinds';
import type { ClockName, CommandField } from './lifecycle-types';

// ── Factories ────────────────────────────────────────────────────────────────────────────
const RECEIVED_ON = '2026-03-02';

function clock(name: ClockName, rule: ClockRecord['rule'], over: Partial<ClockRecord> = {}): ClockRecord {
  return { name, rule, owner: 'agency', status: 'running', startDate: '2026-03-10', complex: false, extensions: 0, suspensions: [], ...over };
}

function caseIn(kind: CaseKind, status: CaseStatus, clocks: CaseMachineState['clocks'] = {}, previousStatus?: CaseStatus): CaseMachineState {
  return { kind, status, clocks, ...(previousStatus ? { previousStatus } : {}) };
}

function by(role: Role, over: Partial<CommandInput> = {}): CommandInput {
  return { actor: `${role}-1`, role, effectiveDate: '2026-03-10', ...over };
}

/** Every field a command can require, filled in. */
const ALL_FIELDS: Required<Pick<CommandInput, CommandField>> = {
  note: 'ghi chú',
  reason: 'lý do',
  legalGround: 'ground',
  targetAgency: 'UBND-HN',
  assignee: 'officer-2',
  dialogueDate: '2026-03-20',
  documentNumber: '12/QĐ-UBND',
  contents: ['complaint'],
  priorityFlag: 'land',
};

/** A freshly registered case: the clocks of the kind's `onRegister`, from the receipt date. */
function registered(kind: CaseKind, receivedOn = RECEIVED_ON): CaseMachineState {
  return { kind, status: 'received', clocks: applyClockEffects({}, LIFECYCLES[kind].onRegister, { receivedOn, effectiveDate: receivedOn }).clocks };
}

/** What the case workflow does with an allowed command (workflows/src/case/case.workflow.ts). */
function step(state: CaseMachineState, command: CaseCommand, input: CommandInput, receivedOn = RECEIVED_ON): CaseMachineState {
  const check = checkCommand(state, command, input);
  if (!check.allowed) throw new Error(`${command} from ${state.status} refused: ${check.code} (${check.reason})`);
  const to = nextStatus(state, check.transition);
  const { clocks } = applyClockEffects(state.clocks, clockEffects(state, check.transition), { receivedOn, effectiveDate: input.effectiveDate ?? receivedOn });
  const previousStatus = check.transition.to === 'previous' ? undefined : to !== state.status ? state.status : state.previousStatus;
  return caseIn(state.kind, to, clocks, previousStatus);
}

const codeOf = (state: CaseMachineState, command: CaseCommand, input: CommandInput) => {
  const result = checkCommand(state, command, input);
  return result.allowed ? 'allowed' : result.code;
};

const head = (over: Partial<CommandInput> = {}) => by('agency_head', { ...ALL_FIELDS, ...over });
const statusOf = (clocks: CaseMachineState['clocks']) => Object.fromEntries(Object.values(clocks).map((c) => [c.name, c.status]));

// ── Roles ────────────────────────────────────────────────────────────────────────────────
describe('who may act', () => {
  it('refuses a decision to an intake officer or a handling officer, with forbidden_role on the role', () => {
    const accepted = caseIn('complaint', 'verifying', { resolution: clock('resolution', 'KN-03') });
    for (const role of ['intake_officer', 'handling_officer'] as const) {
      expect(checkCommand(accepted, 'decide', by(role, ALL_FIELDS))).toMatchObject({ allowed: false, code: 'forbidden_role', field: 'role' });
    }
    expect(checkCommand(accepted, 'decide', head())).toMatchObject({ allowed: true });
  });

  it('lets an intake officer transfer or record a withdrawal of a complaint, but not accept or refuse it', () => {
    const received = registered('complaint');
    expect(codeOf(received, 'transfer', by('intake_officer', ALL_FIELDS))).toBe('allowed');
    expect(codeOf(received, 'withdraw', by('intake_officer', ALL_FIELDS))).toBe('allowed');
    expect(codeOf(received, 'accept', by('intake_officer', ALL_FIELDS))).toBe('forbidden_role');
    expect(codeOf(received, 'refuse', by('intake_officer', ALL_FIELDS))).toBe('forbidden_role');
  });

  it('keeps the acceptance of a denunciation to the head who resolves it (Luật TC Art. 29)', () => {
    const received = registered('denunciation');
    expect(codeOf(received, 'accept', by('handling_officer'))).toBe('forbidden_role');
    expect(codeOf(received, 'accept', by('agency_head'))).toBe('allowed');
  });

  it('lets an auditor, a citizen, an admin or an inspector do nothing at all, in any kind and status', () => {
    for (const kind of CASE_KINDS) {
      for (const t of LIFECYCLES[kind].transitions) {
        for (const status of t.from) {
          for (const role of ['auditor', 'citizen', 'admin', 'inspector', 'superior_inspector'] as const) {
            expect({ kind, status, command: t.command, role, code: codeOf(caseIn(kind, status), t.command, by(role, ALL_FIELDS)) }).toEqual({
              kind,
              status,
              command: t.command,
              role,
              code: 'forbidden_role',
            });
          }
        }
      }
    }
  });

  it('checks the status before the role: a command out of place is an invalid transition whoever sends it', () => {
    expect(codeOf(registered('complaint'), 'decide', by('auditor'))).toBe('invalid_transition');
    expect(codeOf(registered('letter'), 'decide', by('auditor'))).toBe('unknown_command');
  });

  it('offers each role only the commands it may take now', () => {
    const received = registered('complaint');
    expect(availableCommands(received)).toEqual(['accept', 'refuse', 'transfer', 'withdraw', 'flag_priority', 'unflag_priority']);
    expect(availableCommands(received, 'intake_officer')).toEqual(['transfer', 'withdraw', 'flag_priority']);
    expect(availableCommands(received, 'auditor')).toEqual([]);
    expect(availableCommands(received, 'citizen')).toEqual([]);
  });

  it('does not offer a command whose guard fails', () => {
    const unpublished = caseIn('denunciation', 'conclusion_sent', { publication: clock('publication', 'TC-07') });
    expect(availableCommands(unpublished)).toEqual(['publish', 'flag_priority', 'unflag_priority']);
    const published = caseIn('denunciation', 'conclusion_sent', { publication: clock('publication', 'TC-07', { status: 'stopped' }) });
    expect(availableCommands(published)).toEqual(['close', 'flag_priority', 'unflag_priority']);
  });
});

// ── Required and invalid fields ──────────────────────────────────────────────────────────
describe('input a command must carry', () => {
  const withRequirements = CASE_KINDS.flatMap((kind) =>
    LIFECYCLES[kind].transitions.flatMap((t) => (t.requires ?? []).map((field) => ({ kind, command: t.command, status: t.from[0]!, field }))),
  );

  it('covers every required field of every table', () => {
    expect(withRequirements.length).toBeGreaterThan(50);
  });

  it.each(withRequirements)('$kind $command refuses a missing $field with missing_field naming it', ({ kind, command, status, field }) => {
    const { [field]: _dropped, ...rest } = ALL_FIELDS;
    expect(checkCommand(caseIn(kind, status), command, by('agency_head', rest))).toMatchObject({ allowed: false, code: 'missing_field', field });
  });

  it.each(withRequirements)('$kind $command counts a blank $field as missing', ({ kind, command, status, field }) => {
    const blank = field === 'contents' ? { contents: [] } : { [field]: '  \t ' };
    expect(checkCommand(caseIn(kind, status), command, head(blank))).toMatchObject({ allowed: false, code: 'missing_field', field });
  });

  it('names the first missing field in the order the table lists them, with the citation in the reason', () => {
    const result = checkCommand(caseIn('complaint', 'verifying'), 'terminate', by('agency_head'));
    expect(result).toMatchObject({ allowed: false, code: 'missing_field', field: 'legalGround' });
    expect(!result.allowed && result.reason).toContain('Nghị định 124/2020/NĐ-CP');
  });

  it('refuses an impossible effective date or dialogue date with invalid_field', () => {
    const verifying = caseIn('complaint', 'verifying');
    expect(checkCommand(verifying, 'schedule_dialogue', head({ dialogueDate: '2026-02-30' }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'dialogueDate' });
    expect(checkCommand(verifying, 'schedule_dialogue', head({ dialogueDate: '20/03/2026' }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'dialogueDate' });
    expect(checkCommand(verifying, 'schedule_dialogue', head({ effectiveDate: '2026-13-01' }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'effectiveDate' });
    // Checked on every command, even one that requires nothing.
    expect(checkCommand(caseIn('complaint', 'accepted'), 'start_verification', by('handling_officer', { effectiveDate: '2026-04-31' }))).toMatchObject({
      allowed: false,
      code: 'invalid_field',
      field: 'effectiveDate',
    });
    expect(checkCommand(caseIn('complaint', 'accepted'), 'start_verification', by('handling_officer', { effectiveDate: '2028-02-29' }))).toMatchObject({ allowed: true });
  });

  it('refuses letter contents that name a letter, a reception or no kind at all', () => {
    const letter = registered('letter');
    for (const contents of [['letter'], ['reception'], ['complaint', 'letter'], ['nonsense']] as const) {
      expect(checkCommand(letter, 'classify', by('intake_officer', { contents: contents as unknown as CaseKind[] }))).toMatchObject({
        allowed: false,
        code: 'invalid_field',
        field: 'contents',
      });
    }
  });

  it('refuses a legal ground that is not in the ground list the transition names, with invalid_field on legalGround', () => {
    const complaint = registered('complaint');
    expect(checkCommand(complaint, 'refuse', by('handling_officer', { legalGround: 'limitation_expired' }))).toMatchObject({ allowed: true });
    for (const legalGround of ['nonsense', 'verifiable_content', 'incapacitated']) {
      // Unknown, or from the denunciation or reception list: not a ground of Luật KN Art. 11.
      expect(checkCommand(complaint, 'refuse', by('handling_officer', { legalGround }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'legalGround' });
    }
    const verifying = caseIn('denunciation', 'verifying');
    expect(checkCommand(verifying, 'terminate', head({ legalGround: 'party_died_no_successor' }))).toMatchObject({ allowed: true });
    expect(checkCommand(verifying, 'terminate', head({ legalGround: 'limitation_expired' }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'legalGround' });
    expect(checkCommand(registered('letter'), 'refuse', by('intake_officer', { legalGround: 'unclear_content' }))).toMatchObject({ allowed: true });
    expect(checkCommand(registered('reception'), 'refuse', by('intake_officer', { legalGround: 'limitation_expired' }))).toMatchObject({ allowed: false, code: 'invalid_field' });
  });

  it('flags an open case for priority monitoring with complex, prolonged or land only; large_group follows the group size', () => {
    const received = registered('complaint');
    for (const priorityFlag of ['complex', 'prolonged', 'land']) {
      expect(checkCommand(received, 'flag_priority', by('intake_officer', { priorityFlag, reason: 'Tranh chấp đất đai nhiều hộ' }))).toMatchObject({ allowed: true });
    }
    for (const priorityFlag of ['large_group', 'urgent', 'LAND']) {
      expect(checkCommand(received, 'flag_priority', by('intake_officer', { priorityFlag, reason: 'lý do' }))).toMatchObject({ allowed: false, code: 'invalid_field', field: 'priorityFlag' });
    }
    expect(checkCommand(received, 'flag_priority', by('intake_officer', { priorityFlag: 'land' }))).toMatchObject({ allowed: false, code: 'missing_field', field: 'reason' });
    expect(checkCommand(received, 'unflag_priority', by('handling_officer', { priorityFlag: 'land', reason: 'lý do' }))).toMatchObject({ allowed: false, code: 'forbidden_role' });
    expect(checkCommand(caseIn('complaint', 'closed'), 'flag_priority', head())).toMatchObject({ allowed: false, code: 'invalid_transition' });
  });

  it('accepts letter contents of every kind a letter can be split into', () => {
    const contents: CaseKind[] = ['complaint', 'complaint_second_level', 'disciplinary_complaint', 'denunciation', 'denunciation_review', 'recommendation'];
    expect(checkCommand(registered('letter'), 'classify', by('intake_officer', { contents }))).toMatchObject({ allowed: true });
  });
});

// ── Guards ───────────────────────────────────────────────────────────────────────────────
describe('guards on the case state', () => {
  it('extends a denunciation twice, then refuses a third extension (TC-04: at most 2, Luật TC Art. 30)', () => {
    let state = caseIn('denunciation', 'verifying', { resolution: clock('resolution', 'TC-04') });
    state = step(state, 'extend', head());
    expect(state.clocks.resolution).toMatchObject({ extensions: 1, status: 'running' });
    state = step(state, 'extend', head());
    expect(state.clocks.resolution).toMatchObject({ extensions: 2 });
    const third = checkCommand(state, 'extend', head());
    expect(third).toMatchObject({ allowed: false, code: 'guard_failed' });
    expect(!third.allowed && third.reason).toContain('at most 2 extensions');
  });

  it.each([
    ['complaint', 'KN-03'],
    ['complaint_second_level', 'KN-07'],
    ['disciplinary_complaint', 'KD-02B'],
  ] as const)('finds a %s complex once (%s complex variant), then refuses', (kind, rule) => {
    let state = caseIn(kind, 'verifying', { resolution: clock('resolution', rule) });
    state = step(state, 'extend', head());
    expect(state.clocks.resolution).toMatchObject({ complex: true });
    const again = checkCommand(state, 'extend', head());
    expect(again).toMatchObject({ allowed: false, code: 'guard_failed' });
    expect(!again.allowed && again.reason).toContain('already treated as complex');
  });

  it('refuses an extension when the resolution clock is stopped or missing', () => {
    expect(codeOf(caseIn('denunciation', 'verifying', { resolution: clock('resolution', 'TC-04', { status: 'stopped' }) }), 'extend', head())).toBe('guard_failed');
    expect(codeOf(caseIn('denunciation', 'verifying'), 'extend', head())).toBe('guard_failed');
    expect(codeOf(caseIn('complaint', 'accepted'), 'extend', head())).toBe('guard_failed');
  });

  it.each([
    ['send_acceptance_notice', 'acceptance_notice', 'TC-03', ['accepted', 'verifying', 'suspended']],
    ['send_suspension_notice', 'suspension_notice', 'TC-05', ['suspended', 'accepted', 'verifying']],
    ['publish', 'publication', 'TC-07', ['concluded', 'conclusion_sent']],
  ] as const)('allows %s only while the %s clock runs', (command, clockName, rule, statuses) => {
    for (const status of statuses) {
      const handling = by('handling_officer');
      expect(codeOf(caseIn('denunciation', status, { [clockName]: clock(clockName, rule) }), command, handling)).toBe('allowed');
      expect(codeOf(caseIn('denunciation', status, { [clockName]: clock(clockName, rule, { status: 'stopped' }) }), command, handling)).toBe('guard_failed');
      expect(codeOf(caseIn('denunciation', status), command, handling)).toBe('guard_failed');
    }
  });

  it('refuses to accept an anonymous denunciation, which is only checked (Luật TC Art. 25(2))', () => {
    const anonymous: CaseMachineState = { ...registered('denunciation'), facts: { anonymous: true } };
    const accept = checkCommand(anonymous, 'accept', head());
    expect(accept).toMatchObject({ allowed: false, code: 'guard_failed' });
    expect(!accept.allowed && accept.reason).toContain('Điều 25 khoản 2');
    expect(codeOf(anonymous, 'record_check', by('handling_officer', { note: 'nội dung cụ thể, đã kiểm tra' }))).toBe('allowed');
    expect(availableCommands(anonymous, 'agency_head')).not.toContain('accept');
    expect(codeOf({ ...registered('denunciation'), facts: { anonymous: false } }, 'accept', head())).toBe('allowed');
  });

  it.each(['denunciation', 'denunciation_review'] as const)('refuses to close a %s while the publication clock still runs', (kind) => {
    const running = caseIn(kind, 'conclusion_sent', { publication: clock('publication', 'TC-07') });
    const result = checkCommand(running, 'close', by('handling_officer'));
    expect(result).toMatchObject({ allowed: false, code: 'guard_failed' });
    expect(!result.allowed && result.reason).toContain('publication');
    const published = step(running, 'publish', by('handling_officer'));
    expect(codeOf(published, 'close', by('handling_officer'))).toBe('allowed');
  });
});

// ── nextStatus ───────────────────────────────────────────────────────────────────────────
describe('the status after a command', () => {
  const transition = (kind: CaseKind, command: CaseCommand, status: CaseStatus) => lifecycleOf(kind).transitions.find((t) => t.command === command && t.from.includes(status))!;

  it('moves to the table target', () => {
    expect(nextStatus(caseIn('complaint', 'received'), transition('complaint', 'accept', 'received'))).toBe('accepted');
  });

  it("keeps the status for an 'unchanged' transition", () => {
    for (const status of ['accepted', 'verifying', 'dialogue', 'suspended'] as const) {
      expect(nextStatus(caseIn('complaint', status), transition('complaint', 'assign', status))).toBe(status);
    }
  });

  it('returns to the status before the suspension on resume: verifying → suspended → verifying', () => {
    let state = caseIn('complaint', 'verifying', { resolution: clock('resolution', 'KN-03') });
    state = step(state, 'suspend', head({ effectiveDate: '2026-03-20' }));
    expect(state).toMatchObject({ status: 'suspended', previousStatus: 'verifying' });
    expect(nextStatus(state, transition('complaint', 'resume', 'suspended'))).toBe('verifying');
    state = step(state, 'resume', head({ effectiveDate: '2026-03-25' }));
    expect(state.status).toBe('verifying');
    expect(state.previousStatus).toBeUndefined();
  });

  it('returns a second-level complaint suspended during the dialogue to the dialogue, where it can be decided', () => {
    let state = caseIn('complaint_second_level', 'dialogue', { resolution: clock('resolution', 'KN-07') });
    state = step(state, 'suspend', head());
    state = step(state, 'resume', head());
    expect(state.status).toBe('dialogue');
    expect(codeOf(state, 'decide', head())).toBe('allowed');
  });

  it('keeps the suspension across unchanged acts while suspended (assign, notices)', () => {
    let state = caseIn('denunciation', 'accepted', { resolution: clock('resolution', 'TC-04') });
    state = step(state, 'suspend', head());
    state = step(state, 'send_suspension_notice', head());
    state = step(state, 'assign', head());
    expect(state).toMatchObject({ status: 'suspended', previousStatus: 'accepted' });
    expect(step(state, 'resume', head()).status).toBe('accepted');
  });
});

// ── clockEffects ─────────────────────────────────────────────────────────────────────────
describe('clock effects of a transition', () => {
  it('are the table effects when the case stays open', () => {
    const accepted = caseIn('complaint', 'received');
    const check = checkCommand(accepted, 'accept', by('handling_officer'));
    expect(check.allowed && clockEffects(accepted, check.transition)).toBe(check.allowed && check.transition.clocks);
    const verifying = caseIn('complaint', 'accepted');
    const noClocks = checkCommand(verifying, 'start_verification', by('handling_officer'));
    expect(noClocks.allowed && clockEffects(verifying, noClocks.transition)).toEqual({});
  });

  it('stop every open agency clock, paused ones included, on entering a terminal status, and start nothing', () => {
    const state = caseIn('denunciation', 'suspended', {
      initial_processing: clock('initial_processing', 'TC-01', { status: 'stopped' }),
      resolution: clock('resolution', 'TC-04', { status: 'paused', suspensions: [{ from: '2026-03-20' }] }),
      acceptance_notice: clock('acceptance_notice', 'TC-03'),
      suspension_notice: clock('suspension_notice', 'TC-05'),
    });
    const check = checkCommand(state, 'terminate', head({ legalGround: 'party_died_no_successor' }));
    expect(check.allowed).toBe(true);
    const effects = check.allowed ? clockEffects(state, check.transition) : {};
    expect([...(effects.stop ?? [])].sort()).toEqual(['acceptance_notice', 'resolution', 'suspension_notice']);
    expect(effects.start).toEqual([]);
  });

  it('leave the citizen clocks (appeal window, finality) running when the file closes', () => {
    for (const [kind, citizenClock, rule] of [
      ['complaint', 'appeal_window', 'KN-05'],
      ['complaint_second_level', 'finality', 'KN-09'],
    ] as const) {
      const state = caseIn(kind, 'decision_sent', {
        [citizenClock]: clock(citizenClock, rule, { owner: 'citizen' }),
        send_decision: clock('send_decision', 'KN-04'),
      });
      const closed = step(state, 'close', by('handling_officer'));
      expect(closed.status).toBe('closed');
      expect(statusOf(closed.clocks)).toEqual({ [citizenClock]: 'running', send_decision: 'stopped' });
    }
  });

  it('stop the registration clock of a letter once classified, though the transition names no clock', () => {
    const classified = step(registered('letter'), 'classify', by('intake_officer', { contents: ['complaint'] }));
    expect(classified.status).toBe('classified');
    expect(statusOf(classified.clocks)).toEqual({ processing: 'stopped' });
  });

  it('start the written refusal notice of a reception, the refused status not being terminal', () => {
    const refused = step(registered('reception', '2026-04-23'), 'refuse', by('intake_officer', { legalGround: 'threatening_or_disorderly', effectiveDate: '2026-04-24' }), '2026-04-23');
    expect(isTerminal('reception', 'refused')).toBe(false);
    // TCD-03 counts from the reception day, not from the day the refusal is entered.
    expect(refused.clocks.refusal_notice).toMatchObject({ status: 'running', rule: 'TCD-03', startDate: '2026-04-23' });
    expect(refused.clocks.reply).toMatchObject({ status: 'stopped' });
  });
});

describe('terminal statuses', () => {
  it('are terminal exactly where the table says so', () => {
    for (const kind of CASE_KINDS) {
      for (const status of LIFECYCLES[kind].statuses) expect(isTerminal(kind, status)).toBe(LIFECYCLES[kind].terminal.includes(status));
    }
    expect(isTerminal('complaint', 'decision_sent')).toBe(false);
    expect(isTerminal('denunciation', 'transferred_to_police')).toBe(true);
  });
});

// ── Whole procedures ─────────────────────────────────────────────────────────────────────
describe('a case from receipt to closing', () => {
  it('runs a first-level complaint: acceptance, verification, suspension, dialogue, decision, sending, closing', () => {
    let s = registered('complaint');
    expect(s.clocks.acceptance).toMatchObject({ rule: 'KN-02', startDate: RECEIVED_ON, status: 'running' });
    s = step(s, 'accept', by('handling_officer', { effectiveDate: '2026-03-10' }));
    expect(s.clocks.resolution).toMatchObject({ rule: 'KN-03', startDate: '2026-03-10', status: 'running' });
    s = step(s, 'start_verification', by('handling_officer', { effectiveDate: '2026-03-11' }));
    s = step(s, 'suspend', head({ effectiveDate: '2026-03-20' }));
    s = step(s, 'resume', head({ effectiveDate: '2026-03-25' }));
    expect(s.status).toBe('verifying');
    expect(s.clocks.resolution).toMatchObject({ status: 'running', suspensions: [{ from: '2026-03-20', to: '2026-03-25' }] });
    s = step(s, 'schedule_dialogue', head({ effectiveDate: '2026-03-26', dialogueDate: '2026-04-03' }));
    s = step(s, 'decide', head({ effectiveDate: '2026-04-06' }));
    expect(s.clocks.send_decision).toMatchObject({ rule: 'KN-04', startDate: '2026-04-06', status: 'running' });
    s = step(s, 'send_decision', by('handling_officer', { effectiveDate: '2026-04-07' }));
    expect(s.clocks.appeal_window).toMatchObject({ rule: 'KN-05', owner: 'citizen', startDate: '2026-04-07', status: 'running' });
    expect(codeOf(s, 'withdraw', by('intake_officer', ALL_FIELDS))).toBe('invalid_transition');
    s = step(s, 'close', by('handling_officer', { effectiveDate: '2026-04-08' }));
    expect(s.status).toBe('closed');
    expect(statusOf(s.clocks)).toEqual({ acceptance: 'stopped', resolution: 'stopped', send_decision: 'stopped', appeal_window: 'running' });
  });

  it('runs a denunciation: acceptance and its notice, suspension and its notice, two extensions, conclusion, sending, publication, closing', () => {
    let s = registered('denunciation');
    s = step(s, 'accept', head({ effectiveDate: '2026-03-05' }));
    expect(statusOf(s.clocks)).toEqual({ initial_processing: 'stopped', resolution: 'running', acceptance_notice: 'running' });
    s = step(s, 'send_acceptance_notice', by('handling_officer', { effectiveDate: '2026-03-06' }));
    expect(codeOf(s, 'send_acceptance_notice', by('handling_officer'))).toBe('guard_failed');
    s = step(s, 'start_verification', by('handling_officer', { effectiveDate: '2026-03-09' }));
    s = step(s, 'suspend', head({ effectiveDate: '2026-03-20' }));
    expect(s.clocks.suspension_notice).toMatchObject({ rule: 'TC-05', startDate: '2026-03-20', status: 'running' });
    s = step(s, 'send_suspension_notice', by('handling_officer', { effectiveDate: '2026-03-23' }));
    s = step(s, 'resume', head({ effectiveDate: '2026-03-30' }));
    expect(s.status).toBe('verifying');
    s = step(s, 'extend', head({ effectiveDate: '2026-04-10' }));
    s = step(s, 'extend', head({ effectiveDate: '2026-05-08' }));
    expect(codeOf(s, 'extend', head())).toBe('guard_failed');
    s = step(s, 'conclude', head({ effectiveDate: '2026-06-01' }));
    expect(statusOf(s.clocks)).toMatchObject({ resolution: 'stopped', send_conclusion: 'running', publication: 'running' });
    s = step(s, 'send_conclusion', by('handling_officer', { effectiveDate: '2026-06-02' }));
    expect(codeOf(s, 'close', by('handling_officer'))).toBe('guard_failed');
    s = step(s, 'publish', by('handling_officer', { effectiveDate: '2026-06-03' }));
    s = step(s, 'close', by('handling_officer', { effectiveDate: '2026-06-04' }));
    expect(s.status).toBe('closed');
    expect(Object.values(s.clocks).every((c) => c.status === 'stopped')).toBe(true);
  });

  it('restarts the registration clock at the receiving agency when it takes a transferred case over', () => {
    let s = registered('complaint', '2026-06-25');
    s = step(s, 'transfer', by('intake_officer', { ...ALL_FIELDS, effectiveDate: '2026-06-26' }), '2026-06-25');
    expect(statusOf(s.clocks)).toEqual({ acceptance: 'stopped', transfer_response: 'running' });
    s = step(s, 'accept_transfer', by('intake_officer', { effectiveDate: '2026-07-02' }), '2026-06-25');
    expect(s.status).toBe('received');
    // Receipt by the competent agency: 02/07/2026, so KN-02 v3 (7 working days) will apply.
    expect(s.clocks.acceptance).toMatchObject({ status: 'running', startDate: '2026-07-02', rule: 'KN-02' });
    expect(s.clocks.transfer_response).toMatchObject({ status: 'stopped' });
  });
});
