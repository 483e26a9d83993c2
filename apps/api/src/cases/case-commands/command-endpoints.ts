import type { CaseCommand } from '@donthu/domain';
import {
  AssignDto,
  ClassifyDto,
  CommandDto,
  DocumentDto,
  GroundAndDocumentDto,
  GroundDto,
  GuideDto,
  NoteRequiredDto,
  PriorityFlagDto,
  ReasonAndDocumentDto,
  ReasonDto,
  ReturnTransferDto,
  ScheduleDialogueDto,
  TransferDto,
  TransferToPoliceDto,
} from './command-dtos';

export interface CommandEndpoint {
  command: CaseCommand;
  /** POST /api/v1/cases/:code/<path> */
  path: string;
  dto: new () => object;
  summary: string;
}

/**
 * One endpoint per command, as data. Which command applies to which kind and status, who may
 * send it and what it needs is the lifecycle table's business (libs/domain/src/lifecycle);
 * the workflow refuses what the table does not allow (409/422) before anything is written.
 */
export const COMMAND_ENDPOINTS: readonly CommandEndpoint[] = [
  { command: 'classify', path: 'classify', dto: ClassifyDto, summary: 'Phân loại đơn: tách thành vụ việc theo nội dung / classify a letter into cases' },
  { command: 'accept', path: 'accept', dto: CommandDto, summary: 'Thụ lý / accept' },
  { command: 'refuse', path: 'refuse', dto: GroundDto, summary: 'Không thụ lý, có căn cứ pháp lý / refuse with a legal ground' },
  { command: 'assign', path: 'assign', dto: AssignDto, summary: 'Giao xác minh / assign a handling officer' },
  { command: 'transfer', path: 'transfer', dto: TransferDto, summary: 'Chuyển đơn đến cơ quan có thẩm quyền / transfer to the competent agency' },
  { command: 'accept_transfer', path: 'accept-transfer', dto: CommandDto, summary: 'Nhận đơn chuyển đến / the receiving agency takes the case' },
  { command: 'return_transfer', path: 'return-transfer', dto: ReturnTransferDto, summary: 'Trả lại đơn chuyển đến / the receiving agency returns the case' },
  { command: 'guide', path: 'guide', dto: GuideDto, summary: 'Hướng dẫn (một lần) / guide the citizen to the competent agency (once)' },
  { command: 'file', path: 'file', dto: ReasonDto, summary: 'Lưu đơn / file the letter' },
  { command: 'start_verification', path: 'start-verification', dto: CommandDto, summary: 'Tiến hành xác minh / start verification' },
  { command: 'schedule_dialogue', path: 'schedule-dialogue', dto: ScheduleDialogueDto, summary: 'Tổ chức đối thoại / schedule the dialogue' },
  { command: 'extend', path: 'extend', dto: ReasonAndDocumentDto, summary: 'Gia hạn / xác định vụ việc phức tạp (extend the resolution period)' },
  { command: 'suspend', path: 'suspend', dto: ReasonAndDocumentDto, summary: 'Tạm đình chỉ / suspend' },
  { command: 'resume', path: 'resume', dto: DocumentDto, summary: 'Tiếp tục giải quyết / resume' },
  { command: 'decide', path: 'decide', dto: DocumentDto, summary: 'Ban hành quyết định giải quyết / record the decision' },
  { command: 'send_decision', path: 'send-decision', dto: CommandDto, summary: 'Gửi quyết định / send the decision' },
  { command: 'withdraw', path: 'withdraw', dto: DocumentDto, summary: 'Rút đơn / withdrawal' },
  { command: 'terminate', path: 'terminate', dto: GroundAndDocumentDto, summary: 'Đình chỉ giải quyết / terminate' },
  { command: 'send_acceptance_notice', path: 'send-acceptance-notice', dto: CommandDto, summary: 'Thông báo thụ lý tố cáo / send the acceptance notice (TC-03)' },
  { command: 'send_suspension_notice', path: 'send-suspension-notice', dto: CommandDto, summary: 'Thông báo tạm đình chỉ / send the suspension notice (TC-05)' },
  { command: 'conclude', path: 'conclude', dto: DocumentDto, summary: 'Kết luận nội dung tố cáo / record the conclusion' },
  { command: 'send_conclusion', path: 'send-conclusion', dto: CommandDto, summary: 'Gửi kết luận / send the conclusion (TC-06)' },
  { command: 'publish', path: 'publish', dto: CommandDto, summary: 'Công khai kết luận / publish the conclusion (TC-07, without the denouncer’s identity)' },
  { command: 'record_check', path: 'record-check', dto: NoteRequiredDto, summary: 'Ghi nhận kiểm tra tố cáo nặc danh / record the check of an anonymous denunciation' },
  { command: 'transfer_to_police', path: 'transfer-to-police', dto: TransferToPoliceDto, summary: 'Chuyển cơ quan điều tra / transfer to the police (signs of a crime)' },
  { command: 'reply', path: 'reply', dto: DocumentDto, summary: 'Trả lời / reply' },
  { command: 'close', path: 'close', dto: CommandDto, summary: 'Kết thúc hồ sơ / close' },
  { command: 'flag_priority', path: 'flag-priority', dto: PriorityFlagDto, summary: 'Đánh dấu theo dõi ưu tiên / flag for priority monitoring (complex, prolonged, land)' },
  { command: 'unflag_priority', path: 'unflag-priority', dto: PriorityFlagDto, summary: 'Bỏ đánh dấu theo dõi ưu tiên / remove a priority flag (agency head)' },
];
