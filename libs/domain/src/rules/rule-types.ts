import type { IsoDate, LocalizedText } from '../calendar';

export const RULE_IDS = [
  'KN-01', 'KN-02', 'KN-03', 'KN-04', 'KN-05', 'KN-06', 'KN-07', 'KN-08', 'KN-09', 'KN-10', 'KN-11', 'KN-12',
  'KD-01', 'KD-02A', 'KD-02B',
  'TC-01', 'TC-02', 'TC-03', 'TC-04', 'TC-05', 'TC-06', 'TC-07', 'TC-08', 'TC-09',
  'TCD-01', 'TCD-02', 'TCD-03',
  'XLD-01', 'PA-01', 'PA-02',
] as const;

/** Ids of legal-rules.md; KD-02 is split into acceptance (KD-02A) and resolution (KD-02B). */
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/** confirmed: read in the law; check: to be confirmed against the official gazette (legal-rules.md). */
export type RuleConfidence = 'confirmed' | 'check';

/** statutory: a period set by law; policy: set by the agency (PA-02), never presented as law. */
export type RuleBasis = 'statutory' | 'policy';

/** calendar: "… ngày"; working: "… ngày làm việc" (legal-rules.md §1). */
export type PeriodUnit = 'calendar' | 'working';

/**
 * How a suspension (tạm đình chỉ) {from: S, to: R} is counted (legal-rules.md §1):
 * excluded — days S+1 … R are not counted; restart — the whole period is counted afresh from R.
 */
export type SuspensionConvention = 'excluded' | 'restart';

/** Case properties that select a longer period. */
export type VariantKey = 'complex' | 'remote' | 'remoteComplex' | 'severalSites';

export type RulePeriod =
  /** Counted forward from the start event. */
  | {
      readonly kind: 'forward';
      readonly unit: PeriodUnit;
      readonly days: number;
      readonly variants?: Readonly<Partial<Record<VariantKey, number>>>;
      /** Extensions by decision (gia hạn), each adding `days`, at most `maxCount` times (TC-04). */
      readonly extension?: { readonly days: number; readonly maxCount: number };
    }
  /**
   * "At least N working days before" the start event (KN-10): the result is the latest allowed
   * day. Working days only: the law has no roll-back rule for calendar days.
   */
  | { readonly kind: 'backward'; readonly unit: 'working'; readonly days: number }
  /** No period can be computed from a start date; `reason` says what the rule does instead. */
  | { readonly kind: 'none'; readonly reason: LocalizedText };

export type StartEventId =
  | 'knowledge_of_act'
  | 'receipt'
  | 'acceptance'
  | 'decision'
  | 'first_decision_or_expiry'
  | 'decision_receipt'
  | 'dialogue'
  | 'resume_decision'
  | 'termination_notice'
  | 'disciplinary_decision_receipt'
  | 'acceptance_decision'
  | 'suspension_decision'
  | 'conclusion'
  | 'reception'
  | 'result_available'
  | 'due_date_passed';

export type CaseArea = 'complaint' | 'disciplinary_complaint' | 'denunciation' | 'reception' | 'letter' | 'recommendation';

export interface RuleVersion {
  /** 1, 2, 3 … in order of effect. */
  readonly version: number;
  /** First day in force (inclusive); null = no lower bound (policy). */
  readonly effectiveFrom: IsoDate | null;
  /** Last day in force (inclusive); null = still in force. */
  readonly effectiveTo: IsoDate | null;
  readonly period: RulePeriod;
  /** The article(s), in Vietnamese as the documents cite them. */
  readonly citation: string;
  readonly confidence: RuleConfidence;
  readonly basis: RuleBasis;
  /**
   * The rule whose version in force on the resume date decides how a suspension of this period
   * is counted (KN-11 for complaint resolution, TC-05 for denunciation resolution). Absent: the
   * general principle of legal-rules.md §1 — suspended time is excluded.
   */
  readonly suspensionRule?: RuleId;
  /** Only on KN-11 and TC-05: the convention they set. */
  readonly suspensionConvention?: SuspensionConvention;
  readonly note?: LocalizedText;
}

export interface LegalRule {
  readonly id: RuleId;
  readonly area: CaseArea;
  readonly title: LocalizedText;
  readonly startEvent: StartEventId;
  /** Non-overlapping, in order of effect. */
  readonly versions: readonly RuleVersion[];
}
