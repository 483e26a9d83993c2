import { formatLocalDate, parseLocalDate, type IsoDate, type OfficialCalendar } from '../calendar';
import type { CaseKind, CaseStatus } from '../case';
import { due } from '../deadlines';
import type { ClockRecord } from './case-machine';
import type { ClockDeadline } from './clock-deadline';
import type { ClockName } from './lifecycle-types';

/** The case a new one refers to (the first-level complaint, the resolved denunciation). */
export interface LinkedCase {
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly remote: boolean;
  readonly clocks: Readonly<Partial<Record<ClockName, ClockRecord>>>;
  readonly deadlines: Readonly<Partial<Record<ClockName, ClockDeadline>>>;
}

export interface LinkRefusal {
  readonly field: 'parentCaseCode' | 'receivedOn';
  readonly reason: string;
}

/** Which earlier case a kind must refer to. */
const REQUIRED_PARENT: Partial<Record<CaseKind, CaseKind>> = {
  complaint_second_level: 'complaint', // Luật KN Art. 33: after the first-level decision or its expiry
  denunciation_review: 'denunciation', // Luật TC Art. 37: a denunciation already resolved
};

/**
 * May a case of `kind`, received on `receivedOn`, be lodged against `parent`? A second-level
 * complaint (KN-05, Luật KN Art. 33) must come within 30 days (45 remote) of receiving the
 * first-level decision, or of the expiry of the first-level period (KN-03) without one.
 */
export function linkRefusal(kind: CaseKind, parent: LinkedCase | undefined, receivedOn: IsoDate, calendar: OfficialCalendar): LinkRefusal | undefined {
  const required = REQUIRED_PARENT[kind];
  if (!required) return undefined;
  if (!parent) return { field: 'parentCaseCode', reason: `a ${kind} must name the ${required} case it follows` };
  if (parent.kind !== required) return { field: 'parentCaseCode', reason: `must be a ${required} case, not a ${parent.kind}` };
  if (kind !== 'complaint_second_level') return undefined;

  const appeal = parent.deadlines.appeal_window;
  let windowEnd: IsoDate;
  if (parent.clocks.appeal_window && appeal) {
    windowEnd = appeal.due;
  } else {
    const resolution = parent.deadlines.resolution;
    if (!resolution || parent.clocks.resolution?.status !== 'running' || receivedOn <= resolution.due) {
      return { field: 'parentCaseCode', reason: 'the first-level complaint has neither a decision sent nor an expired resolution period (Luật Khiếu nại 2011, Điều 33)' };
    }
    // No decision within KN-03: the window runs from the expiry of that period.
    windowEnd = formatLocalDate(due('KN-05', parseLocalDate(resolution.due), { remote: parent.remote }, calendar).due);
  }
  if (receivedOn > windowEnd) {
    return { field: 'receivedOn', reason: `outside the window for a second-level complaint, which ended on ${windowEnd} (KN-05, Luật Khiếu nại 2011, Điều 33)` };
  }
  return undefined;
}
