import { parseLocalDate } from '../calendar/local-date';
import { InvalidInputError } from '../calendar/invalid-input-error';
import { ARTICLE_TO_IDENTIFY, LEGAL_RULES } from './legal-rules';
import { findRule, ruleVersionAt, ruleVersionLabel } from './rule-lookup';
import { checkRuleTable } from './rule-table-check';
import { RULE_IDS, type LegalRule } from './rule-types';

const d = parseLocalDate;

describe('legal rule table', () => {
  it('is consistent', () => {
    expect(checkRuleTable(LEGAL_RULES)).toEqual([]);
  });

  it('holds every row of legal-rules.md, KD-02 split into acceptance and resolution', () => {
    expect(LEGAL_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(RULE_IDS).toEqual(expect.arrayContaining(['KN-01', 'KN-12', 'KD-01', 'KD-02A', 'KD-02B', 'TC-01', 'TC-09', 'TCD-01', 'TCD-02', 'TCD-03', 'XLD-01', 'PA-01', 'PA-02']));
  });

  it('gives every version an article and a Vietnamese and English title', () => {
    for (const rule of LEGAL_RULES) {
      expect(rule.title.vi).not.toBe('');
      expect(rule.title.en).not.toBe('');
      for (const version of rule.versions) {
        if (version.basis !== 'statutory') continue;
        if (version.citation.includes(ARTICLE_TO_IDENTIFY)) expect(version.confidence).toBe('check');
        else expect(version.citation).toMatch(/Điều|legal-rules\.md/);
      }
    }
  });

  it('picks the KN-02 version in force on the receipt date', () => {
    expect(ruleVersionAt('KN-02', d('2020-10-18')).period).toEqual({ kind: 'forward', unit: 'calendar', days: 10 });
    expect(ruleVersionAt('KN-02', d('2020-10-19')).period).toEqual({ kind: 'forward', unit: 'working', days: 10 });
    expect(ruleVersionAt('KN-02', d('2026-06-30')).period).toEqual({ kind: 'forward', unit: 'working', days: 10 });
    const v3 = ruleVersionAt('KN-02', d('2026-07-01'));
    expect(v3.period).toEqual({ kind: 'forward', unit: 'working', days: 7 });
    expect(v3.confidence).toBe('check');
    expect(v3.citation).toContain('Nghị định 155/2026/NĐ-CP, Điều 10');
  });

  it('gives KN-06 the same history as KN-02 under its own article', () => {
    expect(findRule('KN-06').versions.map((v) => [v.effectiveFrom, v.period])).toEqual(findRule('KN-02').versions.map((v) => [v.effectiveFrom, v.period]));
    expect(ruleVersionAt('KN-06', d('2026-07-01')).citation).toContain('Điều 36');
  });

  it('switches the complaint suspension convention on 01/07/2026 (KN-11) and keeps it for denunciations (TC-05)', () => {
    expect(ruleVersionAt('KN-11', d('2026-06-30')).suspensionConvention).toBe('excluded');
    expect(ruleVersionAt('KN-11', d('2026-07-01')).suspensionConvention).toBe('restart');
    expect(ruleVersionAt('TC-05', d('2026-07-01')).suspensionConvention).toBe('excluded');
    expect(findRule('KN-03').versions[0]!.suspensionRule).toBe('KN-11');
    expect(findRule('TC-04').versions[0]!.suspensionRule).toBe('TC-05');
  });

  it('shows PA-02 as policy, never as law', () => {
    const version = ruleVersionAt('PA-02', d('2026-05-04'));
    expect(version.basis).toBe('policy');
    expect(version.citation).toContain('chính sách');
    expect(LEGAL_RULES.filter((r) => r.versions.some((v) => v.basis === 'policy')).map((r) => r.id)).toEqual(['PA-02']);
  });

  it('keeps rules without a computable period in the table', () => {
    expect(findRule('TC-09').versions[0]!.period.kind).toBe('none');
    expect(findRule('KN-11').versions.every((v) => v.period.kind === 'none')).toBe(true);
    expect(findRule('KN-10').versions[0]!.period).toEqual({ kind: 'backward', unit: 'working', days: 5 });
  });

  it('labels a version with its range', () => {
    const rule = findRule('KN-02');
    expect(ruleVersionLabel(rule, rule.versions[2]!)).toBe('KN-02 v3 (2026-07-01 – …)');
  });

  it('refuses an unknown rule and a date before any version', () => {
    expect(() => findRule('KN-99')).toThrow(InvalidInputError);
    try {
      ruleVersionAt('KN-02', d('2012-06-30'));
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ field: 'start', code: 'no_version_in_force' });
    }
  });

  it('finds problems in a corrected table before it is used', () => {
    const kn02 = findRule('KN-02');
    const broken: LegalRule[] = [
      { ...kn02, versions: [kn02.versions[0]!, { ...kn02.versions[1]!, effectiveFrom: '2020-10-01' }] },
      { ...findRule('KN-03'), versions: [{ ...findRule('KN-03').versions[0]!, suspensionRule: 'TC-09' }] },
      findRule('TC-09'),
      { ...findRule('TC-09') },
    ];
    const problems = checkRuleTable(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('KN-02 v2: overlaps the previous version'),
        expect.stringContaining('KN-03 v1.suspensionRule'),
        expect.stringContaining('TC-09: duplicate id'),
      ]),
    );
  });
});
