import { InvalidInputError, parseLocalDate, type LocalDate } from '../calendar';

/**
 * A lawful suspension (tạm đình chỉ): S = date of the suspension decision, R = date of the
 * resume decision (legal-rules.md §1). Also used for KN-01's "time lost to objective obstacles".
 */
export interface Suspension {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** What the officers recorded about the case that changes how a period is counted. */
export interface DeadlineFacts {
  /** Vụ việc phức tạp, decided by the deciding officer with a reason. */
  readonly complex?: boolean;
  /** Vùng sâu, vùng xa, đi lại khó khăn: a property of the case's location. */
  readonly remote?: boolean;
  /** Verification needed at several places (TC-01). */
  readonly severalSites?: boolean;
  /** Number of extension decisions (gia hạn) taken, TC-04. */
  readonly extensions?: number;
  /** In date order, not overlapping. */
  readonly suspensions?: readonly Suspension[];
  /** The agency's own period in working days for a policy rule (PA-02). */
  readonly policyDays?: number;
}

const BOOLEAN_FACTS = ['complex', 'remote', 'severalSites'] as const;
const KNOWN_FACTS = new Set<string>([...BOOLEAN_FACTS, 'extensions', 'suspensions', 'policyDays']);

function invalid(field: string, code: string, vi: string, en: string): InvalidInputError {
  return new InvalidInputError(field, code, { vi, en });
}

function nonNegativeInteger(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(field, 'not_a_count', `phải là số nguyên ≥ ${min} (nhận được ${JSON.stringify(value)})`, `must be a whole number ≥ ${min} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/**
 * Reads facts as they arrive at an edge (JSON with ISO dates) into `DeadlineFacts`, rejecting
 * unknown keys and wrong types with an `InvalidInputError` naming the field
 * (e.g. `facts.suspensions[1].from`). Order and range of suspensions are checked by `due`.
 */
export function parseDeadlineFacts(input: unknown, field = 'facts'): DeadlineFacts {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid(field, 'not_an_object', 'phải là một đối tượng', 'must be an object');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FACTS.has(key)) throw invalid(`${field}.${key}`, 'unknown_fact', `không có thông tin "${key}"`, `unknown fact "${key}"`);
  }
  const facts: { -readonly [K in keyof DeadlineFacts]: DeadlineFacts[K] } = {};
  for (const key of BOOLEAN_FACTS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw invalid(`${field}.${key}`, 'not_a_boolean', 'phải là true hoặc false', 'must be true or false');
    facts[key] = value;
  }
  if (raw.extensions !== undefined) facts.extensions = nonNegativeInteger(raw.extensions, `${field}.extensions`, 0);
  if (raw.policyDays !== undefined) facts.policyDays = nonNegativeInteger(raw.policyDays, `${field}.policyDays`, 1);
  if (raw.suspensions !== undefined) {
    if (!Array.isArray(raw.suspensions)) throw invalid(`${field}.suspensions`, 'not_a_list', 'phải là một danh sách', 'must be a list');
    facts.suspensions = raw.suspensions.map((item: unknown, i: number): Suspension => {
      const at = `${field}.suspensions[${i}]`;
      if (typeof item !== 'object' || item === null) throw invalid(at, 'not_an_object', 'phải có dạng {from, to}', 'must be {from, to}');
      const { from, to } = item as Record<string, unknown>;
      return { from: parseLocalDate(from, `${at}.from`), to: parseLocalDate(to, `${at}.to`) };
    });
  }
  return facts;
}
