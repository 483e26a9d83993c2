import { InvalidInputError } from '../calendar/invalid-input-error';
import { parseLocalDate, type LocalDate } from '../calendar/local-date';
import { LEGAL_RULES } from './legal-rules';
import type { LegalRule, RuleVersion } from './rule-types';

/** A rule with its versions' effective ranges as day numbers, for look-ups on the hot path. */
interface IndexedRule {
  readonly rule: LegalRule;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

const tableIndexes = new WeakMap<readonly LegalRule[], ReadonlyMap<string, IndexedRule>>();

function indexRule(rule: LegalRule): IndexedRule {
  return {
    rule,
    from: rule.versions.map((v) => (v.effectiveFrom === null ? -Infinity : parseLocalDate(v.effectiveFrom, 'effectiveFrom'))),
    to: rule.versions.map((v) => (v.effectiveTo === null ? Infinity : parseLocalDate(v.effectiveTo, 'effectiveTo'))),
  };
}

function indexOf(table: readonly LegalRule[]): ReadonlyMap<string, IndexedRule> {
  let index = tableIndexes.get(table);
  if (!index) {
    index = new Map(table.map((rule) => [rule.id, indexRule(rule)]));
    tableIndexes.set(table, index);
  }
  return index;
}

/** The indexed form of `rule`: from the table when it is the table's own object. */
function indexed(rule: string | LegalRule, table: readonly LegalRule[]): IndexedRule {
  const id = typeof rule === 'string' ? rule : rule.id;
  const found = indexOf(table).get(id);
  if (found && (typeof rule === 'string' || found.rule === rule)) return found;
  if (typeof rule !== 'string') return indexRule(rule);
  throw new InvalidInputError('rule', 'unknown_rule', {
    vi: `không có quy tắc ${JSON.stringify(id)} trong bảng quy tắc`,
    en: `there is no rule ${JSON.stringify(id)} in the rule table`,
  });
}

/** The rule with this id; `InvalidInputError` on field `rule` when there is none. */
export function findRule(id: string, table: readonly LegalRule[] = LEGAL_RULES): LegalRule {
  return indexed(id, table).rule;
}

export function isInForce(version: RuleVersion, date: LocalDate): boolean {
  const from = version.effectiveFrom === null ? -Infinity : parseLocalDate(version.effectiveFrom, 'effectiveFrom');
  const to = version.effectiveTo === null ? Infinity : parseLocalDate(version.effectiveTo, 'effectiveTo');
  return date >= from && date <= to;
}

/**
 * The version of `rule` in force on `date` — the date of the event that starts the clock
 * (legal-rules.md §1: a case keeps the version in force when its clock started).
 * `InvalidInputError` on field `start` when no version was in force.
 */
export function ruleVersionAt(rule: string | LegalRule, date: LocalDate, table: readonly LegalRule[] = LEGAL_RULES): RuleVersion {
  const { rule: found, from, to } = indexed(rule, table);
  for (let i = 0; i < found.versions.length; i++) {
    if (date >= from[i]! && date <= to[i]!) return found.versions[i]!;
  }
  throw new InvalidInputError('start', 'no_version_in_force', {
    vi: `không có phiên bản nào của ${found.id} có hiệu lực vào ngày này (${found.versions.map(describeRange).join(', ')})`,
    en: `no version of ${found.id} was in force on that date (${found.versions.map(describeRange).join(', ')})`,
  });
}

function effectiveRange(version: RuleVersion): string {
  return `${version.effectiveFrom ?? '…'} – ${version.effectiveTo ?? '…'}`;
}

function describeRange(version: RuleVersion): string {
  return `v${version.version}: ${effectiveRange(version)}`;
}

/** e.g. `KN-02 v3 (2026-07-01 – …)`, the form written into explanations and audit events. */
export function ruleVersionLabel(rule: LegalRule, version: RuleVersion): string {
  return `${rule.id} v${version.version} (${effectiveRange(version)})`;
}
