import type { ClockStartSpec, Lifecycle } from '../lifecycle-types';
import { HANDLING, INTAKE, LUAT_TCD, transferTransitions, TT_05 } from './shared';

const processing: ClockStartSpec = { clock: 'processing', rule: 'XLD-01', from: 'received_on' };

/**
 * Đơn: a received letter is classified and handled within XLD-01 (TT 05/2021 Art. 4): its
 * contents become cases of their kinds (a letter mixing complaint and denunciation is split),
 * or it is transferred, guided once, filed (lưu đơn) or refused.
 */
export const LETTER_LIFECYCLE: Lifecycle = {
  kind: 'letter',
  onRegister: { start: [processing] },
  statuses: ['received', 'transfer_pending', 'classified', 'guided', 'filed', 'refused'],
  terminal: ['classified', 'guided', 'filed', 'refused'],
  transitions: [
    {
      command: 'classify',
      from: ['received'],
      to: 'classified',
      event: 'letter.classified',
      citation: `${TT_05}, Điều 4, Điều 6`,
      roles: INTAKE,
      requires: ['contents'],
    },
    {
      command: 'guide',
      from: ['received'],
      to: 'guided',
      event: 'letter.guided',
      // Guidance to the competent agency is given once; a repeat is filed (TT 05/2021).
      citation: `${TT_05}, Điều 7`,
      roles: INTAKE,
      requires: ['targetAgency', 'note'],
    },
    {
      command: 'file',
      from: ['received'],
      to: 'filed',
      event: 'letter.filed',
      citation: `${TT_05}, Điều 6`,
      roles: INTAKE,
      requires: ['reason'],
    },
    {
      command: 'refuse',
      from: ['received'],
      to: 'refused',
      event: 'letter.refused',
      citation: `${TT_05}, Điều 6`,
      roles: INTAKE,
      requires: ['legalGround'],
      grounds: 'letter_refusal',
    },
    ...transferTransitions({ registrationClock: processing, responseRule: 'XLD-01', citation: `${TT_05}, Điều 4` }),
  ],
};

/**
 * Kiến nghị, phản ánh: processed as a letter (XLD-01); once accepted, the agency's own period
 * applies (PA-02, policy, never presented as law); a recommendation on a regulation is
 * transferred to the competent body (PA-01).
 */
export const RECOMMENDATION_LIFECYCLE: Lifecycle = {
  kind: 'recommendation',
  onRegister: { start: [processing] },
  statuses: ['received', 'transfer_pending', 'accepted', 'replied', 'guided', 'filed', 'refused', 'closed'],
  terminal: ['guided', 'filed', 'refused', 'closed'],
  transitions: [
    {
      command: 'accept',
      from: ['received'],
      to: 'accepted',
      event: 'case.accepted',
      citation: `${TT_05}, Điều 4`,
      roles: HANDLING,
      clocks: { stop: ['processing'], start: [{ clock: 'resolution', rule: 'PA-02', from: 'effective_date' }] },
    },
    {
      command: 'refuse',
      from: ['received'],
      to: 'refused',
      event: 'case.refused',
      citation: `${TT_05}, Điều 6`,
      roles: INTAKE,
      requires: ['legalGround'],
      grounds: 'letter_refusal',
    },
    {
      command: 'guide',
      from: ['received'],
      to: 'guided',
      event: 'case.guided',
      citation: `${TT_05}, Điều 7`,
      roles: INTAKE,
      requires: ['targetAgency', 'note'],
    },
    {
      command: 'file',
      from: ['received'],
      to: 'filed',
      event: 'case.filed',
      citation: `${TT_05}, Điều 6`,
      roles: INTAKE,
      requires: ['reason'],
    },
    ...transferTransitions({ registrationClock: processing, responseRule: 'XLD-01', citation: `Nghị định 20/2008/NĐ-CP, Điều 9; ${TT_05}, Điều 4` }),
    {
      command: 'reply',
      from: ['accepted'],
      to: 'replied',
      event: 'case.replied',
      citation: 'Nghị định 20/2008/NĐ-CP',
      roles: HANDLING,
      requires: ['documentNumber'],
      clocks: { stop: ['resolution'] },
    },
    { command: 'close', from: ['replied'], to: 'closed', event: 'case.closed', citation: 'Nghị định 20/2008/NĐ-CP', roles: HANDLING },
  ],
};

/**
 * Tiếp công dân: a reception record; the agency replies on the matters raised within TCD-01,
 * or refuses to receive with a written notice within TCD-03 (Luật TCD Art. 9).
 */
export const RECEPTION_LIFECYCLE: Lifecycle = {
  kind: 'reception',
  onRegister: { start: [{ clock: 'reply', rule: 'TCD-01', from: 'received_on' }] },
  statuses: ['received', 'refused', 'replied', 'closed'],
  terminal: ['closed'],
  transitions: [
    {
      command: 'refuse',
      from: ['received'],
      to: 'refused',
      event: 'case.reception_refused',
      citation: `${LUAT_TCD}, Điều 9`,
      roles: INTAKE,
      requires: ['legalGround'],
      grounds: 'reception_refusal',
      clocks: { stop: ['reply'], start: [{ clock: 'refusal_notice', rule: 'TCD-03', from: 'received_on' }] },
    },
    {
      command: 'reply',
      from: ['received', 'refused'],
      to: 'replied',
      event: 'case.replied',
      citation: `${LUAT_TCD}, Điều 28`,
      roles: INTAKE,
      requires: ['documentNumber'],
      clocks: { stop: ['reply', 'refusal_notice'] },
    },
    { command: 'close', from: ['replied'], to: 'closed', event: 'case.closed', citation: `${LUAT_TCD}, Điều 28`, roles: INTAKE },
  ],
};
