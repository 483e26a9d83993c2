/**
 * Human-readable case code: `<AGENCY>-<YEAR>-<SEQUENCE>`, e.g. `UBND-HN-2026-000123`.
 * The sequence is allocated by the database (per agency and year); this module only formats
 * and parses, so that the workflow id can be derived from the code anywhere.
 */
export const CASE_CODE_PATTERN = /^([A-Z0-9]+(?:-[A-Z0-9]+)*)-(\d{4})-(\d{6,})$/;
export const AGENCY_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

export interface CaseCodeParts {
  agencyCode: string;
  year: number;
  sequence: number;
}

export function formatCaseCode({ agencyCode, year, sequence }: CaseCodeParts): string {
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
    throw new RangeError(`agency code "${agencyCode}" must be upper-case letters, digits and dashes`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year} is not a 4-digit year`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence ${sequence} must be a positive integer`);
  return `${agencyCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseCaseCode(code: string): CaseCodeParts | undefined {
  const match = CASE_CODE_PATTERN.exec(code);
  if (!match) return undefined;
  return { agencyCode: match[1]!, year: Number(match[2]), sequence: Number(match[3]) };
}

/** One workflow per case; its id means something (Temporal practice: `case-<code>`). */
export function caseWorkflowId(code: string): string {
  return `case-${code}`;
}
