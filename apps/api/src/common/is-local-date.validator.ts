import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseLocalDate } from '@donthu/domain';
import { todayInVietnam } from './local-date';

/** A real calendar date `YYYY-MM-DD` (the domain's own parser decides: one definition of a date). */
export function isRealIsoDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date `YYYY-MM-DD`, not after today in Vietnam, not before 2000. */
export function IsPastOrTodayLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastOrTodayLocalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isRealIsoDate(value) && value >= '2000-01-01' && value <= todayInVietnam(),
        defaultMessage: () => 'must be a real date YYYY-MM-DD between 2000-01-01 and today (Asia/Ho_Chi_Minh)',
      },
    });
}

/** A real calendar date `YYYY-MM-DD` (past or future). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRealIsoDate(value) && value >= '2000-01-01' && value <= '2199-12-31',
        defaultMessage: () => 'must be a real date YYYY-MM-DD',
      },
    });
}
