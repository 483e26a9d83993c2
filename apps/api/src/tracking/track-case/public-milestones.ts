import { CASE_REGISTERED_EVENT, type ClockName, type LocalizedText } from '@donthu/domain';
import { todayInVietnam } from '../../common/local-date';

/**
 * What a citizen may see of a case's history: the acts the agency tells them about in writing
 * (receipt, acceptance or refusal, transfer to the competent agency, decision or conclusion and
 * its sending, the end of the case). An allow-list by audit event type: anything not listed here
 * (assignment, verification, extensions, suspensions, notices, clock milestones, escalations,
 * any event added later) stays internal until someone decides otherwise. Nothing of the event's
 * payload is passed on except its date: no officer, note, reason, legal ground or document number.
 */
export const PUBLIC_MILESTONES = {
  received: { vi: 'Đã tiếp nhận đơn', en: 'Received' },
  classified: { vi: 'Đã phân loại, xử lý đơn', en: 'Letter classified into cases' },
  accepted: { vi: 'Đã thụ lý giải quyết', en: 'Accepted for resolution' },
  refused: { vi: 'Không thụ lý', en: 'Not accepted' },
  reception_refused: { vi: 'Từ chối tiếp công dân', en: 'Reception refused' },
  transferred: { vi: 'Đã chuyển đến cơ quan có thẩm quyền', en: 'Transferred to the competent agency' },
  guided: { vi: 'Đã hướng dẫn gửi đến cơ quan có thẩm quyền', en: 'Guided to the competent agency' },
  filed: { vi: 'Lưu đơn', en: 'Filed without further action' },
  decided: { vi: 'Đã ban hành quyết định giải quyết', en: 'Decision issued' },
  decision_sent: { vi: 'Đã gửi quyết định giải quyết', en: 'Decision sent' },
  concluded: { vi: 'Đã kết luận nội dung tố cáo', en: 'Conclusion issued' },
  conclusion_sent: { vi: 'Đã gửi kết luận', en: 'Conclusion sent' },
  conclusion_published: { vi: 'Đã công khai kết luận', en: 'Conclusion made public' },
  replied: { vi: 'Đã trả lời', en: 'Replied' },
  checked: { vi: 'Đã kiểm tra, xử lý theo thẩm quyền', en: 'Checked and handled' },
  transferred_to_police: { vi: 'Đã chuyển cơ quan điều tra', en: 'Transferred to the investigating authority' },
  withdrawn: { vi: 'Đã rút đơn', en: 'Withdrawn' },
  terminated: { vi: 'Đình chỉ giải quyết', en: 'Resolution terminated' },
  closed: { vi: 'Đã kết thúc hồ sơ', en: 'Closed' },
} as const satisfies Record<string, LocalizedText>;

export type PublicMilestoneType = keyof typeof PUBLIC_MILESTONES;
export const PUBLIC_MILESTONE_TYPES = Object.keys(PUBLIC_MILESTONES) as PublicMilestoneType[];

/** Audit event type → the public milestone it is. */
const PUBLIC_EVENTS: Readonly<Record<string, PublicMilestoneType>> = {
  [CASE_REGISTERED_EVENT]: 'received',
  'letter.classified': 'classified',
  'case.accepted': 'accepted',
  'case.refused': 'refused',
  'letter.refused': 'refused',
  'case.reception_refused': 'reception_refused',
  // The transfer is a milestone once the competent agency has taken the case; while it is
  // pending (and if it is returned) the status says so, and internal routing stays internal.
  'case.transfer_accepted': 'transferred',
  'case.guided': 'guided',
  'letter.guided': 'guided',
  'case.filed': 'filed',
  'letter.filed': 'filed',
  'case.decided': 'decided',
  'case.decision_sent': 'decision_sent',
  'case.concluded': 'concluded',
  'case.conclusion_sent': 'conclusion_sent',
  'case.conclusion_published': 'conclusion_published',
  'case.replied': 'replied',
  'case.anonymous_checked': 'checked',
  'case.transferred_to_police': 'transferred_to_police',
  'case.withdrawn': 'withdrawn',
  'case.terminated': 'terminated',
  'case.closed': 'closed',
};

/** The audit event types worth reading for a citizen (to filter in SQL). */
export const PUBLIC_EVENT_TYPES: readonly string[] = Object.keys(PUBLIC_EVENTS);

export interface AuditEventFacts {
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export interface PublicMilestone {
  type: PublicMilestoneType;
  /** Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  date: string;
  label: LocalizedText;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date the act took legal effect: the receipt date for the registration, the act's effective
 * date for a command (it may precede its recording), else the day it was recorded, in Vietnam.
 */
function milestoneDate(event: AuditEventFacts): string {
  const given = event.type === CASE_REGISTERED_EVENT ? event.payload.receivedOn : event.payload.effectiveDate;
  return typeof given === 'string' && LOCAL_DATE.test(given) ? given : todayInVietnam(event.occurredAt);
}

/** A case's audit events (in sequence order) as the milestones a citizen sees. */
export function publicMilestones(events: readonly AuditEventFacts[]): PublicMilestone[] {
  const milestones: PublicMilestone[] = [];
  for (const event of events) {
    const type = Object.hasOwn(PUBLIC_EVENTS, event.type) ? PUBLIC_EVENTS[event.type] : undefined;
    if (type) milestones.push({ type, date: milestoneDate(event), label: PUBLIC_MILESTONES[type] });
  }
  return milestones;
}

/** What the agency owes next, as a citizen reads it. */
const DEADLINE_LABELS: Readonly<Partial<Record<ClockName, LocalizedText>>> = {
  processing: { vi: 'Hạn xử lý đơn', en: 'Deadline to process the letter' },
  acceptance: { vi: 'Hạn thụ lý', en: 'Deadline to accept or refuse' },
  initial_processing: { vi: 'Hạn xử lý ban đầu đơn tố cáo', en: 'Deadline to process the denunciation' },
  resolution: { vi: 'Hạn giải quyết', en: 'Deadline to resolve' },
  acceptance_notice: { vi: 'Hạn thông báo thụ lý', en: 'Deadline to notify the acceptance' },
  suspension_notice: { vi: 'Hạn thông báo tạm đình chỉ', en: 'Deadline to notify the suspension' },
  send_decision: { vi: 'Hạn gửi quyết định giải quyết', en: 'Deadline to send the decision' },
  send_conclusion: { vi: 'Hạn gửi kết luận', en: 'Deadline to send the conclusion' },
  publication: { vi: 'Hạn công khai kết luận', en: 'Deadline to publish the conclusion' },
  transfer_response: { vi: 'Hạn cơ quan nhận xử lý đơn chuyển đến', en: 'Deadline for the receiving agency to take the case' },
  reply: { vi: 'Hạn trả lời', en: 'Deadline to reply' },
  refusal_notice: { vi: 'Hạn thông báo từ chối tiếp', en: 'Deadline to notify the refusal' },
};
const GENERIC_DEADLINE: LocalizedText = { vi: 'Hạn xử lý', en: 'Deadline' };

export interface ClockFacts {
  name: string;
  owner: 'agency' | 'citizen';
  status: 'running' | 'paused' | 'stopped';
  dueDate: string;
}

export interface PublicDeadline {
  date: string;
  label: LocalizedText;
}

/**
 * The earliest due date among the agency's running clocks (its statutory due date), or null when
 * none runs (decided, suspended, closed). The citizen's own windows are not the agency's deadline.
 */
export function currentDeadline(clocks: readonly ClockFacts[]): PublicDeadline | null {
  let next: ClockFacts | undefined;
  for (const clock of clocks) {
    if (clock.owner !== 'agency' || clock.status !== 'running') continue;
    if (!next || clock.dueDate < next.dueDate) next = clock;
  }
  if (!next) return null;
  return { date: next.dueDate, label: DEADLINE_LABELS[next.name as ClockName] ?? GENERIC_DEADLINE };
}
