import { ROLES, type Role } from '../access';
import { CASE_COMMANDS, CASE_KINDS, type CaseCommand, type CaseKind, type CaseStatus } from '../case';
import { LEGAL_GROUND_LISTS } from '../competence';
import { findRule, isRuleId, LEGAL_RULES } from '../rules';
import { checkCommand, type ClockRecord, type CommandInput } from './case-machine';
import { LIFECYCLES } from './kinds';
import type { ClockEffects, ClockName, CommandField, GroundSetId, Lifecycle, LifecycleTransition, TransitionGuard } from './lifecycle-types';

/*
 * The lifecycle tables, restated by hand from shared/domain/legal-rules.md and the law they
 * encode. Every literal below is an expectation written independently of kinds/*.ts: an
 * accidental edit of a table (a status, a command, a role, a field, a clock, an article) fails
 * here, and a deliberate one must be made in both places.
 */

// ── Who acts (restated, not imported from kinds/shared.ts) ────────────────────────────────
const ROLE_GROUPS = {
  INTAKE: ['intake_officer', 'handling_officer', 'agency_head'],
  HANDLING: ['handling_officer', 'agency_head'],
  HEAD: ['agency_head'],
} as const satisfies Record<string, readonly Role[]>;
type RoleGroup = keyof typeof ROLE_GROUPS;

// ── 1. Allowed commands per kind and status ──────────────────────────────────────────────
type StatusTable = Readonly<Partial<Record<CaseStatus, readonly CaseCommand[]>>>;

/** Luật KN Chương III: first level (dialogue optional, Art. 30); disciplinary uses the same shape. */
const COMPLAINT_STATUSES: StatusTable = {
  received: ['accept', 'refuse', 'transfer', 'withdraw'],
  transfer_pending: ['accept_transfer', 'return_transfer', 'withdraw'],
  accepted: ['assign', 'start_verification', 'schedule_dialogue', 'extend', 'suspend', 'decide', 'withdraw', 'terminate'],
  verifying: ['assign', 'schedule_dialogue', 'extend', 'suspend', 'decide', 'withdraw', 'terminate'],
  dialogue: ['assign', 'extend', 'suspend', 'decide', 'withdraw', 'terminate'],
  suspended: ['assign', 'resume', 'withdraw', 'terminate'],
  decided: ['send_decision'], // withdrawal only before the decision (Luật KN Art. 10)
  decision_sent: ['close'],
  refused: [],
  terminated: [],
  closed: [],
};

const LIFECYCLE_COMMANDS: Readonly<Record<CaseKind, StatusTable>> = {
  // TT 05/2021: classify, guide (once), file, refuse, or transfer to the competent agency.
  letter: {
    received: ['classify', 'guide', 'file', 'refuse', 'transfer'],
    transfer_pending: ['accept_transfer', 'return_transfer'],
    classified: [],
    guided: [],
    filed: [],
    refused: [],
  },
  complaint: COMPLAINT_STATUSES,
  // Second level: the decision only after the mandatory dialogue (Luật KN Art. 39).
  complaint_second_level: {
    ...COMPLAINT_STATUSES,
    accepted: ['assign', 'start_verification', 'schedule_dialogue', 'extend', 'suspend', 'withdraw', 'terminate'],
    verifying: ['assign', 'schedule_dialogue', 'extend', 'suspend', 'withdraw', 'terminate'],
    dialogue: ['assign', 'extend', 'suspend', 'decide', 'withdraw', 'terminate'],
  },
  disciplinary_complaint: COMPLAINT_STATUSES,
  // Luật TC 2018 Chương III.
  denunciation: {
    received: ['accept', 'refuse', 'record_check', 'transfer_to_police', 'transfer', 'withdraw'],
    transfer_pending: ['accept_transfer', 'return_transfer', 'withdraw'],
    accepted: ['transfer_to_police', 'send_acceptance_notice', 'assign', 'start_verification', 'extend', 'suspend', 'send_suspension_notice', 'withdraw', 'terminate', 'conclude'],
    verifying: ['transfer_to_police', 'send_acceptance_notice', 'assign', 'extend', 'suspend', 'send_suspension_notice', 'withdraw', 'terminate', 'conclude'],
    suspended: ['transfer_to_police', 'send_acceptance_notice', 'assign', 'resume', 'send_suspension_notice', 'withdraw', 'terminate'],
    concluded: ['send_conclusion', 'publish'],
    conclusion_sent: ['publish', 'close'],
    refused: [],
    checked: [],
    transferred_to_police: [],
    terminated: [],
    closed: [],
  },
  // TC-08 (Luật TC Art. 37): the superior reviews within 20 days, upholds or concludes anew.
  denunciation_review: {
    received: ['accept', 'refuse'],
    accepted: ['assign', 'start_verification', 'conclude'],
    verifying: ['assign', 'conclude'],
    concluded: ['send_conclusion', 'publish'],
    conclusion_sent: ['publish', 'close'],
    refused: [],
    closed: [],
  },
  // XLD-01, then PA-02 (policy) once accepted; PA-01 transfer.
  recommendation: {
    received: ['accept', 'refuse', 'guide', 'file', 'transfer'],
    transfer_pending: ['accept_transfer', 'return_transfer'],
    accepted: ['reply'],
    replied: ['close'],
    guided: [],
    filed: [],
    refused: [],
    closed: [],
  },
  // Luật TCD: reply within TCD-01, or refuse to receive and give the written notice (TCD-03).
  reception: {
    received: ['refuse', 'reply'],
    refused: ['reply'],
    replied: ['close'],
    closed: [],
  },
};

const EXPECTED_TERMINAL: Readonly<Record<CaseKind, readonly CaseStatus[]>> = {
  letter: ['classified', 'guided', 'filed', 'refused'],
  complaint: ['refused', 'terminated', 'closed'],
  complaint_second_level: ['refused', 'terminated', 'closed'],
  disciplinary_complaint: ['refused', 'terminated', 'closed'],
  denunciation: ['refused', 'checked', 'transferred_to_police', 'terminated', 'closed'],
  denunciation_review: ['refused', 'closed'],
  recommendation: ['guided', 'filed', 'refused', 'closed'],
  reception: ['closed'],
};

/** Priority monitoring (legal-rules.md §4): every open status of every kind can be flagged, and a flag cleared. */
const PRIORITY_COMMANDS: readonly CaseCommand[] = ['flag_priority', 'unflag_priority'];

const EXPECTED_COMMANDS: Readonly<Record<CaseKind, StatusTable>> = Object.fromEntries(
  CASE_KINDS.map((kind) => [
    kind,
    Object.fromEntries(
      Object.entries(LIFECYCLE_COMMANDS[kind]).map(([status, commands]) => [status, EXPECTED_TERMINAL[kind].includes(status as CaseStatus) ? commands : [...(commands ?? []), ...PRIORITY_COMMANDS]]),
    ),
  ]),
) as Record<CaseKind, StatusTable>;

// ── What each transition is: target, roles, fields, grounds, guards, clocks, article ─────
interface ExpectedTransition {
  readonly to: CaseStatus | 'unchanged' | 'previous';
  readonly roles: RoleGroup;
  readonly requires?: readonly CommandField[];
  readonly grounds?: GroundSetId;
  /** `running:<clock>`, `stopped:<clock>`, `can_extend:<clock>`, `not_anonymous`. */
  readonly guards?: readonly string[];
  /** `stop:<clock>`, `pause:<clock>`, `resume:<clock>`, `extend:<clock>`, `start:<clock>:<rule>:<from>[:citizen]`. */
  readonly clocks?: readonly string[];
  /** Text the citation must contain: the article that gives the act its footing. */
  readonly article: string;
  readonly movesToTargetAgency?: true;
}
type TransitionTable = Readonly<Partial<Record<CaseCommand, ExpectedTransition>>>;

const KN = 'Luật Khiếu nại 2011';
const TC = 'Luật Tố cáo 2018';
const TCD = 'Luật Tiếp công dân 2013';
const TT05 = 'Thông tư 05/2021/TT-TTCP';
const ND124 = 'Nghị định 124/2020/NĐ-CP';

/** Transfer between agencies: the registration clock stops, the receiving agency answers within `response`. */
function transferExpectations(registration: string, response: string, article: string): TransitionTable {
  const [clock] = registration.split(':');
  return {
    transfer: { to: 'transfer_pending', roles: 'INTAKE', requires: ['targetAgency', 'reason'], clocks: [`stop:${clock}`, `start:transfer_response:${response}:effective_date`], article },
    accept_transfer: { to: 'received', roles: 'INTAKE', clocks: ['stop:transfer_response', `start:${registration}:effective_date`], article, movesToTargetAgency: true },
    return_transfer: { to: 'received', roles: 'INTAKE', requires: ['reason'], clocks: ['stop:transfer_response', `start:${registration}:effective_date`], article },
  };
}

function complaintExpectations(p: {
  acceptance: string;
  resolution: string;
  articles: { acceptance: string; resolution: string; verification: string; dialogue: string; decision: string; send: string };
  send?: string;
  afterSent?: string;
}): TransitionTable {
  const a = p.articles;
  return {
    accept: { to: 'accepted', roles: 'HANDLING', clocks: ['stop:acceptance', `start:resolution:${p.resolution}:effective_date`], article: `${KN}, ${a.acceptance}` },
    refuse: { to: 'refused', roles: 'HANDLING', requires: ['legalGround'], grounds: 'complaint_refusal', article: `${KN}, Điều 11` },
    ...transferExpectations(`acceptance:${p.acceptance}`, 'XLD-01', `${TT05}, Điều 4`),
    assign: { to: 'unchanged', roles: 'HEAD', requires: ['assignee'], article: `${KN}, ${a.verification}` },
    start_verification: { to: 'verifying', roles: 'HANDLING', article: `${KN}, ${a.verification}` },
    schedule_dialogue: { to: 'dialogue', roles: 'HANDLING', requires: ['dialogueDate'], article: `${KN}, ${a.dialogue}; ${ND124}, Điều 23` },
    extend: { to: 'unchanged', roles: 'HEAD', requires: ['reason'], guards: ['can_extend:resolution'], clocks: ['extend:resolution'], article: `${KN}, ${a.resolution}` },
    suspend: { to: 'suspended', roles: 'HEAD', requires: ['reason', 'documentNumber'], clocks: ['pause:resolution'], article: ND124 },
    resume: { to: 'previous', roles: 'HEAD', requires: ['documentNumber'], clocks: ['resume:resolution'], article: 'Nghị định 155/2026/NĐ-CP' },
    decide: {
      to: 'decided',
      roles: 'HEAD',
      requires: ['documentNumber'],
      clocks: ['stop:resolution', ...(p.send ? [`start:send_decision:${p.send}:effective_date`] : [])],
      article: `${KN}, ${a.decision}`,
    },
    send_decision: { to: 'decision_sent', roles: 'HANDLING', clocks: ['stop:send_decision', ...(p.afterSent ? [`start:${p.afterSent}:effective_date:citizen`] : [])], article: `${KN}, ${a.send}` },
    withdraw: { to: 'terminated', roles: 'INTAKE', requires: ['documentNumber'], article: `${KN}, Điều 10` },
    terminate: { to: 'terminated', roles: 'HEAD', requires: ['legalGround', 'documentNumber'], grounds: 'termination', article: ND124 },
    close: { to: 'closed', roles: 'HANDLING', article: `${KN}, ${a.decision}` },
  };
}

/** Conclusion (Art. 35), sending (TC-06), publication (TC-07, Art. 40), closing once public. */
const CONCLUSION_EXPECTATIONS: TransitionTable = {
  conclude: {
    to: 'concluded',
    roles: 'HEAD',
    requires: ['documentNumber'],
    clocks: ['stop:resolution', 'start:send_conclusion:TC-06:effective_date', 'start:publication:TC-07:effective_date'],
    article: `${TC}, Điều 35`,
  },
  send_conclusion: { to: 'conclusion_sent', roles: 'HANDLING', clocks: ['stop:send_conclusion'], article: `${TC}, Điều 40` },
  publish: { to: 'unchanged', roles: 'HANDLING', guards: ['running:publication'], clocks: ['stop:publication'], article: `${TC}, Điều 40` },
  close: { to: 'closed', roles: 'HANDLING', guards: ['stopped:publication'], article: `${TC}, Điều 40` },
};

const LIFECYCLE_TRANSITIONS: Readonly<Record<CaseKind, TransitionTable>> = {
  letter: {
    classify: { to: 'classified', roles: 'INTAKE', requires: ['contents'], article: `${TT05}, Điều 4` },
    guide: { to: 'guided', roles: 'INTAKE', requires: ['targetAgency', 'note'], article: `${TT05}, Điều 7` },
    file: { to: 'filed', roles: 'INTAKE', requires: ['reason'], article: `${TT05}, Điều 6` },
    refuse: { to: 'refused', roles: 'INTAKE', requires: ['legalGround'], grounds: 'letter_refusal', article: `${TT05}, Điều 6` },
    ...transferExpectations('processing:XLD-01', 'XLD-01', `${TT05}, Điều 4`),
  },
  complaint: complaintExpectations({
    acceptance: 'KN-02',
    resolution: 'KN-03',
    send: 'KN-04',
    afterSent: 'appeal_window:KN-05',
    articles: { acceptance: 'Điều 27', resolution: 'Điều 28', verification: 'Điều 29', dialogue: 'Điều 30', decision: 'Điều 31', send: 'Điều 31' },
  }),
  complaint_second_level: complaintExpectations({
    acceptance: 'KN-06',
    resolution: 'KN-07',
    send: 'KN-08',
    afterSent: 'finality:KN-09',
    articles: { acceptance: 'Điều 36', resolution: 'Điều 37', verification: 'Điều 38', dialogue: 'Điều 39', decision: 'Điều 40', send: 'Điều 41' },
  }),
  // No sending rule and no citizen window in legal-rules.md for disciplinary complaints.
  disciplinary_complaint: complaintExpectations({
    acceptance: 'KD-02A',
    resolution: 'KD-02B',
    articles: { acceptance: 'Điều 50', resolution: 'Điều 51', verification: 'Điều 51', dialogue: 'Điều 51', decision: 'Điều 51', send: 'Điều 51' },
  }),
  denunciation: {
    accept: {
      to: 'accepted',
      roles: 'HEAD',
      // Anonymous or unsigned: checked under Art. 25(2), never accepted for resolution.
      guards: ['not_anonymous'],
      clocks: ['stop:initial_processing', 'start:resolution:TC-04:effective_date', 'start:acceptance_notice:TC-03:effective_date'],
      article: `${TC}, Điều 29`,
    },
    refuse: { to: 'refused', roles: 'HEAD', requires: ['legalGround'], grounds: 'denunciation_refusal', article: `${TC}, Điều 29` },
    record_check: { to: 'checked', roles: 'HANDLING', requires: ['note'], article: `${TC}, Điều 25 khoản 2` },
    transfer_to_police: { to: 'transferred_to_police', roles: 'HEAD', requires: ['targetAgency', 'documentNumber'], article: `${TC}, Điều 24 khoản 3` },
    ...transferExpectations('initial_processing:TC-01', 'TC-01', `${TC}, Điều 24 khoản 1 điểm b`),
    send_acceptance_notice: { to: 'unchanged', roles: 'HANDLING', guards: ['running:acceptance_notice'], clocks: ['stop:acceptance_notice'], article: `${TC}, Điều 29 khoản 2` },
    assign: { to: 'unchanged', roles: 'HEAD', requires: ['assignee'], article: `${TC}, Điều 31` },
    start_verification: { to: 'verifying', roles: 'HANDLING', article: `${TC}, Điều 31` },
    extend: {
      to: 'unchanged',
      roles: 'HEAD',
      requires: ['reason', 'documentNumber'],
      guards: ['can_extend:resolution'],
      clocks: ['extend:resolution'],
      article: `${TC}, Điều 30; Nghị định 31/2019/NĐ-CP`,
    },
    suspend: { to: 'suspended', roles: 'HEAD', requires: ['reason', 'documentNumber'], clocks: ['pause:resolution', 'start:suspension_notice:TC-05:effective_date'], article: `${TC}, Điều 34` },
    resume: { to: 'previous', roles: 'HEAD', requires: ['documentNumber'], clocks: ['resume:resolution'], article: `${TC}, Điều 34` },
    send_suspension_notice: { to: 'unchanged', roles: 'HANDLING', guards: ['running:suspension_notice'], clocks: ['stop:suspension_notice'], article: `${TC}, Điều 34` },
    withdraw: { to: 'terminated', roles: 'INTAKE', requires: ['documentNumber'], article: `${TC}, Điều 33` },
    terminate: { to: 'terminated', roles: 'HEAD', requires: ['legalGround', 'documentNumber'], grounds: 'termination', article: `${TC}, Điều 34` },
    ...CONCLUSION_EXPECTATIONS,
  },
  denunciation_review: {
    accept: { to: 'accepted', roles: 'HEAD', article: `${TC}, Điều 37` },
    refuse: { to: 'refused', roles: 'HEAD', requires: ['legalGround'], grounds: 'denunciation_refusal', article: `${TC}, Điều 37` },
    assign: { to: 'unchanged', roles: 'HEAD', requires: ['assignee'], article: `${TC}, Điều 37` },
    start_verification: { to: 'verifying', roles: 'HANDLING', article: `${TC}, Điều 37` },
    ...CONCLUSION_EXPECTATIONS,
  },
  recommendation: {
    accept: { to: 'accepted', roles: 'HANDLING', clocks: ['stop:processing', 'start:resolution:PA-02:effective_date'], article: `${TT05}, Điều 4` },
    refuse: { to: 'refused', roles: 'INTAKE', requires: ['legalGround'], grounds: 'letter_refusal', article: `${TT05}, Điều 6` },
    guide: { to: 'guided', roles: 'INTAKE', requires: ['targetAgency', 'note'], article: `${TT05}, Điều 7` },
    file: { to: 'filed', roles: 'INTAKE', requires: ['reason'], article: `${TT05}, Điều 6` },
    ...transferExpectations('processing:XLD-01', 'XLD-01', 'Nghị định 20/2008/NĐ-CP, Điều 9'),
    reply: { to: 'replied', roles: 'HANDLING', requires: ['documentNumber'], clocks: ['stop:resolution'], article: 'Nghị định 20/2008/NĐ-CP' },
    close: { to: 'closed', roles: 'HANDLING', article: 'Nghị định 20/2008/NĐ-CP' },
  },
  reception: {
    refuse: {
      to: 'refused',
      roles: 'INTAKE',
      requires: ['legalGround'],
      grounds: 'reception_refusal',
      // TCD-03 runs from the reception day itself, not from the refusal entry.
      clocks: ['stop:reply', 'start:refusal_notice:TCD-03:received_on'],
      article: `${TCD}, Điều 9`,
    },
    reply: { to: 'replied', roles: 'INTAKE', requires: ['documentNumber'], clocks: ['stop:reply', 'stop:refusal_notice'], article: `${TCD}, Điều 28` },
    close: { to: 'closed', roles: 'INTAKE', article: `${TCD}, Điều 28` },
  },
};

/** Flagging for priority monitoring, the same in every kind: the status stays, a reason is recorded, only the head clears a flag. */
const PRIORITY_EXPECTATIONS: TransitionTable = {
  flag_priority: { to: 'unchanged', roles: 'INTAKE', requires: ['priorityFlag', 'reason'], article: `${TCD}, Điều 29` },
  unflag_priority: { to: 'unchanged', roles: 'HEAD', requires: ['priorityFlag', 'reason'], article: `${TCD}, Điều 29` },
};

const EXPECTED_TRANSITIONS: Readonly<Record<CaseKind, TransitionTable>> = Object.fromEntries(
  CASE_KINDS.map((kind) => [kind, { ...LIFECYCLE_TRANSITIONS[kind], ...PRIORITY_EXPECTATIONS }]),
) as Record<CaseKind, TransitionTable>;

/** Clocks started when the case is registered, all from the receipt date. */
const EXPECTED_ON_REGISTER: Readonly<Record<CaseKind, readonly string[]>> = {
  letter: ['start:processing:XLD-01:received_on'],
  complaint: ['start:acceptance:KN-02:received_on'],
  complaint_second_level: ['start:acceptance:KN-06:received_on'],
  disciplinary_complaint: ['start:acceptance:KD-02A:received_on'],
  denunciation: ['start:initial_processing:TC-01:received_on'],
  denunciation_review: ['start:resolution:TC-08:received_on'],
  recommendation: ['start:processing:XLD-01:received_on'],
  reception: ['start:reply:TCD-01:received_on'],
};

// ── Helpers ──────────────────────────────────────────────────────────────────────────────
function describeClocks(effects: ClockEffects | undefined): string[] {
  if (!effects) return [];
  return [
    ...(effects.stop ?? []).map((c) => `stop:${c}`),
    ...(effects.pause ?? []).map((c) => `pause:${c}`),
    ...(effects.resume ?? []).map((c) => `resume:${c}`),
    ...(effects.extend ?? []).map((c) => `extend:${c}`),
    ...(effects.start ?? []).map((s) => `start:${s.clock}:${s.rule}:${s.from}${s.owner === 'citizen' ? ':citizen' : ''}`),
  ];
}

function roleGroupOf(roles: readonly Role[]): RoleGroup | readonly Role[] {
  const sorted = [...roles].sort().join(',');
  const group = (Object.keys(ROLE_GROUPS) as RoleGroup[]).find((g) => [...ROLE_GROUPS[g]].sort().join(',') === sorted);
  return group ?? roles;
}

function describeGuard(g: TransitionGuard): string {
  if (!('clock' in g)) return g.kind;
  return `${g.kind === 'clock_running' ? 'running' : g.kind === 'clock_stopped' ? 'stopped' : g.kind}:${g.clock}`;
}

function describeTransition(t: LifecycleTransition): Omit<ExpectedTransition, 'article'> & { citation: string } {
  return {
    to: t.to,
    roles: roleGroupOf(t.roles) as RoleGroup,
    ...(t.requires?.length ? { requires: t.requires } : {}),
    ...(t.grounds ? { grounds: t.grounds } : {}),
    ...(t.guards?.length ? { guards: t.guards.map(describeGuard) } : {}),
    ...(describeClocks(t.clocks).length ? { clocks: describeClocks(t.clocks) } : {}),
    ...(t.movesToTargetAgency ? { movesToTargetAgency: true as const } : {}),
    citation: t.citation,
  };
}

/** Resolution clock's rule per kind, for `can_extend` guards. */
const RESOLUTION_RULE: Partial<Record<CaseKind, ClockRecord['rule']>> = {
  complaint: 'KN-03',
  complaint_second_level: 'KN-07',
  disciplinary_complaint: 'KD-02B',
  denunciation: 'TC-04',
  denunciation_review: 'TC-08',
  recommendation: 'PA-02',
};

function clock(name: ClockName, rule: ClockRecord['rule'], status: ClockRecord['status'] = 'running'): ClockRecord {
  return { name, rule, owner: 'agency', status, startDate: '2026-03-10', complex: false, extensions: 0, suspensions: [] };
}

/** Clocks under which every guard of `t` holds (guards are tested one by one in case-machine.spec.ts). */
function clocksSatisfying(kind: CaseKind, t: LifecycleTransition | undefined): Partial<Record<ClockName, ClockRecord>> {
  const clocks: Partial<Record<ClockName, ClockRecord>> = {};
  for (const g of t?.guards ?? []) {
    if (!('clock' in g)) continue; // not_anonymous holds for a case without the anonymous fact
    const rule = g.clock === 'resolution' ? (RESOLUTION_RULE[kind] ?? 'KN-03') : 'TC-07';
    clocks[g.clock] = clock(g.clock, rule, g.kind === 'clock_stopped' ? 'stopped' : 'running');
  }
  return clocks;
}

const FULL_INPUT: Omit<CommandInput, 'role'> = {
  actor: 'officer-1',
  effectiveDate: '2026-03-10',
  note: 'ghi chú',
  reason: 'lý do',
  legalGround: 'ground',
  targetAgency: 'UBND-HN',
  assignee: 'officer-2',
  dialogueDate: '2026-03-20',
  documentNumber: '12/QĐ-UBND',
  contents: ['complaint', 'denunciation'],
  priorityFlag: 'land',
};

const commandsOf = (kind: CaseKind): Set<CaseCommand> => new Set(Object.values(EXPECTED_COMMANDS[kind]).flat());
const legalCitation = /Điều \d+|\d+\/\d{4}\/(NĐ-CP|TT-TTCP|QH\d+)/u;

// ── Tests ────────────────────────────────────────────────────────────────────────────────
describe('lifecycle tables restated from legal-rules.md', () => {
  it('has one table per case kind, each for its own kind', () => {
    expect(Object.keys(LIFECYCLES).sort()).toEqual([...CASE_KINDS].sort());
    for (const kind of CASE_KINDS) expect(LIFECYCLES[kind].kind).toBe(kind);
  });

  describe.each(CASE_KINDS)('%s', (kind) => {
    const lifecycle: Lifecycle = LIFECYCLES[kind];

    it('lists exactly the expected statuses, starting at received', () => {
      expect([...lifecycle.statuses].sort()).toEqual(Object.keys(EXPECTED_COMMANDS[kind]).sort());
      expect(lifecycle.statuses[0]).toBe('received');
    });

    it('has exactly the expected terminal statuses', () => {
      expect([...lifecycle.terminal].sort()).toEqual([...EXPECTED_TERMINAL[kind]].sort());
    });

    it('starts the expected clocks on registration', () => {
      expect(describeClocks(lifecycle.onRegister)).toEqual(EXPECTED_ON_REGISTER[kind]);
    });

    it('gives each command the expected target, roles, fields, grounds, guards and clock effects', () => {
      const commands = [...new Set(lifecycle.transitions.map((t) => t.command))];
      expect(commands.sort()).toEqual(Object.keys(EXPECTED_TRANSITIONS[kind]).sort());
      for (const t of lifecycle.transitions) {
        const { article, ...expected } = EXPECTED_TRANSITIONS[kind][t.command]!;
        const { citation, ...actual } = describeTransition(t);
        expect({ command: t.command, ...actual }).toEqual({ command: t.command, ...expected });
        expect({ command: t.command, citation }).toEqual({ command: t.command, citation: expect.stringContaining(article) });
      }
    });

    it.each(lifecycle.statuses.map((s) => [s]))('allows from %s exactly the listed commands, and refuses every other with the right code', (status) => {
      const expectedAllowed = EXPECTED_COMMANDS[kind][status] ?? [];
      const inKind = commandsOf(kind);
      for (const command of CASE_COMMANDS) {
        const transition = lifecycle.transitions.find((t) => t.command === command && t.from.includes(status));
        const state = { kind, status, previousStatus: 'accepted' as const, clocks: clocksSatisfying(kind, transition) };
        const legalGround = transition?.grounds ? LEGAL_GROUND_LISTS[transition.grounds][0]!.code : 'none';
        const expectedGroup = EXPECTED_TRANSITIONS[kind][command]?.roles;
        for (const role of ROLES) {
          const result = checkCommand(state, command, { ...FULL_INPUT, legalGround, role });
          let expected: string;
          if (!inKind.has(command)) expected = 'unknown_command';
          else if (!expectedAllowed.includes(command)) expected = 'invalid_transition';
          else if (!(ROLE_GROUPS[expectedGroup!] as readonly Role[]).includes(role)) expected = 'forbidden_role';
          else expected = 'allowed';
          expect({ kind, status, command, role, result: result.allowed ? 'allowed' : result.code }).toEqual({ kind, status, command, role, result: expected });
        }
      }
    });
  });
});

describe('structure of every lifecycle table', () => {
  describe.each(CASE_KINDS)('%s', (kind) => {
    const lifecycle = LIFECYCLES[kind];
    const terminal = new Set(lifecycle.terminal);

    it('uses only listed statuses in transitions, and "previous" only to resume', () => {
      for (const t of lifecycle.transitions) {
        for (const from of t.from) expect({ command: t.command, from, listed: lifecycle.statuses.includes(from) }).toEqual({ command: t.command, from, listed: true });
        if (t.to === 'previous') expect(t.command).toBe('resume');
        else if (t.to !== 'unchanged') expect({ command: t.command, to: t.to, listed: lifecycle.statuses.includes(t.to) }).toEqual({ command: t.command, to: t.to, listed: true });
      }
      for (const status of lifecycle.terminal) expect(lifecycle.statuses).toContain(status);
    });

    it('reaches every listed status from received', () => {
      const reached = new Set<CaseStatus>(['received']);
      for (let grew = true; grew; ) {
        grew = false;
        for (const t of lifecycle.transitions) {
          if (!t.from.some((s) => reached.has(s))) continue;
          // 'previous' returns to a status that led into the one it leaves; 'unchanged' stays.
          const targets =
            t.to === 'previous'
              ? lifecycle.transitions.filter((u) => typeof u.to === 'string' && t.from.includes(u.to as CaseStatus)).flatMap((u) => u.from)
              : t.to === 'unchanged'
                ? []
                : [t.to];
          for (const s of targets) {
            if (!reached.has(s)) {
              reached.add(s);
              grew = true;
            }
          }
        }
      }
      expect([...reached].sort()).toEqual([...lifecycle.statuses].sort());
    });

    it('leaves every non-terminal status by at least one transition, and no terminal one', () => {
      for (const status of lifecycle.statuses) {
        const leaving = lifecycle.transitions.filter((t) => t.from.includes(status)).map((t) => t.command);
        if (terminal.has(status)) expect({ status, leaving }).toEqual({ status, leaving: [] });
        else expect({ status, leaves: leaving.length > 0 }).toEqual({ status, leaves: true });
      }
    });

    it('never offers the same command twice from one status (the first match would hide the second)', () => {
      for (const status of lifecycle.statuses) {
        const commands = lifecycle.transitions.filter((t) => t.from.includes(status)).map((t) => t.command);
        expect({ status, commands }).toEqual({ status, commands: [...new Set(commands)] });
      }
    });

    it('cites an article or a numbered legal document for every transition', () => {
      for (const t of lifecycle.transitions) {
        expect({ command: t.command, cited: legalCitation.test(t.citation) }).toEqual({ command: t.command, cited: true });
      }
    });

    it('names every audit event in the past tense under case. or letter.', () => {
      for (const t of lifecycle.transitions) expect(t.event).toMatch(/^(case|letter)\.[a-z_]+$/);
    });

    it('lets only intake officers, handling officers and heads act: never an auditor, a citizen, an admin or an inspector', () => {
      for (const t of lifecycle.transitions) {
        expect(t.roles.length).toBeGreaterThan(0);
        for (const role of t.roles) expect(['intake_officer', 'handling_officer', 'agency_head']).toContain(role);
      }
    });

    it('starts only clocks whose rule is in the rule table with a period counted forward', () => {
      const starts = [...(lifecycle.onRegister.start ?? []), ...lifecycle.transitions.flatMap((t) => t.clocks?.start ?? [])];
      expect(starts.length).toBeGreaterThan(0);
      for (const spec of starts) {
        expect(isRuleId(spec.rule)).toBe(true);
        const rule = findRule(spec.rule);
        expect(LEGAL_RULES).toContain(rule);
        for (const version of rule.versions) expect({ clock: spec.clock, rule: spec.rule, period: version.period.kind }).toEqual({ clock: spec.clock, rule: spec.rule, period: 'forward' });
      }
    });

    it('gives the citizen only the appeal and finality windows, and the agency every other clock', () => {
      const starts = [...(lifecycle.onRegister.start ?? []), ...lifecycle.transitions.flatMap((t) => t.clocks?.start ?? [])];
      for (const spec of starts) {
        const citizen = spec.clock === 'appeal_window' || spec.clock === 'finality';
        expect({ clock: spec.clock, owner: spec.owner ?? 'agency' }).toEqual({ clock: spec.clock, owner: citizen ? 'citizen' : 'agency' });
      }
    });

    it('guards, pauses, resumes and extends only clocks the table starts', () => {
      const started = new Set([...(lifecycle.onRegister.start ?? []), ...lifecycle.transitions.flatMap((t) => t.clocks?.start ?? [])].map((s) => s.clock));
      for (const t of lifecycle.transitions) {
        const used = [...(t.guards ?? []).flatMap((g) => ('clock' in g ? [g.clock] : [])), ...(t.clocks?.pause ?? []), ...(t.clocks?.resume ?? []), ...(t.clocks?.extend ?? [])];
        for (const c of used) expect({ command: t.command, clock: c, started: started.has(c) }).toEqual({ command: t.command, clock: c, started: true });
      }
    });

    it('asks for a legal ground exactly when it names a ground list', () => {
      for (const t of lifecycle.transitions) {
        expect({ command: t.command, grounds: t.grounds !== undefined }).toEqual({ command: t.command, grounds: (t.requires ?? []).includes('legalGround') });
      }
    });
  });

  const groundLists = [...new Set(Object.values(LIFECYCLES).flatMap((l) => l.transitions.flatMap((t) => (t.grounds ? [t.grounds] : []))))].sort();

  it('uses exactly these ground lists', () => {
    expect(groundLists).toEqual(['complaint_refusal', 'denunciation_refusal', 'letter_refusal', 'reception_refusal', 'termination']);
  });

  /*
   * 'letter_refusal' and 'termination' were missing from competence/legal-grounds.ts when these
   * tests were first written (reported); they were added there while this suite was being written.
   */
  it.each(['complaint_refusal', 'denunciation_refusal', 'reception_refusal', 'letter_refusal', 'termination'] as const)(
    'finds the ground list %s in competence LEGAL_GROUND_LISTS, each ground with a code and a citation',
    (id) => {
      const lists: Readonly<Record<string, readonly { code: string; citation: string }[]>> = LEGAL_GROUND_LISTS;
      const list = lists[id] ?? [];
      expect(list.length).toBeGreaterThan(0);
      for (const ground of list) {
        expect(ground.code).toMatch(/^[a-z0-9_]+$/);
        expect(ground.citation.length).toBeGreaterThan(0);
      }
      expect(new Set(list.map((g) => g.code)).size).toBe(list.length);
    },
  );
});
