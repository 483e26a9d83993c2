import { parseLocalDate } from '../calendar/local-date';
import { parseDeadlineFacts } from './deadline-facts';

function errorOf(input: unknown): unknown {
  try {
    parseDeadlineFacts(input);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('deadline facts from JSON', () => {
  it('reads flags, counts and suspensions with ISO dates', () => {
    expect(parseDeadlineFacts({ complex: true, extensions: 2, suspensions: [{ from: '2026-03-10', to: '2026-03-20' }] })).toEqual({
      complex: true,
      extensions: 2,
      suspensions: [{ from: parseLocalDate('2026-03-10'), to: parseLocalDate('2026-03-20') }],
    });
    expect(parseDeadlineFacts(undefined)).toEqual({});
  });

  it('names the field of a bad suspension date', () => {
    expect(errorOf({ suspensions: [{ from: '2026-03-10', to: '2026-03-20' }, { from: '2026-02-30', to: '2026-03-01' }] })).toMatchObject({
      field: 'facts.suspensions[1].from',
      code: 'day_out_of_range',
    });
  });

  it('rejects unknown facts and wrong types', () => {
    expect(errorOf({ urgent: true })).toMatchObject({ field: 'facts.urgent', code: 'unknown_fact' });
    expect(errorOf({ complex: 'yes' })).toMatchObject({ field: 'facts.complex', code: 'not_a_boolean' });
    expect(errorOf({ extensions: 1.5 })).toMatchObject({ field: 'facts.extensions', code: 'not_a_count' });
    expect(errorOf({ policyDays: 0 })).toMatchObject({ field: 'facts.policyDays', code: 'not_a_count' });
    expect(errorOf({ suspensions: 'none' })).toMatchObject({ field: 'facts.suspensions', code: 'not_a_list' });
    expect(errorOf([])).toMatchObject({ field: 'facts', code: 'not_an_object' });
  });
});
