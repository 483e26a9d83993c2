import { registerDecorator, type ValidationOptions } from 'class-validator';
import { todayInVietnam } from './local-date';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1]!;
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
