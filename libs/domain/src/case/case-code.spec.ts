import { caseWorkflowId, formatCaseCode, parseCaseCode } from './case-code';

describe('case codes', () => {
  it('formats agency, year and a zero-padded sequence', () => {
    expect(formatCaseCode({ agencyCode: 'UBND-HN', year: 2026, sequence: 123 })).toBe('UBND-HN-2026-000123');
  });

  it('parses what it formats', () => {
    expect(parseCaseCode('UBND-HN-2026-000123')).toEqual({ agencyCode: 'UBND-HN', year: 2026, sequence: 123 });
    expect(parseCaseCode('ubnd-2026-1')).toBeUndefined();
  });

  it('rejects lower-case agency codes and non-positive sequences', () => {
    expect(() => formatCaseCode({ agencyCode: 'ubnd', year: 2026, sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseCode({ agencyCode: 'UBND', year: 2026, sequence: 0 })).toThrow(RangeError);
  });

  it('derives the workflow id from the code', () => {
    expect(caseWorkflowId('UBND-HN-2026-000123')).toBe('case-UBND-HN-2026-000123');
  });
});
