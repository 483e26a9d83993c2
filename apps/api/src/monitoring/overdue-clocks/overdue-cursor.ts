import { registerDecorator, type ValidationArguments } from 'class-validator';
import { CLOCK_NAMES, type ClockName } from '@donthu/domain';
import { isRealIsoDate } from '../../common/is-local-date.validator';

export type SortDirection = 'asc' | 'desc';

/** Where a page of the overdue list ends: the sort key of its last clock, and which way it ran. */
export interface OverduePosition {
  direction: SortDirection;
  /** The monitored (conservative) due date, YYYY-MM-DD. */
  due: string;
  caseId: string;
  clock: ClockName;
}

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,300}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients (base64url of `[direction, due, caseId, clock]`): they pass back what they got. */
export function encodeOverdueCursor(position: OverduePosition): string {
  return Buffer.from(JSON.stringify([position.direction, position.due, position.caseId, position.clock]), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined if it is not one this api issued. */
export function decodeOverdueCursor(cursor: unknown): OverduePosition | undefined {
  if (typeof cursor !== 'string' || !CURSOR_PATTERN.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [direction, due, caseId, clock] = parsed as unknown[];
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
