import { intakePriorityFlags, LARGE_GROUP_MIN_SIZE, normalizePriorityFlags, priorityFlagsAfterCommand, priorityFlagsAfterMilestone } from './priority-flags';

describe('priority flags (legal-rules.md §4)', () => {
  it('flags a group of 5 or more people as đông người at intake, and not a group of 4 (Luật TCD Art. 29)', () => {
    expect(LARGE_GROUP_MIN_SIZE).toBe(5);
    expect(intakePriorityFlags({ groupSize: 4 })).toEqual([]);
    expect(intakePriorityFlags({ groupSize: 5 })).toEqual(['large_group']);
    expect(intakePriorityFlags({ groupSize: 120, flags: ['land'] })).toEqual(['large_group', 'land']);
  });

  it('keeps the flags intake set, in one order, without repeats, and never lets intake claim a large group', () => {
    expect(intakePriorityFlags({ groupSize: 1, flags: ['land', 'complex', 'land'] })).toEqual(['complex', 'land']);
    expect(intakePriorityFlags({ groupSize: 1, flags: ['large_group', 'prolonged'] })).toEqual(['prolonged']);
    expect(intakePriorityFlags({ groupSize: 1, flags: ['urgent'] })).toEqual([]);
  });

  it('orders any set of flags the same way and drops unknown values', () => {
    expect(normalizePriorityFlags(['land', 'prolonged', 'large_group', 'x', 'land'])).toEqual(['large_group', 'prolonged', 'land']);
  });

  it('adds and removes a settable flag with flag_priority and unflag_priority, leaving the others', () => {
    expect(priorityFlagsAfterCommand(['large_group'], 'flag_priority', 'land')).toEqual(['large_group', 'land']);
    expect(priorityFlagsAfterCommand(['large_group', 'land'], 'flag_priority', 'land')).toEqual(['large_group', 'land']);
    expect(priorityFlagsAfterCommand(['large_group', 'complex', 'land'], 'unflag_priority', 'complex')).toEqual(['large_group', 'land']);
    expect(priorityFlagsAfterCommand(['land'], 'unflag_priority', 'prolonged')).toEqual(['land']);
  });

  it('never sets or clears large_group by a command: it follows the group size only', () => {
    expect(priorityFlagsAfterCommand([], 'flag_priority', 'large_group')).toBeUndefined();
    expect(priorityFlagsAfterCommand(['large_group'], 'unflag_priority', 'large_group')).toBeUndefined();
  });

  it('marks a case complex when its resolution period is extended (Luật KN Art. 28, 37; Luật TC Art. 30)', () => {
    expect(priorityFlagsAfterCommand(['land'], 'extend')).toEqual(['complex', 'land']);
    expect(priorityFlagsAfterCommand(['complex'], 'extend')).toEqual(['complex']);
  });

  it('leaves the flags alone on every other command', () => {
    for (const command of ['accept', 'assign', 'decide', 'close', 'suspend'] as const) expect(priorityFlagsAfterCommand(['land'], command, 'complex')).toBeUndefined();
  });

  it('marks a case prolonged when its resolution clock becomes very overdue, and on no other milestone or clock', () => {
    expect(priorityFlagsAfterMilestone(['large_group'], 'resolution', 'very_overdue')).toEqual(['large_group', 'prolonged']);
    expect(priorityFlagsAfterMilestone([], 'resolution', 'overdue')).toBeUndefined();
    expect(priorityFlagsAfterMilestone([], 'resolution', 'escalated_superior')).toBeUndefined();
    expect(priorityFlagsAfterMilestone([], 'acceptance', 'very_overdue')).toBeUndefined();
  });
});
