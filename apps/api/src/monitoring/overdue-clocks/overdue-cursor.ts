import { registerDecorator, type ValidationArguments } from 'class-validator';
import { CLOCK_NAMES, type ClockName } from '@donthu/domain';
import { isRealIsoDate } from '../../common/is-local-date.validator';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../common/opaque-cursor';

export type SortDirection = 'asc' | 'desc';

/** Where a page of the overdue list ends: the sort key of its last clock, and which way it ran. */
export interface OverduePosition {
  direction: SortDirection;
  /** The monitored (conservative) due date, YYYY-MM-DD. */
  due: string;
  caseId: string;
  clock: ClockName;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients (base64url of `[direction, due, caseId, clock]`): they pass back what they got. */
export function encodeOverdueCursor(position: OverduePosition): string {
  return encodeOpaqueCursor([position.direction, position.due, position.caseId, position.clock]);
}

/** The position a cursor names, or undefined if it is not one this api issued. */
export function decodeOverdueCursor(cursor: unknown): OverduePosition | undefined {
  const parsed = decodeOpaqueCursor(cursor, 4);
  if (!parsed) return undefined;
  const [direction, due, caseId, clock] = parsed;
  if (direction !== 'asc' && direction !== 'desc') return undefined;
  if (typeof due !== 'string' || !isRealIsoDate(due)) return undefined;
  if (typeof caseId !== 'string' || !UUID.test(caseId)) return undefined;
  if (typeof clock !== 'string' || !(CLOCK_NAMES as readonly string[]).includes(clock)) return undefined;
  return { direction, due, caseId, clock: clock as ClockName };
}

/** A nextCursor of an earlier page, issued for the same sort direction as `directionOf(object)`. */
export function IsOverdueCursor(directionOf: (object: object) => SortDirection): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOverdueCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => decodeOverdueCursor(value)?.direction === directionOf(args.object),
        defaultMessage: (args: ValidationArguments) =>
          decodeOverdueCursor(args.value) ? 'was issued for the other sort direction: start again without a cursor' : 'must be a nextCursor returned by an earlier page of this list',
      },
    });
}
