import golden from '../../data/golden-deadlines.json';
import extra from '../../data/golden-deadlines-extra.json';
import { InvalidInputError } from '../calendar/invalid-input-error';
import { formatLocalDate, parseLocalDate } from '../calendar/local-date';
import { due } from './calculate-due';
import { parseDeadlineFacts } from './deadline-facts';

interface GoldenCase {
  readonly id: string;
  readonly rule: string;
  readonly start: string;
  readonly facts: unknown;
  readonly due?: string;
  readonly dueIgnoringProvisional?: string;
  readonly provisional?: boolean;
  readonly basis?: string;
  readonly error?: { readonly field: string; readonly code: string };
  readonly note: string;
}

function compute(c: GoldenCase) {
  return due(c.rule, parseLocalDate(c.start, 'start'), parseDeadlineFacts(c.facts));
}

describe('golden deadlines (shared/domain/golden-deadlines.json)', () => {
  it.each((golden.cases as GoldenCase[]).map((c) => [`${c.id} ${c.rule} ${c.start}: ${c.note}`, c] as const))('%s', (_, c) => {
    expect(formatLocalDate(compute(c).due)).toBe(c.due);
  });
});

describe('hand-worked deadlines (data/golden-deadlines-extra.json)', () => {
  const cases = extra.cases as GoldenCase[];

  it.each(cases.filter((c) => !c.error).map((c) => [`${c.id} ${c.rule} ${c.start}: ${c.note}`, c] as const))('%s', (_, c) => {
    const result = compute(c);
    expect(formatLocalDate(result.due)).toBe(c.due);
    expect(formatLocalDate(result.dueIgnoringProvisional)).toBe(c.dueIgnoringProvisional ?? c.due);
    expect(result.provisional).toBe(c.provisional);
    if (c.basis) expect(result.basis).toBe(c.basis);
  });

  it.each(cases.filter((c) => c.error).map((c) => [`${c.id} ${c.rule} ${c.start}: ${c.note}`, c] as const))('%s is refused', (_, c) => {
    let thrown: unknown;
    try {
      compute(c);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(thrown).toMatchObject(c.error!);
  });
});
