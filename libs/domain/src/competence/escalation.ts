import { defaultCalendar } from '../calendar/default-calendar';
import type { LocalDate } from '../calendar/local-date';
import type { LocalizedText } from '../calendar/localized-text';
import type { OfficialCalendar } from '../calendar/official-calendar';
import { HANDLER_ROLES, type HandlerRole } from './handler-roles';

/** One rung of the ladder run on an overdue clock; every rung is an audit event. */
export interface EscalationStep {
  readonly step: 1 | 2 | 3;
  /** The day the step is taken. */
  readonly date: LocalDate;
  readonly notify: readonly HandlerRole[];
  readonly action: LocalizedText;
  readonly citation: string;
  /** Intervals are agency policy built on the law (legal-rules.md §6), not statutory periods. */
  readonly basis: 'policy';
}

export interface EscalationOptions {
  /** Working days from the due date to step 2, then from step 2 to step 3 (policy, default 5 each). */
  readonly workingDaysToInspectorate?: number;
  readonly workingDaysToSuperior?: number;
}

const LADDER_POLICY = 'legal-rules.md §6 (chính sách theo dõi, đôn đốc)';

/**
 * The escalation ladder of a clock due on `dueDate` (legal-rules.md §6): (1) on the due date,
 * a reminder to the handling officer and the agency head; (2) 5 working days later, the
 * same-level inspectorate, which may issue an urging letter (văn bản đôn đốc); (3) 5 working
 * days after that, the superior inspectorate / superior head — for denunciations the
 * superior's power to order completion or take over, Luật Tố cáo 2018 Art. 37(1)(b), 38.
 */
export function escalationLadder(
  dueDate: LocalDate,
  area: 'complaint' | 'denunciation' | 'other',
  calendar: OfficialCalendar = defaultCalendar(),
  options: EscalationOptions = {},
): EscalationStep[] {
  const toInspectorate = options.workingDaysToInspectorate ?? 5;
  const toSuperior = options.workingDaysToSuperior ?? 5;
  const inspectorateDate = calendar.addWorkingDays(dueDate, toInspectorate);
  return [
    {
      step: 1,
      date: dueDate,
      notify: [HANDLER_ROLES.handlingOfficer, HANDLER_ROLES.agencyHead],
      action: { vi: 'Nhắc việc: hôm nay là hạn cuối', en: 'Reminder: today is the due date' },
      citation: LADDER_POLICY,
      basis: 'policy',
    },
    {
      step: 2,
      date: inspectorateDate,
      notify: [HANDLER_ROLES.sameLevelInspectorate],
      action: { vi: 'Báo thanh tra cùng cấp; có thể ban hành văn bản đôn đốc', en: 'Notify the same-level inspectorate; it may issue an urging letter' },
      citation: LADDER_POLICY,
      basis: 'policy',
    },
    {
      step: 3,
      date: calendar.addWorkingDays(inspectorateDate, toSuperior),
      notify: [HANDLER_ROLES.superiorInspectorate, HANDLER_ROLES.superiorHead],
      action:
        area === 'denunciation'
          ? { vi: 'Báo thanh tra và thủ trưởng cấp trên: yêu cầu hoàn thành hoặc trực tiếp giải quyết', en: 'Notify the superior inspectorate and head: order completion or take over' }
          : { vi: 'Báo thanh tra và thủ trưởng cấp trên', en: 'Notify the superior inspectorate and head' },
      citation: area === 'denunciation' ? `${LADDER_POLICY}; Luật Tố cáo 2018, Điều 37 khoản 1 điểm b, Điều 38` : LADDER_POLICY,
      basis: 'policy',
    },
  ];
}

/** The steps whose day has come by `today` (the ones that must have been taken). */
export function escalationStepsReached(ladder: readonly EscalationStep[], today: LocalDate): EscalationStep[] {
  return ladder.filter((step) => step.date <= today);
}
