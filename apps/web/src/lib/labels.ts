import { CASE_COMMAND_LABELS, CASE_REGISTERED_EVENT, LIFECYCLES, type ClockName, type LocalizedText } from '@donthu/domain';

// Words the console shows that libs/domain does not label yet (clock names, milestones, channels).
// TODO(next session): move them next to CLOCK_NAMES in libs/domain if the api or e-mails need them.

export const CLOCK_LABELS: Record<ClockName, LocalizedText> = {
  processing: { vi: 'Xử lý đơn', en: 'Process the letter' },
  acceptance: { vi: 'Thụ lý', en: 'Accept or refuse' },
  initial_processing: { vi: 'Xử lý ban đầu tố cáo', en: 'Initial processing of the denunciation' },
  resolution: { vi: 'Giải quyết', en: 'Resolve' },
  acceptance_notice: { vi: 'Thông báo thụ lý tố cáo', en: 'Acceptance notice' },
  suspension_notice: { vi: 'Thông báo tạm đình chỉ', en: 'Suspension notice' },
  send_decision: { vi: 'Gửi quyết định', en: 'Send the decision' },
  send_conclusion: { vi: 'Gửi kết luận', en: 'Send the conclusion' },
  publication: { vi: 'Công khai kết luận', en: 'Publish the conclusion' },
  transfer_response: { vi: 'Cơ quan nhận xử lý đơn chuyển đến', en: 'Receiving agency’s answer to the transfer' },
  reply: { vi: 'Trả lời công dân', en: 'Reply to the citizen' },
  refusal_notice: { vi: 'Thông báo từ chối tiếp', en: 'Notice of refused reception' },
  appeal_window: { vi: 'Thời hạn khiếu nại lần hai, khởi kiện', en: 'Window to appeal or sue' },
  finality: { vi: 'Quyết định lần hai có hiệu lực', en: 'Second-level decision becomes final' },
};

export function clockLabel(name: string): LocalizedText {
  return CLOCK_LABELS[name as ClockName] ?? { vi: name, en: name };
}

const MILESTONE_LABELS: Record<string, LocalizedText> = {
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  due_today: { vi: 'Đến hạn hôm nay', en: 'Due today' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  escalated_inspectorate: { vi: 'Báo cáo thanh tra cùng cấp', en: 'Escalated to the inspectorate' },
  escalated_superior: { vi: 'Báo cáo cơ quan cấp trên', en: 'Escalated to the superior' },
  very_overdue: { vi: 'Quá hạn nghiêm trọng', en: 'Very overdue' },
  expired: { vi: 'Hết thời hạn', en: 'Expired' },
};

export function milestoneLabel(milestone: string): LocalizedText {
  return MILESTONE_LABELS[milestone] ?? { vi: milestone, en: milestone };
}

/** The receipt channels of the api's RegisterCaseDto (apps/api/src/cases/register-case). */
export const RECEIPT_CHANNELS = ['in_person', 'post', 'email', 'portal', 'hotline', 'transferred'] as const;
export const CHANNEL_LABELS: Record<string, LocalizedText> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  post: { vi: 'Bưu chính', en: 'Post' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  portal: { vi: 'Cổng dịch vụ công', en: 'Online portal' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  transferred: { vi: 'Cơ quan khác chuyển đến', en: 'Transferred by another agency' },
};

const OTHER_EVENTS: Record<string, LocalizedText> = {
  [CASE_REGISTERED_EVENT]: { vi: 'Tiếp nhận', en: 'Registered' },
  'clock.recomputed': { vi: 'Tính lại thời hạn', en: 'Deadline recomputed' },
  'attachment.uploaded': { vi: 'Đính kèm tài liệu', en: 'File attached' },
  'identity.revealed': { vi: 'Xem danh tính', en: 'Identity revealed' },
  'identity.reveal_refused': { vi: 'Từ chối xem danh tính', en: 'Identity reveal refused' },
};

/** Audit event type → words: a lifecycle event is named after its command (case.accepted → Thụ lý). */
const EVENT_LABELS: Record<string, LocalizedText> = (() => {
  const labels: Record<string, LocalizedText> = { ...OTHER_EVENTS };
  for (const lifecycle of Object.values(LIFECYCLES)) for (const t of lifecycle.transitions) labels[t.event] ??= CASE_COMMAND_LABELS[t.command];
  return labels;
})();

export function eventLabel(type: string): LocalizedText {
  if (EVENT_LABELS[type]) return EVENT_LABELS[type];
  if (type.startsWith('clock.')) return milestoneLabel(type.slice('clock.'.length));
  return { vi: type, en: type };
}
