import { formatLocalDate, parseLocalDate } from '../calendar/local-date';
import { LEGAL_RULES } from '../rules/legal-rules';
import { checkRuleTable } from '../rules/rule-table-check';
import type { LegalRule } from '../rules/rule-types';
import { due } from './calculate-due';

describe('a corrected rule table', () => {
  it('changes due dates without a code change (KN-02 from 01/07/2026 read as 8 working days)', () => {
    const corrected: LegalRule[] = LEGAL_RULES.map((rule) =>
      rule.id !== 'KN-02'
        ? rule
        : { ...rule, versions: rule.versions.map((v) => (v.version === 3 ? { ...v, period: { kind: 'forward', unit: 'working', days: 8 }, confidence: 'confirmed' } : v)) },
    );
    expect(checkRuleTable(corrected)).toEqual([]);
    const start = parseLocalDate('2026-07-01');
    expect(formatLocalDate(due('KN-02', start).due)).toBe('2026-07-10');
    const result = due('KN-02', start, {}, undefined, { rules: corrected });
    expect(formatLocalDate(result.due)).toBe('2026-07-13');
    expect(result.confidence).toBe('confirmed');
  });
});
