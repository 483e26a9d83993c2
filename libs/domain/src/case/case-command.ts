import type { LocalizedText } from '../calendar';

/** Every command a case can receive; each kind's lifecycle table says which apply to it. */
export const CASE_COMMANDS = [
  'classify', // phân loại đơn
  'accept', // thụ lý
  'refuse', // không thụ lý (with a legal ground)
  'assign', // giao xác minh
  'transfer', // chuyển đơn đến cơ quan có thẩm quyền
  'accept_transfer', // cơ quan nhận tiếp nhận đơn chuyển đến
  'return_transfer', // cơ quan nhận trả lại đơn chuyển đến
  'guide', // hướng dẫn (once)
  'file', // lưu đơn
  'start_verification', // tiến hành xác minh
  'schedule_dialogue', // tổ chức đối thoại
  'extend', // gia hạn (TC-04) / xác định vụ việc phức tạp (KN-03, KN-07)
  'suspend', // tạm đình chỉ
  'resume', // tiếp tục giải quyết
  'decide', // ban hành quyết định giải quyết
  'send_decision', // gửi quyết định
  'withdraw', // rút đơn
  'terminate', // đình chỉ giải quyết
  'send_acceptance_notice', // thông báo thụ lý (TC-03)
  'send_suspension_notice', // thông báo tạm đình chỉ (TC-05)
  'conclude', // kết luận nội dung tố cáo
  'send_conclusion', // gửi kết luận (TC-06)
  'publish', // công khai kết luận (TC-07)
  'record_check', // ghi nhận kết quả kiểm tra tố cáo nặc danh
  'transfer_to_police', // chuyển cơ quan điều tra
  'reply', // trả lời
  'close', // kết thúc hồ sơ
  'flag_priority', // đánh dấu theo dõi ưu tiên (legal-rules.md §4)
  'unflag_priority', // bỏ đánh dấu theo dõi ưu tiên
] as const;

export type CaseCommand = (typeof CASE_COMMANDS)[number];

export const CASE_COMMAND_LABELS: Record<CaseCommand, LocalizedText> = {
  classify: { vi: 'Phân loại đơn', en: 'Classify' },
  accept: { vi: 'Thụ lý', en: 'Accept' },
  refuse: { vi: 'Không thụ lý', en: 'Refuse' },
  assign: { vi: 'Giao xác minh', en: 'Assign' },
  transfer: { vi: 'Chuyển đơn', en: 'Transfer' },
  accept_transfer: { vi: 'Nhận đơn chuyển đến', en: 'Accept transfer' },
  return_transfer: { vi: 'Trả lại đơn chuyển đến', en: 'Return transfer' },
  guide: { vi: 'Hướng dẫn', en: 'Guide' },
  file: { vi: 'Lưu đơn', en: 'File' },
  start_verification: { vi: 'Tiến hành xác minh', en: 'Start verification' },
  schedule_dialogue: { vi: 'Tổ chức đối thoại', en: 'Schedule dialogue' },
  extend: { vi: 'Gia hạn', en: 'Extend' },
  suspend: { vi: 'Tạm đình chỉ', en: 'Suspend' },
  resume: { vi: 'Tiếp tục giải quyết', en: 'Resume' },
  decide: { vi: 'Ban hành quyết định giải quyết', en: 'Decide' },
  send_decision: { vi: 'Gửi quyết định', en: 'Send decision' },
  withdraw: { vi: 'Rút đơn', en: 'Withdraw' },
  terminate: { vi: 'Đình chỉ giải quyết', en: 'Terminate' },
  send_acceptance_notice: { vi: 'Thông báo thụ lý', en: 'Send acceptance notice' },
  send_suspension_notice: { vi: 'Thông báo tạm đình chỉ', en: 'Send suspension notice' },
  conclude: { vi: 'Kết luận nội dung tố cáo', en: 'Conclude' },
  send_conclusion: { vi: 'Gửi kết luận', en: 'Send conclusion' },
  publish: { vi: 'Công khai kết luận', en: 'Publish conclusion' },
  record_check: { vi: 'Ghi nhận kết quả kiểm tra', en: 'Record check' },
  transfer_to_police: { vi: 'Chuyển cơ quan điều tra', en: 'Transfer to the police' },
  reply: { vi: 'Trả lời', en: 'Reply' },
  close: { vi: 'Kết thúc hồ sơ', en: 'Close' },
  flag_priority: { vi: 'Đánh dấu theo dõi ưu tiên', en: 'Flag for priority monitoring' },
  unflag_priority: { vi: 'Bỏ đánh dấu theo dõi ưu tiên', en: 'Remove a priority flag' },
};

export function isCaseCommand(value: unknown): value is CaseCommand {
  return typeof value === 'string' && (CASE_COMMANDS as readonly string[]).includes(value);
}
