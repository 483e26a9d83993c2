import type { LocalizedText } from '../calendar';

/** Lifecycle states, shared by every kind (each kind's table uses the ones it needs). */
export const CASE_STATUSES = [
  'received', // đã tiếp nhận
  'classified', // đã phân loại (letters)
  'accepted', // đã thụ lý
  'verifying', // đang xác minh
  'dialogue', // đang đối thoại
  'suspended', // tạm đình chỉ
  'transfer_pending', // đang chuyển, chờ cơ quan nhận
  'decided', // đã ban hành quyết định giải quyết
  'decision_sent', // đã gửi quyết định
  'concluded', // đã kết luận nội dung tố cáo
  'conclusion_sent', // đã gửi kết luận
  'replied', // đã trả lời
  'refused', // không thụ lý / từ chối
  'transferred', // đã chuyển cơ quan có thẩm quyền (letters)
  'guided', // đã hướng dẫn
  'filed', // lưu đơn
  'terminated', // đình chỉ giải quyết
  'checked', // đã kiểm tra (tố cáo nặc danh, Luật TC Art. 25(2))
  'transferred_to_police', // đã chuyển cơ quan điều tra (Luật TC Art. 24(3))
  'closed', // đã kết thúc hồ sơ
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, LocalizedText> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  verifying: { vi: 'Đang xác minh', en: 'Verifying' },
  dialogue: { vi: 'Đang đối thoại', en: 'Dialogue scheduled' },
  suspended: { vi: 'Tạm đình chỉ', en: 'Suspended' },
  transfer_pending: { vi: 'Đang chuyển cơ quan có thẩm quyền', en: 'Transfer pending' },
  decided: { vi: 'Đã ban hành quyết định', en: 'Decided' },
  decision_sent: { vi: 'Đã gửi quyết định', en: 'Decision sent' },
  concluded: { vi: 'Đã kết luận', en: 'Concluded' },
  conclusion_sent: { vi: 'Đã gửi kết luận', en: 'Conclusion sent' },
  replied: { vi: 'Đã trả lời', en: 'Replied' },
  refused: { vi: 'Không thụ lý', en: 'Refused' },
  transferred: { vi: 'Đã chuyển đơn', en: 'Transferred' },
  guided: { vi: 'Đã hướng dẫn', en: 'Guided' },
  filed: { vi: 'Lưu đơn', en: 'Filed' },
  terminated: { vi: 'Đình chỉ giải quyết', en: 'Terminated' },
  checked: { vi: 'Đã kiểm tra, xử lý theo thẩm quyền quản lý', en: 'Checked (anonymous)' },
  transferred_to_police: { vi: 'Đã chuyển cơ quan điều tra', en: 'Transferred to the police' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** Audit event type of the registration itself (sequence 1 of every case's chain). */
export const CASE_REGISTERED_EVENT = 'case.registered';
