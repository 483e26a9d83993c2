import type { LocalizedText } from '../calendar';
import type { CaseCommand } from './case-command';

/**
 * Theo dõi ưu tiên: "Large-group, complex, prolonged and land-acquisition cases are flagged for
 * priority monitoring" (legal-rules.md §4, last paragraph). A flag is a monitoring mark: it never
 * changes a due date (the longer "complex" period of KN-03/KN-07 and the TC-04 extensions come
 * only from the `extend` command, decided by the head with a reason).
 *
 * How each flag is set:
 * - `large_group` (đông người) follows the group size recorded at intake: 5 or more people, the
 *   size from which a group must choose representatives (Luật Tiếp công dân 2013, Điều 29). It is
 *   derived only; nobody sets or clears it by hand.
 * - `complex` (phức tạp): set at intake or later by an officer; also set when the resolution
 *   period is extended, because the law extends it only for complex cases (Luật Khiếu nại 2011,
 *   Điều 28, 37; Luật Tố cáo 2018, Điều 30 khoản 1).
 * - `prolonged` (kéo dài): set at intake or later by an officer (e.g. a matter the citizen has
 *   pursued for years); also set when the resolution clock becomes very overdue, i.e. the case is
 *   still unresolved after twice its statutory period (legal-rules.md §6 `very_overdue`; the
 *   definition of "kéo dài" by time is donthu policy, not law).
 * - `land` (đất đai, thu hồi đất: land and land acquisition): set at intake or later by an officer.
 * An officer may clear complex, prolonged or land again (agency head, with a reason, audited).
 */
export const PRIORITY_FLAGS = ['large_group', 'complex', 'prolonged', 'land'] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

/** The flags people set and clear (at intake, or by the flag_priority / unflag_priority commands). */
export const SETTABLE_PRIORITY_FLAGS = ['complex', 'prolonged', 'land'] as const satisfies readonly PriorityFlag[];
export type SettablePriorityFlag = (typeof SETTABLE_PRIORITY_FLAGS)[number];

export const PRIORITY_FLAG_LABELS: Readonly<Record<PriorityFlag, LocalizedText>> = {
  large_group: { vi: 'Đông người', en: 'Large group' },
  complex: { vi: 'Phức tạp', en: 'Complex' },
  prolonged: { vi: 'Kéo dài', en: 'Prolonged' },
  land: { vi: 'Đất đai, thu hồi đất', en: 'Land / land acquisition' },
};

/** From this many people a group chooses representatives (Luật Tiếp công dân 2013, Điều 29): đông người. */
export const LARGE_GROUP_MIN_SIZE = 5;

export function isPriorityFlag(value: unknown): value is PriorityFlag {
  return typeof value === 'string' && (PRIORITY_FLAGS as readonly string[]).includes(value);
}

export function isSettablePriorityFlag(value: unknown): value is SettablePriorityFlag {
  return typeof value === 'string' && (SETTABLE_PRIORITY_FLAGS as readonly string[]).includes(value);
}

/** The same set in one order (the order of PRIORITY_FLAGS), without repeats or unknown values. */
export function normalizePriorityFlags(flags: readonly string[]): PriorityFlag[] {
  return PRIORITY_FLAGS.filter((flag) => flags.includes(flag));
}

/** The flags a case is born with: those intake set, plus đông người from the group size. */
export function intakePriorityFlags(facts: { readonly groupSize: number; readonly flags?: readonly string[] }): PriorityFlag[] {
  const set = (facts.flags ?? []).filter(isSettablePriorityFlag) as string[];
  if (Number.isInteger(facts.groupSize) && facts.groupSize >= LARGE_GROUP_MIN_SIZE) set.push('large_group');
  return normalizePriorityFlags(set);
}

/**
 * The flags after a lifecycle command, or undefined when the command does not touch them:
 * flag_priority adds its flag, unflag_priority removes it, extend (found complex, TC-04
 * extension) adds `complex`. Flags the command cannot set or clear are left as they are.
 */
export function priorityFlagsAfterCommand(current: readonly string[], command: CaseCommand, priorityFlag?: string): PriorityFlag[] | undefined {
  switch (command) {
    case 'flag_priority':
      return isSettablePriorityFlag(priorityFlag) ? normalizePriorityFlags([...current, priorityFlag]) : undefined;
    case 'unflag_priority':
      return isSettablePriorityFlag(priorityFlag) ? normalizePriorityFlags(current.filter((flag) => flag !== priorityFlag)) : undefined;
    case 'extend':
      return normalizePriorityFlags([...current, 'complex']);
    default:
      return undefined;
  }
}

/**
 * The flags after a clock milestone, or undefined when it does not touch them: the resolution
 * clock becoming very overdue (still unresolved after twice its period) makes the case prolonged.
 */
export function priorityFlagsAfterMilestone(current: readonly string[], clock: string, milestone: string): PriorityFlag[] | undefined {
  if (clock !== 'resolution' || milestone !== 'very_overdue') return undefined;
  return normalizePriorityFlags([...current, 'prolonged']);
}
