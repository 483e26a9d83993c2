import { registerDecorator, type ValidationArguments } from 'class-validator';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import { isRealIsoDate } from '../../common/is-local-date.validator';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../../common/opaque-cursor';

/**
 * Where a page of the case list ends: the sort key of its last row. `nextDueOn` null means the
 * page ended among the cases without a running clock (they come last).
 */
export interface CaseListPosition {
  nextDueOn: string | null;
  code: string;
}

/** Where a page of search results (`q`) ends: the relevance of its last row (0–1, as PostgreSQL computed it), then its inbox key. */
export interface CaseSearchPosition {
  score: number;
  nextDueOn: string | null;
  code: string;
}

// Long enough for any real key (a score, a date and a case code), short enough to refuse junk before decoding.
const MAX_CURSOR_LENGTH = 200;

/**
 * The cursor is opaque to clients (base64url of `[nextDueOn, code]`, or `[score, nextDueOn, code]`
 * for a search) so that the sort key can change without breaking the contract; clients pass back
 * what they were given.
 */
export function encodeCursor(position: CaseListPosition | CaseSearchPosition): string {
  const key = 'score' in position ? [position.score, position.nextDueOn, position.code] : [position.nextDueOn, position.code];
  return encodeOpaqueCursor(key);
}

/** The position a cursor names, or undefined if it is not one this api issued. */
export function decodeCursor(cursor: unknown): CaseListPosition | CaseSearchPosition | undefined {
  const search = decodeOpaqueCursor(cursor, 3, MAX_CURSOR_LENGTH);
  const inbox = search ? undefined : decodeOpaqueCursor(cursor, 2, MAX_CURSOR_LENGTH);
  if (!search && !inbox) return undefined;
  const [score, nextDueOn, code] = search ?? [undefined, ...inbox!];
  if (typeof code !== 'string' || !CASE_CODE_PATTERN.test(code)) return undefined;
  if (nextDueOn !== null && !(typeof nextDueOn === 'string' && isRealIsoDate(nextDueOn))) return undefined;
  if (score === undefined) return { nextDueOn, code };
  return typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 1 ? { score, nextDueOn, code } : undefined;
}

/**
 * A cursor returned as `nextCursor` by an earlier page of the same list: a search's (ordered by
 * relevance) when `searching(object)`, the inbox's otherwise.
 */
export function IsCaseListCursor(searching: (object: object) => boolean = () => false): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCaseListCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const position = decodeCursor(value);
          return position !== undefined && 'score' in position === searching(args.object);
        },
        defaultMessage: (args: ValidationArguments) =>
          decodeCursor(args.value) ? 'was issued for another list (with or without q): start again without a cursor' : 'must be a nextCursor returned by an earlier page of this list',
      },
    });
}
