import type { LocalizedText } from '../calendar/localized-text';
import { DENUNCIATION_ACCEPTANCE_CONDITIONS, type LegalGround } from './legal-grounds';

/** What the intake officer established about incoming denunciation information. */
export interface DenunciationScreeningInput {
  /** Name and address of the denouncer stated, genuine and signed (not anonymous, pseudonymous or unsigned). */
  readonly identified: boolean;
  /** Clear about who broke the law and how. */
  readonly specificContent: boolean;
  /** Documents or evidence of the violation, enough to check it. */
  readonly hasEvidence: boolean;
  /** Signs of a crime. */
  readonly crimeSigns: boolean;
  readonly withinCompetence: boolean;
  /** Codes of DENUNCIATION_ACCEPTANCE_CONDITIONS found not met (within_competence is taken from above). */
  readonly unmetConditions?: readonly string[];
}

export type DenunciationRoute =
  | 'transfer_to_investigation' // chuyển cơ quan điều tra / viện kiểm sát
  | 'check_under_management_powers' // thanh tra, kiểm tra theo thẩm quyền quản lý
  | 'not_processed' // không xử lý theo Luật Tố cáo
  | 'transfer_to_competent' // chuyển người có thẩm quyền (TC-02)
  | 'refuse' // không thụ lý
  | 'accept'; // thụ lý (TC-03 notice follows)

export interface DenunciationScreening {
  readonly route: DenunciationRoute;
  readonly citation: string;
  readonly reason: LocalizedText;
  /** For `refuse`: the acceptance conditions not met. */
  readonly unmet: readonly LegalGround[];
}

function outcome(route: DenunciationRoute, citation: string, vi: string, en: string, unmet: readonly LegalGround[] = []): DenunciationScreening {
  return { route, citation, reason: { vi, en }, unmet };
}

/**
 * Routes denunciation information on intake (legal-rules.md §3), in the order the law puts
 * first: signs of a crime go to the investigating body at once whoever sent them (Luật TC
 * Art. 24(3)); anonymous, pseudonymous or unsigned information is not resolved under the law
 * but is checked under management powers when specific and evidenced (Art. 25(1)–(2)); outside
 * competence it is transferred (Art. 24(1)(b), TC-02); otherwise it is accepted when every
 * Art. 29(1) condition is met, refused citing those that are not.
 */
export function screenDenunciation(input: DenunciationScreeningInput): DenunciationScreening {
  if (input.crimeSigns) {
    return outcome('transfer_to_investigation', 'Luật Tố cáo 2018, Điều 24 khoản 3', 'Có dấu hiệu tội phạm: chuyển ngay cơ quan điều tra hoặc viện kiểm sát', 'Signs of a crime: transfer to the police / procuracy immediately');
  }
  if (!input.identified) {
    return input.specificContent && input.hasEvidence
      ? outcome('check_under_management_powers', 'Luật Tố cáo 2018, Điều 25 khoản 2', 'Tố cáo nặc danh/mạo danh nhưng nội dung rõ ràng, có tài liệu, chứng cứ: thanh tra, kiểm tra theo thẩm quyền quản lý (không giải quyết theo Luật Tố cáo)', 'Anonymous but specific and evidenced: checked under management powers (not resolved under the Law)')
      : outcome('not_processed', 'Luật Tố cáo 2018, Điều 25 khoản 1', 'Tố cáo nặc danh, mạo danh hoặc không ký tên: không xử lý theo Luật Tố cáo', 'Anonymous, pseudonymous or unsigned: not processed under the Law on Denunciations');
  }
  if (!input.withinCompetence) {
    return outcome('transfer_to_competent', 'Luật Tố cáo 2018, Điều 24 khoản 1 điểm b', 'Không thuộc thẩm quyền: chuyển người có thẩm quyền trong 5 ngày làm việc (TC-02)', 'Not competent: transfer to the competent person within 5 working days (TC-02)');
  }
  const unmetCodes = new Set(input.unmetConditions ?? []);
  const unknown = [...unmetCodes].filter((code) => !DENUNCIATION_ACCEPTANCE_CONDITIONS.some((c) => c.code === code));
  if (unknown.length > 0) throw new RangeError(`unknown denunciation acceptance condition(s): ${unknown.join(', ')}`);
  const unmet = DENUNCIATION_ACCEPTANCE_CONDITIONS.filter((c) => unmetCodes.has(c.code));
  if (unmet.length > 0) {
    return outcome('refuse', 'Luật Tố cáo 2018, Điều 29 khoản 1', 'Không đủ điều kiện thụ lý tố cáo', 'Conditions for acceptance not met', unmet);
  }
  return outcome('accept', 'Luật Tố cáo 2018, Điều 29', 'Đủ điều kiện thụ lý tố cáo', 'All conditions for acceptance met');
}
