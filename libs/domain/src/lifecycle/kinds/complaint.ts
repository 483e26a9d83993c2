import type { CaseKind, CaseStatus } from '../../case';
import type { RuleId } from '../../rules';
import type { ClockStartSpec, Lifecycle } from '../lifecycle-types';
import { assignTransition, HANDLING, HEAD, INTAKE, LUAT_KN, suspensionTransitions, transferTransitions, TT_05 } from './shared';

interface ComplaintLevel {
  kind: CaseKind;
  acceptance: { rule: RuleId; article: string };
  resolution: { rule: RuleId; article: string };
  verificationArticle: string;
  dialogue: { article: string; mandatory: boolean };
  decisionArticle: string;
  send?: { rule: RuleId; article: string };
  /** The citizen's window that opens when the decision is sent (KN-05 appeal, KN-09 finality). */
  afterSent?: { clock: 'appeal_window' | 'finality'; rule: RuleId };
}

/**
 * Administrative complaints (khiếu nại) at first and second level, and disciplinary complaints:
 * the same shape of procedure (Luật KN Chương III), different periods and articles.
 */
function complaintLifecycle(level: ComplaintLevel): Lifecycle {
  const acceptanceClock: ClockStartSpec = { clock: 'acceptance', rule: level.acceptance.rule, from: 'received_on' };
  const open: CaseStatus[] = ['accepted', 'verifying', 'dialogue'];
  const decideFrom: CaseStatus[] = level.dialogue.mandatory ? ['dialogue'] : open;
  return {
    kind: level.kind,
    onRegister: { start: [acceptanceClock] },
    statuses: ['received', 'transfer_pending', 'accepted', 'verifying', 'dialogue', 'suspended', 'decided', 'decision_sent', 'refused', 'terminated', 'closed'],
    terminal: ['refused', 'terminated', 'closed'],
    transitions: [
      {
        command: 'accept',
        from: ['received'],
        to: 'accepted',
        event: 'case.accepted',
        citation: `${LUAT_KN}, ${level.acceptance.article}`,
        roles: HANDLING,
        clocks: { stop: ['acceptance'], start: [{ clock: 'resolution', rule: level.resolution.rule, from: 'effective_date' }] },
      },
      {
        command: 'refuse',
        from: ['received'],
        to: 'refused',
        event: 'case.refused',
        citation: `${LUAT_KN}, Điều 11; ${level.acceptance.article}`,
        roles: HANDLING,
        requires: ['legalGround'],
        grounds: 'complaint_refusal',
      },
      ...transferTransitions({ registrationClock: acceptanceClock, responseRule: 'XLD-01', citation: `${TT_05}, Điều 4; ${LUAT_KN}, Điều 11` }),
      assignTransition([...open, 'suspended'], `${LUAT_KN}, ${level.verificationArticle}`),
      {
        command: 'start_verification',
        from: ['accepted'],
        to: 'verifying',
        event: 'case.verification_started',
        citation: `${LUAT_KN}, ${level.verificationArticle}`,
        roles: HANDLING,
      },
      {
        command: 'schedule_dialogue',
        from: ['accepted', 'verifying'],
        to: 'dialogue',
        event: 'case.dialogue_scheduled',
        // KN-10: the parties are notified at least 5 working days before the dialogue.
        citation: `${LUAT_KN}, ${level.dialogue.article}; Nghị định 124/2020/NĐ-CP, Điều 23`,
        roles: HANDLING,
        requires: ['dialogueDate'],
      },
      {
        command: 'extend',
        from: open,
        to: 'unchanged',
        event: 'case.found_complex',
        // Vụ việc phức tạp: the longer period of the same article (set with a reason).
        citation: `${LUAT_KN}, ${level.resolution.article}`,
        roles: HEAD,
        requires: ['reason'],
        guards: [{ kind: 'can_extend', clock: 'resolution' }],
        clocks: { extend: ['resolution'] },
      },
      ...suspensionTransitions({
        from: open,
        clock: 'resolution',
        citation: 'Nghị định 124/2020/NĐ-CP; Nghị định 155/2026/NĐ-CP từ 01/07/2026 (KN-11)',
      }),
      {
        command: 'decide',
        from: decideFrom,
        to: 'decided',
        event: 'case.decided',
        citation: `${LUAT_KN}, ${level.decisionArticle}`,
        roles: HEAD,
        requires: ['documentNumber'],
        clocks: {
          stop: ['resolution'],
          ...(level.send ? { start: [{ clock: 'send_decision', rule: level.send.rule, from: 'effective_date' } as const] } : {}),
        },
      },
      {
        command: 'send_decision',
        from: ['decided'],
        to: 'decision_sent',
        event: 'case.decision_sent',
        // Without a sending rule of its own (disciplinary complaints), the decision's article, never the acceptance's.
        citation: `${LUAT_KN}, ${level.send?.article ?? level.decisionArticle}`,
        roles: HANDLING,
        clocks: {
          stop: ['send_decision'],
          ...(level.afterSent ? { start: [{ clock: level.afterSent.clock, rule: level.afterSent.rule, from: 'effective_date', owner: 'citizen' } as const] } : {}),
        },
      },
      {
        command: 'withdraw',
        from: ['received', 'transfer_pending', ...open, 'suspended'],
        to: 'terminated',
        event: 'case.withdrawn',
        citation: `${LUAT_KN}, Điều 10`,
        roles: INTAKE,
        requires: ['documentNumber'],
      },
      {
        command: 'terminate',
        from: [...open, 'suspended'],
        to: 'terminated',
        event: 'case.terminated',
        citation: 'Nghị định 124/2020/NĐ-CP (đình chỉ giải quyết khiếu nại)',
        roles: HEAD,
        requires: ['legalGround', 'documentNumber'],
        grounds: 'termination',
      },
      {
        command: 'close',
        from: ['decision_sent'],
        to: 'closed',
        event: 'case.closed',
        citation: `${LUAT_KN}, ${level.decisionArticle}`,
        roles: HANDLING,
      },
    ],
  };
}

export const COMPLAINT_LIFECYCLE = complaintLifecycle({
  kind: 'complaint',
  acceptance: { rule: 'KN-02', article: 'Điều 27' },
  resolution: { rule: 'KN-03', article: 'Điều 28' },
  verificationArticle: 'Điều 29',
  dialogue: { article: 'Điều 30', mandatory: false },
  decisionArticle: 'Điều 31',
  send: { rule: 'KN-04', article: 'Điều 31' },
  afterSent: { clock: 'appeal_window', rule: 'KN-05' },
});

/** Second level: dialogue is mandatory before the decision (Luật KN Art. 39). */
export const COMPLAINT_SECOND_LEVEL_LIFECYCLE = complaintLifecycle({
  kind: 'complaint_second_level',
  acceptance: { rule: 'KN-06', article: 'Điều 36' },
  resolution: { rule: 'KN-07', article: 'Điều 37' },
  verificationArticle: 'Điều 38',
  dialogue: { article: 'Điều 39', mandatory: true },
  decisionArticle: 'Điều 40',
  send: { rule: 'KN-08', article: 'Điều 41' },
  afterSent: { clock: 'finality', rule: 'KN-09' },
});

/** Complaints against disciplinary decisions of civil servants (Luật KN Chương IV). */
export const DISCIPLINARY_COMPLAINT_LIFECYCLE = complaintLifecycle({
  kind: 'disciplinary_complaint',
  acceptance: { rule: 'KD-02A', article: 'Điều 50' },
  resolution: { rule: 'KD-02B', article: 'Điều 51' },
  verificationArticle: 'Điều 51',
  dialogue: { article: 'Điều 51', mandatory: false },
  decisionArticle: 'Điều 51',
});
