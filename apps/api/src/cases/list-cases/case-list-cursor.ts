import { registerDecorator, type ValidationOptions } from 'class-validator';
import { CASE_CODE_PATTERN } from '@donthu/domain';
import { isRealIsoDate } from '../../common/is-local-date.validator';

/**
 * Where a page of the case list ends: the sort key of its last row. `nextDueOn` null means the
 * page ended among the cases without a running clock (they come last).
 */
export interface CaseListPosition {
  nextDueOn: string | null;
  code: string;
}

// Long enough for any real key (a date and a case code), short enough to refuse junk before decoding.
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The cursor is opaque to clients (base64url of `[nextDueOn, code]`) so that the sort key can
 * change without breaking the contract; clients pass back what they were given.
 */
export function encodeCursor(position: CaseListPosition): string {
  return Buffer.from(JSON.stringify([position.nextDueOn, position.code]), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined if it is not one this api issued. */
export function decodeCursor(cursor: unknown): CaseListPosition | undefined {
  if (typeof cursor !== 'string' || !CURSOR_PATTERN.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [nextDueOn, code] = parsed as unknown[];
  if (nextDueOn !== null && !(typeof nextDueOn === 'string' && isRealIsoDate(nextDueOn))) return undefined;
  if (typeof code !== 'string' || !CASE_CODE_PATTERN.test(code)) return undefined;
  return { nextDueOn, code };
}

/** A cursor returned as `nextCursor` by an earlier page. */
export function IsCaseListCursor(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCaseListCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => decodeCursor(value) !== undefined,
        defaultMessage: () => 'must be a nextCursor returned by an earlier page of this list',
      },
    });
}
