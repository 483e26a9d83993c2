import { InvalidInputError } from '../calendar/invalid-input-error';
import type { LegalRule, PeriodUnit, RuleVersion, VariantKey } from '../rules/rule-types';
import type { DeadlineFacts } from './deadline-facts';

/** The period a case actually gets under one rule version, after its facts are applied. */
export interface ResolvedPeriod {
  readonly direction: 'forward' | 'backward';
  readonly unit: PeriodUnit;
  /** Standard or variant length, before extensions. */
  readonly baseDays: number;
  readonly variant: VariantKey | 'standard' | 'policy';
  readonly extensions: number;
  readonly extensionDays: number;
  /** baseDays + extensions × extensionDays. */
  readonly days: number;
  /** Facts that were set but do not change this rule (e.g. `complex` on an acceptance period). */
  readonly ignoredFacts: readonly string[];
}

const VARIANT_FLAGS: readonly (readonly [VariantKey, keyof DeadlineFacts])[] = [
  ['complex', 'complex'],
  ['remote', 'remote'],
  ['severalSites', 'severalSites'],
];

const NONE: readonly never[] = [];

function invalid(field: string, code: string, vi: string, en: string): InvalidInputError {
  return new InvalidInputError(field, code, { vi, en });
}

export function resolvePeriod(rule: LegalRule, version: RuleVersion, facts: DeadlineFacts): ResolvedPeriod {
  const period = version.period;
  if (period.kind === 'none') {
    throw new InvalidInputError('rule', 'no_computable_period', {
      vi: `${rule.id} không có thời hạn tính được từ một ngày bắt đầu: ${period.reason.vi}`,
      en: `${rule.id} has no period computable from a start date: ${period.reason.en}`,
    });
  }
  const extensions = facts.extensions ?? 0;
  const extension = period.kind === 'forward' ? period.extension : undefined;
  if (extensions > 0 && !extension) {
    throw invalid('facts.extensions', 'no_extension_for_rule', `${rule.id} không có quy định gia hạn`, `${rule.id} allows no extension`);
  }
  if (extension && extensions > extension.maxCount) {
    throw invalid(
      'facts.extensions',
      'too_many_extensions',
      `${rule.id} chỉ được gia hạn tối đa ${extension.maxCount} lần (${version.citation})`,
      `${rule.id} allows at most ${extension.maxCount} extensions (${version.citation})`,
    );
  }
  if (facts.policyDays !== undefined && version.basis !== 'policy') {
    throw invalid('facts.policyDays', 'not_a_policy_rule', `${rule.id} là thời hạn luật định, không do cơ quan tự đặt`, `${rule.id} is a statutory period, not set by the agency`);
  }
  if (period.kind === 'backward' && (facts.suspensions?.length ?? 0) > 0) {
    throw invalid('facts.suspensions', 'not_suspendable', `${rule.id} tính lùi trước một sự kiện, không thể tạm đình chỉ`, `${rule.id} counts back from an event and cannot be suspended`);
  }

  const variants = period.kind === 'forward' ? period.variants : undefined;
  let variant: ResolvedPeriod['variant'] = version.basis === 'policy' ? 'policy' : 'standard';
  let baseDays = facts.policyDays ?? period.days;
  let used: readonly (keyof DeadlineFacts)[] = NONE;
  if (facts.complex && facts.remote && variants?.remoteComplex !== undefined) {
    variant = 'remoteComplex';
    baseDays = variants.remoteComplex;
    used = ['complex', 'remote'];
  } else if (variants) {
    // Variants are not cumulative unless the table gives the combination: the longest applies.
    for (const [key, flag] of VARIANT_FLAGS) {
      const days = variants[key];
      if (facts[flag] === true && days !== undefined && days > baseDays) {
        variant = key;
        baseDays = days;
        used = [flag];
      }
    }
  }
  const anyFlag = facts.complex === true || facts.remote === true || facts.severalSites === true;
  const ignoredFacts = anyFlag ? VARIANT_FLAGS.map(([, flag]) => flag).filter((flag) => facts[flag] === true && !used.includes(flag)) : NONE;
  const extensionDays = extension?.days ?? 0;
  return {
    direction: period.kind,
    unit: period.unit,
    baseDays,
    variant,
    extensions,
    extensionDays,
    days: baseDays + extensions * extensionDays,
    ignoredFacts,
  };
}
