import type { LocalizedText } from '../calendar/localized-text';
import type { RuleConfidence } from '../rules/rule-types';

/** A reason an officer selects (refusal, condition not met), with the article behind it. */
export interface LegalGround {
  readonly code: string;
  readonly citation: string;
  readonly label: LocalizedText;
  readonly confidence: RuleConfidence;
}

function ground(code: string, citation: string, vi: string, en: string, confidence: RuleConfidence = 'confirmed'): LegalGround {
  return { code, citation, label: { vi, en }, confidence };
}

const KN_11 = 'Luật Khiếu nại 2011, Điều 11';

/**
 * Complaints not accepted (không thụ lý), Luật KN Art. 11 clauses 1–9 as in the 2011 text.
 * legal-rules.md paraphrases the list in another order (its (5)–(7), (9) differ); the law's
 * numbering is used, to be confirmed against the text as amended by Law 136/2025/QH15.
 */
export const COMPLAINT_REFUSAL_GROUNDS: readonly LegalGround[] = [
  ground('internal_or_normative_act', `${KN_11} khoản 1`, 'Quyết định, hành vi hành chính nội bộ, chỉ đạo điều hành, có chứa quy phạm pháp luật hoặc thuộc bí mật nhà nước', 'Internal or steering act, normative decision, or state-secret matter', 'check'),
  ground('not_affecting_complainant', `${KN_11} khoản 2`, 'Quyết định, hành vi bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại', 'The decision or act does not directly affect the complainant’s lawful rights', 'check'),
  ground('no_capacity_no_representative', `${KN_11} khoản 3`, 'Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp', 'Complainant lacks full legal capacity and has no lawful representative', 'check'),
  ground('unlawful_representative', `${KN_11} khoản 4`, 'Người đại diện không hợp pháp', 'The representative is not lawful', 'check'),
  ground('unsigned', `${KN_11} khoản 5`, 'Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại', 'The complaint is not signed or fingerprinted by the complainant', 'check'),
  ground('limitation_expired', `${KN_11} khoản 6`, 'Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng', 'The limitation period expired without lawful reason', 'check'),
  ground('second_level_decided', `${KN_11} khoản 7`, 'Khiếu nại đã có quyết định giải quyết khiếu nại lần hai', 'A second-level decision already exists', 'check'),
  ground('termination_notice_30_days', `${KN_11} khoản 8`, 'Có văn bản thông báo đình chỉ việc giải quyết mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại', 'Not pursued within 30 days of a termination notice (KN-12)'),
  ground('court_seized', `${KN_11} khoản 9`, 'Việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án', 'Already accepted or decided by a court', 'check'),
];

const TC_29 = 'Luật Tố cáo 2018, Điều 29 khoản 1';

/** Conditions for accepting a denunciation (thụ lý tố cáo); one not met is the refusal ground. */
export const DENUNCIATION_ACCEPTANCE_CONDITIONS: readonly LegalGround[] = [
  ground('form_requirements', `${TC_29} điểm a; Điều 22, Điều 23`, 'Tố cáo đúng hình thức: ghi rõ họ tên, địa chỉ người tố cáo, nội dung, có chữ ký', 'Lodged in due form: denouncer’s name and address, content, signature'),
  ground('denouncer_capacity', `${TC_29} điểm b`, 'Người tố cáo có năng lực hành vi dân sự đầy đủ hoặc có người đại diện', 'Denouncer has full legal capacity or a representative'),
  ground('within_competence', `${TC_29} điểm c`, 'Vụ việc thuộc thẩm quyền của cơ quan tiếp nhận', 'Within the receiving agency’s competence'),
  ground('verifiable_content', `${TC_29} điểm d`, 'Nội dung tố cáo cụ thể, có cơ sở để xác minh', 'The content is specific and can be verified'),
  // legal-rules.md §3 lists it among the Art. 29 conditions; exact clause to confirm.
  ground('not_resolved_without_new_facts', 'Luật Tố cáo 2018, Điều 29', 'Không phải vụ việc đã giải quyết mà tố cáo lại không có thông tin, tài liệu, chứng cứ mới', 'Not an already resolved matter repeated without new information', 'check'),
];

const TCD_9 = 'Luật Tiếp công dân 2013, Điều 9';

/** Grounds to refuse receiving a citizen (từ chối tiếp); written notice within 3 working days (TCD-03). */
export const RECEPTION_REFUSAL_GROUNDS: readonly LegalGround[] = [
  ground('incapacitated', `${TCD_9} khoản 1`, 'Người trong tình trạng say do dùng chất kích thích, mắc bệnh tâm thần hoặc bệnh làm mất khả năng nhận thức, điều khiển hành vi', 'Intoxicated, or lacking awareness or self-control through illness'),
  ground('threatening_or_disorderly', `${TCD_9} khoản 2`, 'Có hành vi đe dọa, xúc phạm người tiếp công dân hoặc vi phạm nội quy nơi tiếp công dân', 'Threatening or insulting behaviour, or breach of the reception rules'),
  ground('resolved_and_repeated', `${TCD_9} khoản 3`, 'Vụ việc đã giải quyết đúng pháp luật, đã được kiểm tra, rà soát, thông báo, giải thích mà vẫn cố ý khiếu nại, tố cáo kéo dài', 'Matter lawfully resolved, reviewed and explained, yet deliberately repeated'),
  ground('other_legal_ground', `${TCD_9} khoản 4`, 'Trường hợp khác theo quy định của pháp luật', 'Other cases provided by law'),
];

const TT_05 = 'Thông tư 05/2021/TT-TTCP';

/**
 * Letters not handled further (đơn không đủ điều kiện xử lý) and kept (lưu đơn). TT 05/2021 lists
 * these conditions; the clause numbers were not read from the text here, hence `check`.
 */
export const LETTER_REFUSAL_GROUNDS: readonly LegalGround[] = [
  ground('unclear_content', `${TT_05}, Điều 6`, 'Đơn không rõ nội dung, không có thông tin để xử lý', 'The letter has no intelligible content to act on', 'check'),
  ground('no_sender_identity', `${TT_05}, Điều 6`, 'Đơn không ghi rõ họ tên, địa chỉ người gửi (trừ tố cáo có nội dung cụ thể, Luật Tố cáo 2018, Điều 25)', 'No name or address of the sender (except a specific denunciation, Luật TC Art. 25)', 'check'),
  ground('already_handled_no_new_facts', `${TT_05}, Điều 6`, 'Đơn đã được xử lý, hướng dẫn, không có tình tiết mới', 'Already handled or guided, with no new facts', 'check'),
  ground('copy_to_several_agencies', `${TT_05}, Điều 6`, 'Đơn gửi đồng thời nhiều cơ quan, đã gửi đến cơ quan có thẩm quyền', 'Sent to several agencies, the competent one included', 'check'),
];

/** Grounds to terminate the resolution (đình chỉ giải quyết) other than withdrawal, which has its own command. */
export const TERMINATION_GROUNDS: readonly LegalGround[] = [
  ground('party_died_no_successor', 'Luật Khiếu nại 2011; Luật Tố cáo 2018 (đình chỉ giải quyết)', 'Người khiếu nại, người bị tố cáo chết mà không có người kế thừa quyền, nghĩa vụ hoặc nội dung không còn xử lý được', 'The complainant or the accused died without a successor, or the matter can no longer be dealt with', 'check'),
  ground('organisation_dissolved', 'Luật Khiếu nại 2011 (đình chỉ giải quyết)', 'Cơ quan, tổ chức khiếu nại đã giải thể mà không có tổ chức kế thừa', 'The complaining organisation was dissolved with no successor', 'check'),
  ground('court_accepted', 'Luật Khiếu nại 2011, Điều 11 khoản 9', 'Người khiếu nại khởi kiện vụ án hành chính và Tòa án đã thụ lý', 'The complainant sued and the court accepted the case', 'check'),
];

/** Ground lists by the ids the lifecycle tables use (lifecycle GroundSetId). */
export const LEGAL_GROUND_LISTS = {
  complaint_refusal: COMPLAINT_REFUSAL_GROUNDS,
  denunciation_refusal: DENUNCIATION_ACCEPTANCE_CONDITIONS,
  reception_refusal: RECEPTION_REFUSAL_GROUNDS,
  letter_refusal: LETTER_REFUSAL_GROUNDS,
  termination: TERMINATION_GROUNDS,
} as const satisfies Record<string, readonly LegalGround[]>;

export type LegalGroundListId = keyof typeof LEGAL_GROUND_LISTS;

/** The ground with `code` in list `listId`, or undefined (an unknown code must be refused by the caller). */
export function findLegalGround(listId: LegalGroundListId, code: string): LegalGround | undefined {
  return LEGAL_GROUND_LISTS[listId].find((g) => g.code === code);
}
