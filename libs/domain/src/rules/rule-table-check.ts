import { InvalidInputError, parseLocalDate } from '../calendar';
import type { LegalRule } from './rule-types';

/**
 * Consistency problems of a rule table (empty = consistent): a corrected table must pass before
 * it is used, since the calculator trusts it. Checks: unique ids; versions numbered 1, 2, 3…
 * in order, each range valid and not overlapping the previous one; periods whole positive
 * numbers of days, variants not shorter than the standard period; a referenced suspension rule
 * exists and states a convention in every version; policy rules compute a period.
 */
export function checkRuleTable(table: readonly LegalRule[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const byId = new Map(table.map((rule) => [rule.id, rule]));
  const date = (text: string | null, fallback: number, where: string): number => {
    if (text === null) return fallback;
    try {
      return parseLocalDate(text, where);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(`${where}: ${error.reason.en}`);
      return fallback;
    }
  };
  const positiveDays = (days: number, where: string): void => {
    if (!Number.isInteger(days) || days <= 0) problems.push(`${where}: ${days} is not a positive whole number of days`);
  };

  for (const rule of table) {
    if (ids.has(rule.id)) problems.push(`${rule.id}: duplicate id`);
    ids.add(rule.id);
    if (rule.versions.length === 0) problems.push(`${rule.id}: no version`);
    let previousTo = -Infinity;
    rule.versions.forEach((version, i) => {
      const at = `${rule.id} v${version.version}`;
      if (version.version !== i + 1) problems.push(`${at}: versions must be numbered 1, 2, 3… in order`);
      const from = date(version.effectiveFrom, -Infinity, `${at}.effectiveFrom`);
      const to = date(version.effectiveTo, Infinity, `${at}.effectiveTo`);
      if (to < from) problems.push(`${at}: effectiveTo is before effectiveFrom`);
      if (i > 0 && from <= previousTo) problems.push(`${at}: overlaps the previous version`);
      previousTo = to;
      if (!version.citation.trim()) problems.push(`${at}: citation missing`);
      const period = version.period;
      if (period.kind !== 'none') positiveDays(period.days, `${at}.period.days`);
      if (period.kind === 'forward') {
        for (const [variant, days] of Object.entries(period.variants ?? {})) {
          positiveDays(days, `${at}.period.variants.${variant}`);
          if (days < period.days) problems.push(`${at}.period.variants.${variant}: shorter than the standard period`);
        }
        if (period.extension) {
          positiveDays(period.extension.days, `${at}.period.extension.days`);
          if (!Number.isInteger(period.extension.maxCount) || period.extension.maxCount < 1) problems.push(`${at}.period.extension.maxCount must be ≥ 1`);
        }
      }
      if (version.basis === 'policy' && period.kind !== 'forward') problems.push(`${at}: a policy rule must give a default forward period`);
      if (version.suspensionRule !== undefined) {
        const governing = byId.get(version.suspensionRule);
        if (!governing) problems.push(`${at}.suspensionRule: ${version.suspensionRule} is not in the table`);
        else if (governing.versions.some((v) => v.suspensionConvention === undefined)) {
          problems.push(`${at}.suspensionRule: every version of ${version.suspensionRule} must state a suspensionConvention`);
        }
      }
    });
  }
  return problems;
}
