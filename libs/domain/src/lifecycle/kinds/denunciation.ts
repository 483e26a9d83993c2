import type { CaseStatus } from '../../case';
import type { ClockStartSpec, Lifecycle, LifecycleTransition } from '../lifecycle-types';
import { assignTransition, HANDLING, HEAD, INTAKE, LUAT_TC, suspensionTransitions, transferTransitions } from './shared';

const open: CaseStatus[] = ['accepted', 'verifying'];

/** Kết luận → gửi kết luận (TC-06) → công khai (TC-07, without the denouncer's identity). */
function conclusionTransitions(concludeFrom: readonly CaseStatus[], stop: ClockStartSpec['clock'][]): LifecycleTransition[] {
  return [
    {
      command: 'conclude',
      from: concludeFrom,
      to: 'concluded',
      event: 'case.concluded',
      citation: `${LUAT_TC}, Điều 35`,
      roles: HEAD,
      requires: ['documentNumber'],
      clocks: {
        stop,
        start: [
          { clock: 'send_conclusion', rule: 'TC-06', from: 'effective_date' },
          { clock: 'publication', rule: 'TC-07', from: 'effective_date' },
        ],
      },
    },
    {
      command: 'send_conclusion',
      from: ['concluded'],
      to: 'conclusion_sent',
      event: 'case.conclusion_sent',
      citation: `${LUAT_TC}, Điều 40`,
      roles: HANDLING,
      clocks: { stop: ['send_conclusion'] },
    },
    {
      command: 'publish',
      from: ['concluded', 'conclusion_sent'],
      to: 'unchanged',
      event: 'case.conclusion_published',
      // Công khai kết luận nội dung tố cáo: Luật Tố cáo 2018, Điều 40 (its clause 2 lists the forms).
      citation: `${LUAT_TC}, Điều 40`,
      roles: HANDLING,
      guards: [{ kind: 'clock_running', clock: 'publication' }],
      clocks: { stop: ['publication'] },
    },
    {
      command: 'close',
      from: ['conclusion_sent'],
      to: 'closed',
      event: 'case.closed',
      citation: `${LUAT_TC}, Điều 40`,
      roles: HANDLING,
      // Publication is a duty of its own: the file closes once the conclusion is public.
      guards: [{ kind: 'clock_stopped', clock: 'publication' }],
    },
  ];
}

const initialProcessing: ClockStartSpec = { clock: 'initial_processing', rule: 'TC-01', from: 'received_on' };

/** Tố cáo (Luật Tố cáo 2018, Chương III). */
export const DENUNCIATION_LIFECYCLE: Lifecycle = {
  kind: 'denunciation',
  onRegister: { start: [initialProcessing] },
  statuses: ['received', 'transfer_pending', 'accepted', 'verifying', 'suspended', 'concluded', 'conclusion_sent', 'refused', 'checked', 'transferred_to_police', 'terminated', 'closed'],
  terminal: ['refused', 'checked', 'transferred_to_police', 'terminated', 'closed'],
  transitions: [
    {
      command: 'accept',
      from: ['received'],
      to: 'accepted',
      event: 'case.accepted',
      citation: `${LUAT_TC}, Điều 29`,
      roles: HEAD,
      guards: [{ kind: 'not_anonymous' }],
      clocks: {
        stop: ['initial_processing'],
        start: [
          { clock: 'resolution', rule: 'TC-04', from: 'effective_date' },
          { clock: 'acceptance_notice', rule: 'TC-03', from: 'effective_date' },
        ],
      },
    },
    {
      command: 'refuse',
      from: ['received'],
      to: 'refused',
      event: 'case.refused',
      citation: `${LUAT_TC}, Điều 29`,
      roles: HEAD,
      requires: ['legalGround'],
      grounds: 'denunciation_refusal',
    },
    {
      // Anonymous or unsigned: not resolved as a denunciation, but checked when specific (Art. 25(2)).
      command: 'record_check',
      from: ['received'],
      to: 'checked',
      event: 'case.anonymous_checked',
      citation: `${LUAT_TC}, Điều 25 khoản 2`,
      roles: HANDLING,
      requires: ['note'],
    },
    {
      command: 'transfer_to_police',
      from: ['received', ...open, 'suspended'],
      to: 'transferred_to_police',
      event: 'case.transferred_to_police',
      citation: `${LUAT_TC}, Điều 24 khoản 3`,
      roles: HEAD,
      requires: ['targetAgency', 'documentNumber'],
    },
    ...transferTransitions({ registrationClock: initialProcessing, responseRule: 'TC-01', citation: `${LUAT_TC}, Điều 24 khoản 1 điểm b` }),
    {
      command: 'send_acceptance_notice',
      from: [...open, 'suspended'],
      to: 'unchanged',
      event: 'case.acceptance_notice_sent',
      citation: `${LUAT_TC}, Điều 29 khoản 2`,
      roles: HANDLING,
      guards: [{ kind: 'clock_running', clock: 'acceptance_notice' }],
      clocks: { stop: ['acceptance_notice'] },
    },
    assignTransition([...open, 'suspended'], `${LUAT_TC}, Điều 31`),
    {
      command: 'start_verification',
      from: ['accepted'],
      to: 'verifying',
      event: 'case.verification_started',
      // Xác minh nội dung tố cáo: Luật Tố cáo 2018, Điều 31.
      citation: `${LUAT_TC}, Điều 31`,
      roles: HANDLING,
    },
    {
      command: 'extend',
      from: open,
      to: 'unchanged',
      event: 'case.extended',
      citation: `${LUAT_TC}, Điều 30; Nghị định 31/2019/NĐ-CP, Điều 3`,
      roles: HEAD,
      requires: ['reason', 'documentNumber'],
      guards: [{ kind: 'can_extend', clock: 'resolution' }],
      clocks: { extend: ['resolution'] },
    },
    // Tạm đình chỉ việc giải quyết tố cáo: Luật Tố cáo 2018, Điều 34 (Điều 31 is verification).
    ...suspensionTransitions({
      from: open,
      clock: 'resolution',
      citation: `${LUAT_TC}, Điều 34`,
      notice: { clock: 'suspension_notice', rule: 'TC-05', from: 'effective_date' },
    }),
    {
      command: 'send_suspension_notice',
      from: ['suspended', ...open],
      to: 'unchanged',
      event: 'case.suspension_notice_sent',
      citation: `${LUAT_TC}, Điều 34 khoản 3`,
      roles: HANDLING,
      guards: [{ kind: 'clock_running', clock: 'suspension_notice' }],
      clocks: { stop: ['suspension_notice'] },
    },
    {
      command: 'withdraw',
      from: ['received', 'transfer_pending', ...open, 'suspended'],
      to: 'terminated',
      event: 'case.withdrawn',
      citation: `${LUAT_TC}, Điều 33`,
      roles: INTAKE,
      requires: ['documentNumber'],
    },
    {
      command: 'terminate',
      from: [...open, 'suspended'],
      to: 'terminated',
      event: 'case.terminated',
      citation: `${LUAT_TC}, Điều 34 khoản 2`,
      roles: HEAD,
      requires: ['legalGround', 'documentNumber'],
      grounds: 'termination',
    },
    ...conclusionTransitions(open, ['resolution']),
  ],
};

/**
 * Tố cáo tiếp: a denunciation resolved allegedly wrongly is reviewed by the superior within
 * 20 days (TC-08, Luật TC Art. 37), who upholds it or concludes anew.
 */
export const DENUNCIATION_REVIEW_LIFECYCLE: Lifecycle = {
  kind: 'denunciation_review',
  onRegister: { start: [{ clock: 'resolution', rule: 'TC-08', from: 'received_on' }] },
  statuses: ['received', 'accepted', 'verifying', 'concluded', 'conclusion_sent', 'refused', 'closed'],
  terminal: ['refused', 'closed'],
  transitions: [
    {
      command: 'accept',
      from: ['received'],
      to: 'accepted',
      event: 'case.accepted',
      citation: `${LUAT_TC}, Điều 37`,
      roles: HEAD,
    },
    {
      command: 'refuse',
      from: ['received'],
      to: 'refused',
      event: 'case.refused',
      citation: `${LUAT_TC}, Điều 37`,
      roles: HEAD,
      requires: ['legalGround'],
      grounds: 'denunciation_refusal',
    },
    assignTransition(open, `${LUAT_TC}, Điều 37`),
    {
      command: 'start_verification',
      from: ['accepted'],
      to: 'verifying',
      event: 'case.verification_started',
      citation: `${LUAT_TC}, Điều 37`,
      roles: HANDLING,
    },
    ...conclusionTransitions(open, ['resolution']),
  ],
};
