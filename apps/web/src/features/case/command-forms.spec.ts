import { COMPLAINT_REFUSAL_GROUNDS, lifecycleOf } from '@donthu/domain';
import { actionBody, actionSchema, actionsFor, commandPath } from './command-forms';

describe('actions offered on the case page', () => {
  it('offers only the commands this role may send in this state', () => {
    const allowed = ['accept', 'refuse', 'transfer', 'guide'] as const;
    const head = actionsFor('complaint', 'received', [...allowed], 'agency_head').map((a) => a.command);
    const intake = actionsFor('complaint', 'received', [...allowed], 'intake_officer').map((a) => a.command);
    expect(head).toEqual(expect.arrayContaining(['accept', 'refuse']));
    // Accepting a complaint is the handler's or the head's act (Luật KN), not the intake officer's.
    expect(intake).not.toContain('accept');
    expect(intake).toContain('transfer');
  });

  it('takes the fields, grounds and citation from the lifecycle table', () => {
    const [refuse] = actionsFor('complaint', 'received', ['refuse'], 'agency_head');
    expect(refuse!.fields).toEqual(['legalGround', 'note']);
    expect(refuse!.grounds).toBe(COMPLAINT_REFUSAL_GROUNDS);
    expect(refuse!.transition.citation).toContain('Điều 11');
  });

  it('validates like the api: a refusal needs a ground from its list', () => {
    const [refuse] = actionsFor('complaint', 'received', ['refuse'], 'agency_head');
    const schema = actionSchema(refuse!);
    expect(schema.safeParse({ note: '' }).success).toBe(false);
    expect(schema.safeParse({ legalGround: 'no_such_ground' }).success).toBe(false);
    expect(schema.safeParse({ legalGround: 'limitation_expired', note: '' }).success).toBe(true);
  });

  it('sends only the command’s own fields, without empty ones', () => {
    const [refuse] = actionsFor('complaint', 'received', ['refuse'], 'agency_head');
    expect(actionBody(refuse!, { legalGround: 'unsigned', note: ' ', reason: 'x', effectiveDate: '' })).toEqual({ legalGround: 'unsigned' });
  });

  it('knows every command’s endpoint path', () => {
    expect(commandPath('start_verification')).toBe('start-verification');
    expect(lifecycleOf('letter').transitions.length).toBeGreaterThan(0);
  });
});
