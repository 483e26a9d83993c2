import { dayOfWeek, parseLocalDate, WEEKDAY_NAMES, type Confidence, type IsoDate, type Language, type LocalizedText, type YearStatus } from '../calendar';
import { START_EVENT_LABELS, UNIT_LABELS, VARIANT_LABELS, type PeriodUnit, type RuleBasis, type RuleConfidence, type RuleId, type StartEventId, type SuspensionConvention, type VariantKey } from '../rules';

/**
 * Why a due date is what it is, as data (code + parameters) so that it can be stored in an
 * audit event and rendered in Vietnamese or English (`renderExplanation`). Dates are ISO.
 */

/** A named day in an explanation: an official day off or a make-up working Saturday. */
export interface NamedDay {
  readonly date: IsoDate;
  readonly name: string;
  readonly confidence: Confidence;
  readonly provisional: boolean;
}

/** A day the roll-forward passed over, and why it was not a working day. */
export interface NonWorkingDay {
  readonly date: IsoDate;
  /** Name of the official day off; absent for an ordinary Saturday or Sunday. */
  readonly dayOff?: string;
  readonly provisional: boolean;
}

export type ExplanationStep =
  | {
      readonly code: 'rule';
      readonly ruleId: RuleId;
      readonly title: LocalizedText;
      readonly citation: string;
      readonly version: string;
      readonly confidence: RuleConfidence;
      readonly basis: RuleBasis;
      readonly note?: LocalizedText;
    }
  | { readonly code: 'policy_not_law'; readonly defaultDays: number; readonly agencyDays?: number }
  | { readonly code: 'rule_to_check' }
  | { readonly code: 'start'; readonly event: StartEventId; readonly date: IsoDate }
  | {
      readonly code: 'period';
      readonly direction: 'forward' | 'backward';
      readonly days: number;
      readonly unit: PeriodUnit;
      readonly variant: VariantKey | 'standard' | 'policy';
    }
  | { readonly code: 'extensions'; readonly count: number; readonly daysEach: number; readonly totalDays: number; readonly citation: string }
  | { readonly code: 'ignored_facts'; readonly facts: readonly string[] }
  | { readonly code: 'count_from'; readonly date: IsoDate; readonly direction: 'forward' | 'backward' }
  | {
      readonly code: 'suspension';
      readonly index: number;
      readonly from: IsoDate;
      readonly to: IsoDate;
      readonly convention: SuspensionConvention;
      /** Rule and citation that set the convention; absent: the general principle (legal-rules.md §1). */
      readonly governedBy?: { readonly ruleId: RuleId; readonly version: string; readonly citation: string };
      /** Calendar-day periods: days the end moved (R − S). */
      readonly shiftDays?: number;
      /** Working-day periods: working days in S+1 … R not counted. */
      readonly workingDaysSkipped?: number;
    }
  | { readonly code: 'days_off_skipped'; readonly days: readonly NamedDay[] }
  | { readonly code: 'weekend_days_skipped'; readonly count: number }
  | { readonly code: 'make_up_days_counted'; readonly days: readonly NamedDay[] }
  | { readonly code: 'days_off_counted'; readonly days: readonly NamedDay[] }
  | { readonly code: 'last_day'; readonly date: IsoDate }
  | { readonly code: 'rolled_forward'; readonly from: IsoDate; readonly to: IsoDate; readonly skipped: readonly NonWorkingDay[]; readonly citation: string }
  | { readonly code: 'unofficial_years'; readonly years: readonly { readonly year: number; readonly status: Exclude<YearStatus, 'official'> }[] }
  | { readonly code: 'provisional'; readonly days: readonly NamedDay[]; readonly conservativeDue: IsoDate }
  | { readonly code: 'due'; readonly date: IsoDate; readonly direction: 'forward' | 'backward' };

export const ROLL_FORWARD_CITATION = 'Bộ luật Dân sự 2015, Điều 148 khoản 5';
export const START_DAY_CITATION = 'Bộ luật Dân sự 2015, Điều 147 khoản 3';
export const END_OF_DAY_CITATION = 'Bộ luật Dân sự 2015, Điều 148 khoản 6';

/** `thứ Hai 23/02/2026` / `Monday 2026-02-23`. */
function day(iso: IsoDate, lang: Language): string {
  const weekday = WEEKDAY_NAMES[dayOfWeek(parseLocalDate(iso))][lang];
  if (lang === 'en') return `${weekday} ${iso}`;
  const [y, m, d] = iso.split('-');
  return `${weekday} ${d}/${m}/${y}`;
}

function namedDays(days: readonly NamedDay[], lang: Language): string {
  const tag = lang === 'vi' ? ' [dự kiến]' : ' [provisional]';
  return days.map((d) => `${day(d.date, lang)} (${d.name})${d.provisional ? tag : ''}`).join('; ');
}

function duration(days: number, unit: PeriodUnit, lang: Language): string {
  return `${days} ${UNIT_LABELS[unit][lang]}`;
}

const FACT_LABELS: Record<string, LocalizedText> = {
  complex: VARIANT_LABELS.complex,
  remote: VARIANT_LABELS.remote,
  severalSites: VARIANT_LABELS.severalSites,
};

/** One sentence per step, in `lang`. */
export function renderStep(step: ExplanationStep, lang: Language): string {
  const vi = lang === 'vi';
  switch (step.code) {
    case 'rule': {
      const base = vi
        ? `Quy tắc ${step.ruleId} — ${step.title.vi} (${step.citation}); áp dụng phiên bản ${step.version}.`
        : `Rule ${step.ruleId} — ${step.title.en} (${step.citation}); version ${step.version} applies.`;
      return step.note ? `${base} ${step.note[lang]}` : base;
    }
    case 'policy_not_law': {
      const days = step.agencyDays ?? step.defaultDays;
      return vi
        ? `Đây là thời hạn theo CHÍNH SÁCH của cơ quan (${days} ngày làm việc${step.agencyDays === undefined ? ', mặc định' : ''}), KHÔNG phải thời hạn do pháp luật quy định.`
        : `This is an agency POLICY period (${days} working days${step.agencyDays === undefined ? ', default' : ''}), NOT a period set by law.`;
    }
    case 'rule_to_check':
      return vi
        ? 'Lưu ý: quy tắc này cần được đối chiếu với văn bản chính thức (Công báo) trước khi dựa vào.'
        : 'Note: this rule must be checked against the official gazette before it is relied on.';
    case 'start':
      return vi
        ? `Sự kiện bắt đầu: ${START_EVENT_LABELS[step.event].vi}, ${day(step.date, lang)}; ngày xảy ra sự kiện không tính (${START_DAY_CITATION}).`
        : `Start event: ${START_EVENT_LABELS[step.event].en}, ${day(step.date, lang)}; that day is not counted (${START_DAY_CITATION}).`;
    case 'period': {
      const variant = VARIANT_LABELS[step.variant][lang];
      if (step.direction === 'backward') {
        return vi
          ? `Thời hạn: ít nhất ${duration(step.days, step.unit, lang)} trước sự kiện.`
          : `Period: at least ${duration(step.days, step.unit, lang)} before the event.`;
      }
      return vi ? `Thời hạn: ${duration(step.days, step.unit, lang)} (${variant}).` : `Period: ${duration(step.days, step.unit, lang)} (${variant}).`;
    }
    case 'extensions':
      return vi
        ? `Gia hạn ${step.count} lần, mỗi lần ${step.daysEach} ngày: tổng thời hạn ${step.totalDays} ngày kể từ ngày thụ lý (${step.citation}).`
        : `Extended ${step.count} time(s) by ${step.daysEach} days: ${step.totalDays} days in all from acceptance (${step.citation}).`;
    case 'ignored_facts': {
      const facts = step.facts.map((f) => FACT_LABELS[f]?.[lang] ?? f).join(', ');
      return vi ? `Không làm thay đổi thời hạn của quy tắc này: ${facts}.` : `Do not change this rule's period: ${facts}.`;
    }
    case 'count_from':
      if (step.direction === 'backward') {
        return vi ? `Tính lùi, bắt đầu từ ${day(step.date, lang)}.` : `Counted backwards, starting on ${day(step.date, lang)}.`;
      }
      return vi ? `Bắt đầu tính từ ${day(step.date, lang)}.` : `Counting starts on ${day(step.date, lang)}.`;
    case 'suspension': {
      const by = step.governedBy ? `${step.governedBy.ruleId}, ${step.governedBy.citation}` : vi ? 'nguyên tắc chung, legal-rules.md §1' : 'general principle, legal-rules.md §1';
      const head = vi
        ? `Tạm đình chỉ ngày ${day(step.from, lang)}, tiếp tục ngày ${day(step.to, lang)}`
        : `Suspended on ${day(step.from, lang)}, resumed on ${day(step.to, lang)}`;
      if (step.convention === 'restart') {
        return vi
          ? `${head}: thời hạn được tính lại từ đầu kể từ ngày tiếp tục (${by}).`
          : `${head}: the whole period is counted afresh from the resume date (${by}).`;
      }
      if (step.shiftDays !== undefined) {
        return vi
          ? `${head}: thời gian tạm đình chỉ không tính, ngày cuối của thời hạn lùi ${step.shiftDays} ngày (${by}).`
          : `${head}: the suspended days are not counted, the last day moves by ${step.shiftDays} days (${by}).`;
      }
      return vi
        ? `${head}: ${step.workingDaysSkipped ?? 0} ngày làm việc trong thời gian tạm đình chỉ không tính (${by}).`
        : `${head}: ${step.workingDaysSkipped ?? 0} working day(s) while suspended are not counted (${by}).`;
    }
    case 'days_off_skipped':
      return vi ? `Không tính các ngày nghỉ: ${namedDays(step.days, lang)}.` : `Official days off not counted: ${namedDays(step.days, lang)}.`;
    case 'weekend_days_skipped':
      return vi ? `Không tính ${step.count} ngày thứ Bảy, Chủ nhật.` : `${step.count} Saturday/Sunday day(s) not counted.`;
    case 'make_up_days_counted':
      return vi
        ? `Tính là ngày làm việc (ngày làm bù): ${namedDays(step.days, lang)}.`
        : `Counted as working days (make-up Saturdays): ${namedDays(step.days, lang)}.`;
    case 'days_off_counted':
      return vi
        ? `Thời hạn tính theo ngày nên các ngày nghỉ trong thời hạn vẫn được tính: ${namedDays(step.days, lang)}.`
        : `A calendar-day period counts the days off within it: ${namedDays(step.days, lang)}.`;
    case 'last_day':
      return vi ? `Ngày cuối cùng của thời hạn: ${day(step.date, lang)}.` : `Last day of the period: ${day(step.date, lang)}.`;
    case 'rolled_forward': {
      const skipped = step.skipped
        .map((d) => {
          const why = d.dayOff ?? (vi ? 'nghỉ cuối tuần' : 'weekend');
          return `${day(d.date, lang)} (${why})${d.provisional ? (vi ? ' [dự kiến]' : ' [provisional]') : ''}`;
        })
        .join('; ');
      return vi
        ? `Ngày cuối cùng không phải ngày làm việc — ${skipped} — nên thời hạn kết thúc vào ngày làm việc tiếp theo, ${day(step.to, lang)} (${step.citation}).`
        : `The last day is not a working day — ${skipped} — so the period ends on the next working day, ${day(step.to, lang)} (${step.citation}).`;
    }
    case 'unofficial_years': {
      const years = step.years
        .map((y) =>
          y.status === 'provisional'
            ? vi
              ? `năm ${y.year} chưa có lịch nghỉ chính thức (dữ liệu dự kiến)`
              : `${y.year} has no official schedule yet (provisional data)`
            : vi
              ? `năm ${y.year} chưa có dữ liệu, ngày nghỉ được suy ra từ Bộ luật Lao động`
              : `${y.year} has no data; days off derived from the Labour Code`,
        )
        .join('; ');
      return vi ? `Lịch ngày nghỉ: ${years}.` : `Days-off schedule: ${years}.`;
    }
    case 'provisional':
      return vi
        ? `Kết quả phụ thuộc ngày nghỉ dự kiến: ${namedDays(step.days, lang)}. Ngày hạn thận trọng (sớm nhất nếu lịch chính thức khác dự kiến): ${day(step.conservativeDue, lang)}; nhắc việc và kiểm tra quá hạn dùng ngày này cho đến khi có lịch chính thức.`
        : `The result depends on provisional days off: ${namedDays(step.days, lang)}. Conservative due date (the earliest if the official schedule differs): ${day(step.conservativeDue, lang)}; reminders and overdue checks use it until the official schedule is loaded.`;
    case 'due':
      if (step.direction === 'backward') {
        return vi ? `Chậm nhất vào ngày: ${day(step.date, lang)}.` : `No later than: ${day(step.date, lang)}.`;
      }
      return vi
        ? `Hạn cuối: 24:00 ${day(step.date, lang)} (${END_OF_DAY_CITATION}).`
        : `Due: 24:00 on ${day(step.date, lang)} (${END_OF_DAY_CITATION}).`;
  }
}

export function renderExplanation(steps: readonly ExplanationStep[], lang: Language = 'vi'): string[] {
  return steps.map((step) => renderStep(step, lang));
}
