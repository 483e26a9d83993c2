import type { Role } from '../access';
import type { CaseCommand, CaseKind, CaseStatus } from '../case';
import type { RuleId } from '../rules';

/** The statutory clocks a case can run, several at once (MoJ Correspondence Tool style). */
export const CLOCK_NAMES = [
  'processing', // xử lý đơn (XLD-01)
  'acceptance', // thụ lý (KN-02, KN-06, KD-02A)
  'initial_processing', // xử lý ban đầu tố cáo (TC-01)
  'resolution', // giải quyết (KN-03, KN-07, KD-02B, TC-04, TC-08, PA-02)
  'acceptance_notice', // thông báo thụ lý tố cáo (TC-03)
  'suspension_notice', // thông báo tạm đình chỉ (TC-05)
  'send_decision', // gửi quyết định (KN-04, KN-08)
  'send_conclusion', // gửi kết luận (TC-06)
  'publication', // công khai kết luận (TC-07)
  'transfer_response', // cơ quan nhận xử lý đơn chuyển đến (XLD-01 / TC-01)
  'reply', // trả lời công dân (TCD-01)
  'refusal_notice', // thông báo từ chối tiếp (TCD-03)
  'appeal_window', // thời hạn khiếu nại lần hai / khởi kiện (KN-05): the citizen's clock
  'finality', // quyết định lần hai có hiệu lực (KN-09): the citizen's clock
] as const;

export type ClockName = (typeof CLOCK_NAMES)[number];

/**
 * agency: the agency must act before the due date; overdue escalates (legal-rules.md §6).
 * citizen: a window the citizen has (appeal, lawsuit); its expiry is recorded, never escalated.
 */
export type ClockOwner = 'agency' | 'citizen';

export interface ClockStartSpec {
  readonly clock: ClockName;
  readonly rule: RuleId;
  /** The date that starts it: the case's receipt date, or the date of the act being recorded. */
  readonly from: 'received_on' | 'effective_date';
  readonly owner?: ClockOwner;
}

/** What a transition does to the clocks. Entering a terminal status stops every clock. */
export interface ClockEffects {
  readonly start?: readonly ClockStartSpec[];
  readonly stop?: readonly ClockName[];
  /** Suspension (tạm đình chỉ): the clock does not run (or restarts on resume, per rule version). */
  readonly pause?: readonly ClockName[];
  readonly resume?: readonly ClockName[];
  /** TC-04 extension, or a complaint found complex (KN-03/KN-07 complex variant). */
  readonly extend?: readonly ClockName[];
}

/** Input a command must carry, beyond who acts. */
export type CommandField =
  | 'note'
  | 'reason' // lý do (free text, required for suspensions, extensions…)
  | 'legalGround' // căn cứ pháp lý from a ground set
  | 'targetAgency' // cơ quan nhận (transfer)
  | 'assignee' // cán bộ được giao
  | 'dialogueDate' // ngày đối thoại
  | 'documentNumber' // số quyết định / kết luận / văn bản
  | 'contents' // phân loại: the kinds a letter contains
  | 'priorityFlag'; // cờ theo dõi ưu tiên (complex, prolonged, land)

/** Lists of legal grounds a command picks from (libs/domain/src/competence). */
export type GroundSetId =
  | 'complaint_refusal' // Luật KN Art. 11
  | 'denunciation_refusal' // Luật TC Art. 29 (conditions not met)
  | 'reception_refusal' // Luật TCD Art. 9
  | 'letter_refusal' // TT 05/2021 (không đủ điều kiện xử lý)
  | 'termination'; // đình chỉ giải quyết

/** Conditions on the case's own state, beyond its status. */
export type TransitionGuard =
  | { readonly kind: 'clock_running'; readonly clock: ClockName }
  | { readonly kind: 'clock_stopped'; readonly clock: ClockName }
  | { readonly kind: 'can_extend'; readonly clock: ClockName }
  | { readonly kind: 'not_anonymous' };

export interface LifecycleTransition {
  readonly command: CaseCommand;
  readonly from: readonly CaseStatus[];
  /** 'unchanged': the status stays (assign, notices); 'previous': back to where it was (resume, return). */
  readonly to: CaseStatus | 'unchanged' | 'previous';
  /** Audit event type (past tense: what happened). */
  readonly event: string;
  /** The article that gives the act its legal footing. */
  readonly citation: string;
  /** Who may do it (the agency scope is checked by access control). */
  readonly roles: readonly Role[];
  readonly requires?: readonly CommandField[];
  readonly grounds?: GroundSetId;
  readonly clocks?: ClockEffects;
  readonly guards?: readonly TransitionGuard[];
  /** accept_transfer: the case moves to the receiving agency. */
  readonly movesToTargetAgency?: boolean;
}

export interface Lifecycle {
  readonly kind: CaseKind;
  /** Clocks started when the case is registered. */
  readonly onRegister: ClockEffects;
  /** Statuses the case can be in (the first is where it starts). */
  readonly statuses: readonly CaseStatus[];
  /** No command leaves them (every clock stops on entry). */
  readonly terminal: readonly CaseStatus[];
  readonly transitions: readonly LifecycleTransition[];
}
