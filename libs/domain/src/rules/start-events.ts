import type { LocalizedText } from '../calendar';
import type { PeriodUnit, StartEventId, VariantKey } from './rule-types';

/** The event whose date starts a clock (its own day not counted, BLDS 2015 Art. 147(3)). */
export const START_EVENT_LABELS: Record<StartEventId, LocalizedText> = {
  knowledge_of_act: {
    vi: 'ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính',
    en: 'receipt or knowledge of the administrative decision or act',
  },
  receipt: { vi: 'ngày người có thẩm quyền nhận được đơn', en: 'receipt by the competent person' },
  acceptance: { vi: 'ngày thụ lý', en: 'acceptance (thụ lý)' },
  decision: { vi: 'ngày có quyết định giải quyết', en: 'date of the decision' },
  first_decision_or_expiry: {
    vi: 'ngày nhận được quyết định giải quyết lần đầu, hoặc ngày hết thời hạn giải quyết mà không có quyết định',
    en: 'receipt of the first-level decision, or expiry of the resolution period without a decision',
  },
  decision_receipt: { vi: 'ngày nhận được quyết định giải quyết', en: 'receipt of the decision' },
  dialogue: { vi: 'ngày đối thoại', en: 'date of the dialogue' },
  resume_decision: { vi: 'ngày có quyết định tiếp tục giải quyết', en: 'date of the resume decision' },
  termination_notice: { vi: 'ngày có văn bản thông báo đình chỉ việc giải quyết', en: 'date of the termination notice' },
  disciplinary_decision_receipt: { vi: 'ngày nhận được quyết định kỷ luật', en: 'receipt of the disciplinary decision' },
  acceptance_decision: { vi: 'ngày ra quyết định thụ lý tố cáo', en: 'date of the acceptance decision' },
  suspension_decision: { vi: 'ngày ra quyết định tạm đình chỉ', en: 'date of the suspension decision' },
  conclusion: { vi: 'ngày ban hành kết luận nội dung tố cáo', en: 'date of the conclusion' },
  reception: { vi: 'ngày tiếp công dân', en: 'reception day' },
  result_available: { vi: 'ngày có kết quả giải quyết', en: 'date the result is available' },
  due_date_passed: { vi: 'ngày hết thời hạn giải quyết', en: 'date the resolution period expired' },
};

export const VARIANT_LABELS: Record<VariantKey | 'standard' | 'policy', LocalizedText> = {
  standard: { vi: 'thời hạn chung', en: 'standard period' },
  policy: { vi: 'theo chính sách của cơ quan', en: 'agency policy' },
  complex: { vi: 'vụ việc phức tạp', en: 'complex case' },
  remote: { vi: 'vùng sâu, vùng xa đi lại khó khăn', en: 'remote area' },
  remoteComplex: { vi: 'vùng sâu, vùng xa và vụ việc phức tạp', en: 'remote area and complex case' },
  severalSites: { vi: 'cần kiểm tra, xác minh tại nhiều địa điểm', en: 'verification needed at several places' },
};

export const UNIT_LABELS: Record<PeriodUnit, LocalizedText> = {
  calendar: { vi: 'ngày', en: 'calendar days' },
  working: { vi: 'ngày làm việc', en: 'working days' },
};
