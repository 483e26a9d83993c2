import { registerDecorator } from 'class-validator';

// Query strings arrive as strings. Only exact spellings are converted, so that `limit=1e2`,
// `limit=0x10` or `overdue=yes` stay strings and are refused instead of being read generously.
export const toInteger = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^[0-9]{1,6}$/.test(value) ? Number(value) : value);
export const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** An integer in [min, max], one message whichever way it is wrong (not a number, a fraction, out of range). */
export function IsIntegerIn(min: number, max: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIntegerIn',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: () => `must be an integer from ${min} to ${max}`,
      },
    });
}
